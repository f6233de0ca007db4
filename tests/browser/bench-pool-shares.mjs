#!/usr/bin/env node
// The shares of the page's worker pool (web/src/engine.js), each on one thread under Node (the same V8 and wasm
// module as the page's workers): the map step of every article (mapArticle), the reduce step over their records
// (addRecord + analyze) and the direct analysis (addArticle + analyze), on the end-to-end batches of
// bench-e2e.mjs; best of 2. The bound of n workers is direct / (map / n + reduce): the time a pool would take on
// n free cores, with the reduce step alone in the first worker. Single-thread times, so the ratios hold up
// better than the pool's own wall times when other work shares the machine.
//   node tests/browser/bench-pool-shares.mjs
import { join } from 'node:path';
import { benchFiles } from './bench-lib.mjs';
import { root } from './helpers.mjs';

const { createAnalyzer } = await import(join(root, 'build/wasm/dist/crosswire.js'));
const files = await benchFiles();
for (const size of [1000, 5000]) {
  const articles = files[`batch-${size}.json`];
  const rows = [];
  for (let run = 0; run < 2; run += 1) {
    const direct = await createAnalyzer();
    let t = performance.now();
    for (const a of articles) direct.addArticle(a);
    const json = direct.analyzeJson();
    const d = performance.now() - t;
    direct.dispose();
    const mapper = await createAnalyzer();
    t = performance.now();
    const lines = articles.map((a) => mapper.mapArticle(a));
    const m = performance.now() - t;
    mapper.dispose();
    const reducer = await createAnalyzer();
    t = performance.now();
    for (const l of lines) reducer.addRecord(l);
    const json2 = reducer.analyzeJson();
    const r = performance.now() - t;
    reducer.dispose();
    if (json !== json2) throw new Error(`${size} articles: the records' analysis differs from the direct one`);
    rows.push({ d, m, r });
  }
  const best = (k) => Math.min(...rows.map((x) => x[k]));
  const [d, m, r] = [best('d'), best('m'), best('r')];
  console.log(`${size}: direct ${d.toFixed(0)} ms, map ${m.toFixed(0)} ms (${(100 * m / d).toFixed(0)}% of direct), reduce ${r.toFixed(0)} ms; bound 2 workers ${(d / (m / 2 + r)).toFixed(2)}x, 4 workers ${(d / (m / 4 + r)).toFixed(2)}x`);
}

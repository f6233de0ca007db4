#!/usr/bin/env node
// The shares of the page's worker pool (web/src/engine.js), each on one thread under Node (the same V8 and wasm
// module as the page's workers): map round 1 of every article (mapArticle with its casing counts), map round 2
// of every record with the batch's summed counts (mapRecord), the reduce step over the records of version 3
// (addCasingCounts + addRecord + analyze) and the direct analysis (addArticle + analyze), on the end-to-end
// batches of bench-e2e.mjs; best of 2. The bound of n workers is direct / ((map 1 + map 2) / n + reduce): the
// time a pool would take on n free cores, with the reduce step alone in the first worker and nothing lost
// to copying between threads; and, for a pool of two (round 1 only in the pool), the reduce step over the records
// of round 1 with the summed counts, bound direct / (map 1 / 2 + that reduce). Single-thread times, so the ratios hold up better than the pool's own wall
// times when other work shares the machine; each is given as wall time and as the process's CPU time
// (process.cpuUsage: the wasm runs on this thread), which holds up better still.
//   node tests/browser/bench-pool-shares.mjs [--dist=DIR] [--sizes=1000,5000]
//   --dist: another build's wasm dist folder (default build/wasm/dist), to compare builds in one run.
import { join, resolve } from 'node:path';
import { benchFiles } from './bench-lib.mjs';
import { root } from './helpers.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dist = resolve(option('dist', join(root, 'build/wasm/dist')));
const sizes = option('sizes', '1000,5000').split(',').map(Number);
const { createAnalyzer } = await import(join(dist, 'crosswire.js'));
const files = await benchFiles();
const ms = (x) => `${x.toFixed(0)} ms`;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
// Runs `work`, returning its result and adding its wall and CPU milliseconds to `into[key]`.
function timed(into, key, work) {
  const [wall, cpu] = [performance.now(), cpuMs()];
  const result = work();
  into[key] = (into[key] ?? 0) + performance.now() - wall;
  into[`${key}Cpu`] = (into[`${key}Cpu`] ?? 0) + cpuMs() - cpu;
  return result;
}
for (const size of sizes) {
  const articles = files[`batch-${size}.json`];
  const rows = [];
  for (let run = 0; run < 2; run += 1) {
    const row = {};
    const direct = await createAnalyzer();
    const json = timed(row, 'd', () => {
      for (const a of articles) direct.addArticle(a);
      return direct.analyzeJson();
    });
    direct.dispose();

    const mapper = await createAnalyzer();
    const [lines, casing] = timed(row, 'm1', () => [articles.map((a) => mapper.mapArticle(a, { countCasing: true })), mapper.takeCasing()]);
    const lines3 = timed(row, 'm2', () => {
      mapper.addCasingCounts(casing);
      return lines.map((l) => mapper.mapRecord(l));
    });
    mapper.dispose();

    const reducer = await createAnalyzer();
    timed(row, 'r', () => {
      reducer.addCasingCounts(casing);
      for (const l of lines3) reducer.addRecord(l);
    });
    const json2 = timed(row, 'b', () => reducer.analyzeJson());
    row.r += row.b;
    row.rCpu += row.bCpu;
    reducer.dispose();
    // The reduce step of a pool of two (web/src/engine.js): records of round 1 with the summed counts, round 2
    // in the batch step's worker.
    const reducer1 = await createAnalyzer();
    const json1 = timed(row, 'r1', () => {
      reducer1.addCasingCounts(casing);
      for (const l of lines) reducer1.addRecord(l);
      return reducer1.analyzeJson();
    });
    reducer1.dispose();
    if (json !== json2 || json !== json1) throw new Error(`${size} articles: the records' analysis differs from the direct one`);
    rows.push(row);
  }
  for (const [kind, suffix] of [['wall', ''], ['CPU', 'Cpu']]) {
    const best = (k) => Math.min(...rows.map((x) => x[k + suffix]));
    const [d, m1, m2, r, b, r1] = [best('d'), best('m1'), best('m2'), best('r'), best('b'), best('r1')];
    const m = m1 + m2;
    const bound = (n) => (d / (m / n + r)).toFixed(2);
    console.log(`${size} (${kind}): direct ${ms(d)}, map round 1 ${ms(m1)}, round 2 ${ms(m2)} (map ${(100 * m / d).toFixed(0)}% of direct), ` +
      `reduce ${ms(r)} (${(100 * r / d).toFixed(0)}%; its batch step ${ms(b)}, ${(100 * b / d).toFixed(0)}%); bound 2 workers ${bound(2)}x, 4 workers ${bound(4)}x; ` +
      `reduce of round-1 records ${ms(r1)}: bound of a pool of two with round 2 in the batch step's worker ${(d / (m1 / 2 + r1)).toFixed(2)}x`);
  }
}

#!/usr/bin/env node
// End to end in Chromium: batches of 100, 1,000 and 5,000 articles analysed and clustered by the app's own
// analysis worker (web/dist/worker.js, messages as the page sends them), a fresh worker each run: time of adding
// the articles, of analyze(), the whole request, and memory (the wasm heap; the page's JS heap while it holds the
// articles and the analysis). Batches: the seeds and the ECB+ articles, then renamed copies (bench-lib.mjs).
// Then the app's worker pool, one worker vs two (--pool: that comparison alone). --tagger: that comparison alone
// instead, one worker without and with the trained tagger (the `tagger` pack) on the 1,000-article batch.
//   node tests/browser/bench-e2e.mjs [--runs=5] [--tiny] [--pool | --tagger]
import { endToEndSizes, inPage, isMain, minMedian, mm, num, rates, runAlone, table, utf8Bytes } from './bench-lib.mjs';

const MiB = 1024 * 1024;

export async function benchEndToEnd({ page, context }, { runs, tiny, files }) {
  if (process.argv.includes('--pool')) return benchPool(page, { runs, tiny, files });
  if (process.argv.includes('--tagger')) return benchTagger(page, { runs, tiny, files });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const pageHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  const timeRows = [];
  const memoryRows = [];
  let shape = null;
  for (const size of endToEndSizes(tiny)) {
    const file = `batch-${size}.json`;
    const bytes = utf8Bytes(files[file]);
    const results = [];
    const heaps = [];
    const baseline = await pageHeap();
    for (let run = 0; run < runs; run += 1) {
      results.push(await inPage(page, 'endToEnd', file));
      console.error(`bench: ${size} articles, run ${run + 1}/${runs}: ${Math.round(results.at(-1).roundTripMs)} ms`);
      heaps.push((await pageHeap()) - baseline);
      await page.evaluate(() => globalThis.crosswireBench.release());
    }
    const pick = (key) => results.map((r) => r[key]);
    const r = results[0];
    timeRows.push([size, `${(bytes / 1e6).toFixed(2)} MB`, mm(pick('addAllMs'), 1, 4), mm(pick('analyzeMs'), 1, 4), mm(pick('workerMs'), 1, 4),
      mm(pick('roundTripMs'), 1, 4), rates(pick('roundTripMs'), size), rates(pick('roundTripMs'), bytes / 1e6), mm(pick('initMs'))]);
    const wasm = Math.max(...pick('wasmBytes'));
    memoryRows.push([size, `${num(wasm / MiB)} MiB`, `${num(wasm / bytes)}×`, mm(heaps, 1 / MiB)]);
    shape = shape ?? [];
    shape.push([size, r.articles, r.rejected, r.entities, r.stories, r.largestStory]);
  }
  await cdp.detach();
  const pool = await benchPool(page, { runs, tiny, files });
  return [
    `### End to end in the app's worker (${runs} runs, fresh worker each, min / median)`,
    '',
    'add all = the worker\'s addArticle loop; analyze() = entities, dates, clustering and the JSON to a plain object;',
    'worker total = what the worker reports for the request (clear + add all + analyze); round trip = from the page',
    'posting the articles to the page holding the analysis (adds copying both across threads).',
    '',
    table(['articles', 'text', 'add all ms', 'analyze() ms', 'worker total ms', 'round trip ms', 'articles/s (best / median)', 'MB/s (best / median)', 'worker start ms'], timeRows),
    '',
    'Memory (growth curve): the wasm memory after the analysis (it only grows; a fresh worker per run), its ratio to the',
    'UTF-8 text, and the page\'s JS heap above its baseline while it holds the articles and the analysis (after a GC).',
    '(The worker\'s own JS heap is not shown: Chromium has no performance.memory in workers.)',
    '',
    table(['articles', 'wasm memory', 'wasm / text', 'page JS heap MiB'], memoryRows),
    '',
    table(['articles', 'analysed', 'rejected', 'entities', 'stories', 'largest story'], shape),
    '',
    pool,
  ].join('\n');
}

// The app's worker pool (web/src/engine.js): one worker vs two, runs alternating (1, 2, 1, 2...) so that other
// work on the machine falls on both alike; the pool started before the clock.
async function benchPool(page, { runs, tiny, files }) {
  const rows = [];
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  for (const size of tiny ? endToEndSizes(tiny) : endToEndSizes(tiny).filter((n) => n >= 1000)) {
    const file = `batch-${size}.json`;
    const bytes = utf8Bytes(files[file]);
    const results = { 1: [], 2: [] };
    for (let run = 0; run < runs; run += 1) {
      for (const workers of [1, 2]) {
        const r = await inPage(page, 'endToEndPool', { file, workers });
        if (r.workers !== workers || r.notes.length) throw new Error(`pool of ${workers}: ${r.workers} started; ${r.notes.join(' ')}`);
        results[workers].push(r);
        console.error(`bench: pool, ${size} articles, ${workers} worker(s), run ${run + 1}/${runs}: ${Math.round(r.roundTripMs)} ms`);
        await page.evaluate(() => globalThis.crosswireBench.release());
      }
    }
    const pick = (workers, key) => results[workers].map((r) => r[key]);
    const ratio = (key) => {
      const [one, two] = [minMedian(pick(1, key)), minMedian(pick(2, key))];
      return `${num(one.min / two.min)}× / ${num(one.median / two.median)}×`;
    };
    const wasm = (workers) => Math.max(...pick(workers, 'wasmBytes'));
    rows.push([size, `${(bytes / 1e6).toFixed(2)} MB`, mm(pick(1, 'roundTripMs'), 1, 4), mm(pick(2, 'roundTripMs'), 1, 4), ratio('roundTripMs'),
      mm(pick(1, 'readMs'), 1, 4), mm(pick(2, 'readMs'), 1, 4), `${num(wasm(1) / MiB)} MiB`, `${num(wasm(2) / MiB)} MiB`,
      `${num(wasm(2) / wasm(1))}×`, Math.min(...pick(2, 'progress'))]);
  }
  return [
    `### The worker pool: one worker vs two (${runs} runs each, alternating, min / median; navigator.hardwareConcurrency = ${cores})`,
    '',
    'round trip = the page posting the batch to the analysis in the page; reading = until the batch step starts',
    '(one worker: its addArticle loop; a pool: both map rounds of every share, with the casing counts exchanged,',
    'the batch step\'s worker keeping the articles of its own shares); wasm memory = the sum over the pool;',
    'progress = progress reports the page got (two workers: one per article of a share mapped by the other worker',
    'and one per share in each round).',
    '',
    table(['articles', 'text', '1 worker ms', '2 workers ms', '1 / 2 (min / median)', 'reading, 1 ms', 'reading, 2 ms',
      'wasm, 1', 'wasm, 2 (sum)', 'wasm 2 / 1', 'progress'], rows),
  ].join('\n');
}

// One worker without and with the trained tagger of the cased scripts and Thai, runs alternating.
async function benchTagger(page, { runs, tiny, files }) {
  const rows = [];
  const size = tiny ? endToEndSizes(tiny).at(-1) : 1000;
  const file = `batch-${size}.json`;
  const results = { rules: [], tagger: [] };
  for (let run = 0; run < runs; run += 1) {
    for (const mode of ['rules', 'tagger']) {
      results[mode].push(await inPage(page, 'endToEnd', { file, tagger: mode === 'tagger' }));
      console.error(`bench: ${size} articles, ${mode}, run ${run + 1}/${runs}: ${Math.round(results[mode].at(-1).roundTripMs)} ms`);
      await page.evaluate(() => globalThis.crosswireBench.release());
    }
  }
  const pick = (mode, key) => results[mode].map((r) => r[key]);
  const [rules, tagger] = [minMedian(pick('rules', 'roundTripMs')), minMedian(pick('tagger', 'roundTripMs'))];
  rows.push([size, `${(utf8Bytes(files[file]) / 1e6).toFixed(2)} MB`, mm(pick('rules', 'roundTripMs'), 1, 4),
    mm(pick('tagger', 'roundTripMs'), 1, 4), `${num(tagger.min / rules.min)}× / ${num(tagger.median / rules.median)}×`,
    mm(pick('rules', 'initMs')), mm(pick('tagger', 'initMs')), Math.max(...pick('rules', 'entities')), Math.max(...pick('tagger', 'entities'))]);
  return [
    `### The trained tagger in the app's worker (${runs} runs each, alternating, fresh worker each, min / median)`,
    '',
    table(['articles', 'text', 'rules ms', 'tagger ms', 'tagger / rules (min / median)', 'worker start, rules ms',
      'worker start, tagger ms', 'entities, rules', 'entities, tagger'], rows),
  ].join('\n');
}

if (isMain(import.meta)) await runAlone(benchEndToEnd);

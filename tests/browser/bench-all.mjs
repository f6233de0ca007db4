#!/usr/bin/env node
// Every browser benchmark in one run (not part of `npm test`; numbers, never pass/fail): word segmentation vs
// Intl.Segmenter, English entities vs compromise, end to end at 100 / 1,000 / 5,000 articles, and the page load
// (bench-load.mjs). Prints Markdown tables.
//   node tests/browser/bench-all.mjs [--runs=5] [--tiny]     (--tiny: one run on a few documents, to check it works)
//   CROSSWIRE_DEVDATA=dir                                     the development data (default ../shared/devdata)
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { root } from './helpers.mjs';
import { benchEndToEnd } from './bench-e2e.mjs';
import { benchEntities } from './bench-entities.mjs';
import { benchSegment } from './bench-segment.mjs';
import { benchFiles, ensureWebBuild, openBench, parseRuns, startSite } from './bench-lib.mjs';

const options = parseRuns();
await ensureWebBuild();

const chromium = spawnSync(process.env.CROSSWIRE_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim();
const modelName = cpus()[0]?.model ?? 'unknown CPU';
console.log(`## Crosswire in the browser: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(`Machine: ${cpus().length} × ${modelName}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; ${chromium || 'chromium'} headless; ` +
  `Node ${process.versions.node}; ${options.runs} run(s) of each figure; load average at the start ${loadavg().map((l) => l.toFixed(1)).join(' ')} ` +
  '(other work shares the machine: the min is the figure to compare).');
const pkg = JSON.parse(await readFile(join(root, 'node_modules/compromise/package.json'), 'utf8'));
console.log(`Peers: Intl.Segmenter of this Chromium; compromise ${pkg.version}. MB = 10^6 bytes of UTF-8 text.\n`);

const files = await benchFiles(options);
const site = await startSite(files);
try {
  for (const bench of [benchSegment, benchEntities, benchEndToEnd]) {
    // A fresh browser for each, so one benchmark's garbage does not land in the next one's figures.
    const browser = await openBench(site.url);
    try {
      console.log(`${await bench(browser, { ...options, files, url: site.url })}\n`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await site.close();
}

console.log('### Page load (tests/browser/bench-load.mjs)\n');
const load = spawnSync(process.execPath, [join(root, 'tests/browser/bench-load.mjs'), String(Math.max(options.runs, 1))], { stdio: 'inherit' });
process.exitCode = load.status ?? 1;

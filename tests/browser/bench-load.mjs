#!/usr/bin/env node
// Load cost of the page (not part of `npm test`): bytes transferred on a first visit (fresh profile, no cache,
// no service worker yet) and the time to the first rendered analysis of the sample articles.
//   node tests/browser/bench-load.mjs [runs]      (after npm run build)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDir, launch, startServer } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function once(url) {
  const browser = await launch();
  const { page, context } = browser;
  const fetched = new Map();
  let precacheBytes = 0;
  context.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    if (!sizes) return;
    const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
    // The service worker's precache (after the module is ready) is counted apart from the page's own load.
    if (request.serviceWorker()) precacheBytes += bytes;
    else fetched.set(request.url(), (fetched.get(request.url()) ?? 0) + bytes);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer')?.dataset.engine === 'ready', null, { timeout: 60_000, polling: 5 });
    const engineReady = await page.evaluate(() => performance.now());
    const loadBytes = [...fetched.values()].reduce((a, b) => a + b, 0);
    const loadFiles = [...fetched.keys()];
    if (process.env.BENCH_VERBOSE) console.log(loadFiles.join("\n"));
    await page.locator('crosswire-analyzer button.samples').click();
    const clicked = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer').shadowRoot.querySelectorAll('.story-card').length > 0, null, { timeout: 60_000, polling: 5 });
    const rendered = await page.evaluate(() => performance.now());
    const analysisMs = Number(await page.evaluate(() => document.querySelector('crosswire-analyzer').dataset.analysisMs));
    await page.waitForTimeout(500);
    return { engineReady, samplesToRender: rendered - clicked, firstRender: rendered, analysisMs, loadBytes, loadFiles, precacheBytes };
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(server.url));
  // What the same files weigh gzipped (serve.mjs does not compress; a production server would).
  let gzipBytes = 0;
  for (const url of results[0].loadFiles) {
    const path = new URL(url).pathname.replace(/\/$/, '/index.html');
    const bytes = await readFile(join(distDir, decodeURIComponent(path))).catch(() => null);
    if (bytes) gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`crosswire page load, ${runs} fresh-profile runs (median), served by web/serve.mjs on localhost:`);
  console.log(`  first load transferred        ${kib(median(results.map((r) => r.loadBytes)))} in ${results[0].loadFiles.length} requests (${kib(gzipBytes)} if gzipped)`);
  console.log(`  service worker precache        ${kib(median(results.map((r) => r.precacheBytes)))} (revalidations of what the page already has, plus the samples)`);
  console.log(`  navigation -> wasm ready      ${median(results.map((r) => r.engineReady)).toFixed(0)} ms`);
  console.log(`  samples click -> stories shown ${median(results.map((r) => r.samplesToRender)).toFixed(0)} ms (analysis in the worker ${median(results.map((r) => r.analysisMs))} ms)`);
  console.log(`  navigation -> first analysis  ${median(results.map((r) => r.firstRender)).toFixed(0)} ms (clicking as soon as the module is ready)`);
} finally {
  await server.stop();
}

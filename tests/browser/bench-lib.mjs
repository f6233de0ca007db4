// Shared by the browser benchmarks (not part of `npm test`): the development corpora, a served folder holding
// the built app (web/dist) plus the benchmark page (bench-pages/), and min/median tables.
//   CROSSWIRE_DEVDATA=dir   the development data (default: ../shared/devdata beside the repository)
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { distDir, launch, root, seedsDir, startServer } from './helpers.mjs';

export const devdataDir = resolve(process.env.CROSSWIRE_DEVDATA ?? join(root, '../shared/devdata'));
const pagesDir = join(root, 'tests/browser/bench-pages');
const wasmDist = join(root, 'build/wasm/dist');
/**
 * What the page loads of Crosswire's engine for English text (the app's own UI code is measured by
 * bench-load.mjs): the module and its base data pack.
 */
export async function engineFiles() {
  const { default: packs } = await import(pathToFileURL(join(wasmDist, 'crosswire-packs.js')).href);
  return ['crosswire.js', 'crosswire-core.js', 'crosswire-core.wasm', 'crosswire-packs.js', packs.base.file];
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

async function textFiles(dir) {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort(byName);
  return Promise.all(names.map(async (name) => ({ id: name, text: await readFile(join(dir, name), 'utf8') })));
}

/** The 462 ECB+ development articles (English, one sentence a line), by file name. */
export const ecbArticles = () => textFiles(join(devdataDir, 'ecbplus/docs'));

/** The seed articles of the golden tests (several languages). */
export const seedArticles = () => textFiles(seedsDir);

/**
 * ThaiNER's training text as documents: each [URL] line starts a new one and is dropped; the inline entity tags
 * ([PERSON]…[/PERSON] and the others) are removed, leaving the plain news text.
 */
export async function thaiDocuments() {
  const lines = (await readFile(join(devdataDir, 'thainer/train.txt'), 'utf8')).split('\n');
  const docs = [];
  let current = null;
  for (const line of lines) {
    if (line.startsWith('[URL]') || !current) {
      current = [];
      docs.push(current);
      if (line.startsWith('[URL]')) continue;
    }
    const text = line.replace(/\[\/?[A-Z_]+\]/g, '');
    if (text.trim()) current.push(text);
  }
  return docs.filter((doc) => doc.length).map((doc, index) => ({ id: `thainer-${String(index).padStart(3, '0')}`, text: doc.join('\n') }));
}

/** People's Daily (dev split) as documents of 20 sentences: the characters of each sentence joined, tags dropped. */
export async function chineseDocuments() {
  const sentences = (await readFile(join(devdataDir, 'ner/peoples-daily/zh/dev.txt'), 'utf8')).split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.split(' ')[0]).join('')).filter(Boolean);
  const docs = [];
  for (let i = 0; i < sentences.length; i += 20) docs.push({ id: `pd-${String(i / 20).padStart(3, '0')}`, text: sentences.slice(i, i + 20).join('\n') });
  return docs;
}

/** The stockmark Wikipedia sentences as documents of 20 sentences. */
export async function japaneseDocuments() {
  const sentences = JSON.parse(await readFile(join(devdataDir, 'ner/stockmark/ja/ner.json'), 'utf8')).map((item) => item.text);
  const docs = [];
  for (let i = 0; i < sentences.length; i += 20) docs.push({ id: `sm-${String(i / 20).padStart(3, '0')}`, text: sentences.slice(i, i + 20).join('\n') });
  return docs;
}

// Suffixes that turn a name into a new, pronounceable one; copy k uses the digits of k in this base.
const syllables = ['ov', 'ani', 'berg', 'ez', 'ski', 'ton', 'elli', 'son', 'ard', 'ino', 'escu', 'um'];
const calendarWords = new Set();
for (let i = 0; i < 12; i += 1) calendarWords.add(new Date(Date.UTC(2001, i, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }));
for (let i = 0; i < 7; i += 1) calendarWords.add(new Date(Date.UTC(2001, 0, i + 1)).toLocaleString('en', { weekday: 'long', timeZone: 'UTC' }));

function suffixFor(copy) {
  let out = '';
  for (let k = copy; k > 0; k = Math.floor((k - 1) / syllables.length)) out = syllables[(k - 1) % syllables.length] + out;
  return out;
}

/**
 * Copy number `copy` (1, 2…) of an English article with its names changed, so that copies are distinct
 * articles about distinct people, places and organisations (not duplicates that would all cluster together):
 * every capitalised word inside a line (not a line's first word, not a month or weekday name) gets a suffix
 * made from the copy number ("Teixeira" -> "Teixeiraov" in copy 1, "Teixeiraani" in copy 2…). Text shape,
 * length and dates stay as they were.
 */
export function renamedCopy(article, copy) {
  const suffix = suffixFor(copy);
  const text = article.text.replace(/(?<=\S[ \t]+)\p{Lu}[\p{Ll}\p{Lu}'’-]+/gu, (word) => (calendarWords.has(word) ? word : word + suffix));
  return { id: `copy${copy}-${article.id}`, text };
}

/**
 * `count` articles for the end-to-end runs: the seeds and the ECB+ articles in name order, then renamed copies of
 * the ECB+ articles (copy 1 of all of them, then copy 2…) until there are enough.
 */
export function batchOf(seeds, ecb, count) {
  const out = [...seeds, ...ecb].slice(0, count);
  for (let copy = 1; out.length < count; copy += 1) {
    for (const article of ecb) {
      if (out.length === count) break;
      out.push(renamedCopy(article, copy));
    }
  }
  return out;
}

export const utf8Bytes = (articles) => articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);

/** Builds web/dist when it is missing or holds another wasm build than build/wasm/dist. */
export async function ensureWebBuild() {
  const [built, fresh] = await Promise.all([
    readFile(join(distDir, 'crosswire-core.wasm')).catch(() => null),
    readFile(join(wasmDist, 'crosswire-core.wasm')).catch(() => null),
  ]);
  const [builtJs, freshJs] = await Promise.all([
    readFile(join(distDir, 'crosswire.js'), 'utf8').catch(() => null),
    readFile(join(wasmDist, 'crosswire.js'), 'utf8').catch(() => null),
  ]);
  if (built && (!fresh || (built.equals(fresh) && builtJs === freshJs))) return;
  console.error('bench: building web/dist (node web/build.mjs)');
  const result = spawnSync(process.execPath, [join(root, 'web/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('node web/build.mjs failed');
}

export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** compromise as a page would ship it: one minified ES module bundle. */
export async function compromiseBundle() {
  const result = await build({
    stdin: { contents: "export { default } from 'compromise';", resolveDir: root, loader: 'js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, legalComments: 'none', logLevel: 'warning',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

/**
 * A temporary folder served by web/serve.mjs (with its CSP): web/dist, the benchmark page, its worker bundled
 * with compromise, and `files` ({name: value}, written as JSON) for the page to fetch. Resolves {url, close}.
 */
export async function startSite(files = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'crosswire-bench-'));
  await cp(distDir, dir, { recursive: true });
  for (const name of await readdir(pagesDir)) await cp(join(pagesDir, name), join(dir, name));
  await build({
    entryPoints: [join(pagesDir, 'bench-worker.js')], outfile: join(dir, 'bench-worker.js'), external: ['./crosswire.js'],
    bundle: true, minify: true, format: 'esm', platform: 'browser', legalComments: 'none', logLevel: 'warning',
  });
  // The page bundles the app's worker pool (web/src/engine.js) to drive it as the app does.
  await build({
    entryPoints: [join(pagesDir, 'bench-page.js')], outfile: join(dir, 'bench-page.js'),
    bundle: true, minify: true, format: 'esm', platform: 'browser', legalComments: 'none', logLevel: 'warning',
  });
  for (const [name, value] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(value));
  const server = await startServer(dir);
  return {
    url: server.url,
    close: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the benchmark page in a fresh Chromium profile; resolves the helpers' browser object. */
export async function openBench(url) {
  const browser = await launch();
  await browser.page.goto(new URL('bench.html', url).href);
  await browser.page.waitForFunction(() => !!globalThis.crosswireBench);
  return browser;
}

export function minMedian(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2 };
}

/** Formats numbers to a few significant digits, keeping integers whole. */
export function num(value, digits = 3) {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en');
  return Number(value.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 });
}

/** "min / median" of a list of measurements. */
export function mm(values, scale = 1, digits = 3) {
  const { min, median } = minMedian(values.map((v) => v * scale));
  return `${num(min, digits)} / ${num(median, digits)}`;
}

/** A Markdown table (pastes into BENCHMARKS.md as it is), columns padded for the terminal. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Runs `main` when the file is the script node was started with. */
export function isMain(meta) {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(meta.url);
}

export function parseRuns(fallback = 5) {
  const tiny = process.argv.includes('--tiny');
  const arg = process.argv.find((a) => /^--runs=\d+$/.test(a));
  return { tiny, runs: arg ? Number(arg.slice(7)) : tiny ? 1 : fallback };
}

/** The sizes of the end-to-end batches. */
export const endToEndSizes = (tiny) => (tiny ? [10] : [100, 1000, 5000]);

/** Every file the benchmark page fetches (--tiny: a few documents of each). */
export async function benchFiles({ tiny = false } = {}) {
  const [ecb, thai, zh, ja, seeds] = await Promise.all([ecbArticles(), thaiDocuments(), chineseDocuments(), japaneseDocuments(), seedArticles()]);
  const few = (docs, n) => (tiny ? docs.slice(0, n) : docs);
  const files = {
    'corpus-en.json': few(ecb, 5), 'corpus-th.json': few(thai, 2), 'corpus-zh.json': few(zh, 2), 'corpus-ja.json': few(ja, 2),
    'corpus-seeds.json': seeds,
  };
  for (const size of endToEndSizes(tiny)) files[`batch-${size}.json`] = batchOf(seeds, ecb, size);
  return files;
}

/** Runs one benchmark on its own: build check, served folder, browser; prints what it returns. */
export async function runAlone(bench) {
  const options = parseRuns();
  await ensureWebBuild();
  const files = await benchFiles(options);
  const site = await startSite(files);
  try {
    const browser = await openBench(site.url);
    try {
      console.log(await bench(browser, { ...options, files, url: site.url }));
    } finally {
      await browser.close();
    }
  } finally {
    await site.close();
  }
}

/** Calls the page's crosswireBench[name](arg); throws the worker's failure as an error. */
export async function inPage(page, name, arg) {
  const reply = await page.evaluate(([n, a]) => globalThis.crosswireBench[n](a), [name, arg]);
  if (reply?.type === 'failure') throw new Error(`benchmark worker: ${reply.message}`);
  return reply;
}

/** A rate from a list of times in ms: "at the min time / at the median time" (best / median rate). */
export function rates(msList, amount, digits = 3) {
  const { min, median } = minMedian(msList);
  return `${num(amount / (min / 1000), digits)} / ${num(amount / (median / 1000), digits)}`;
}

// Shared by the browser tests: the static server, Debian's chromium through playwright-core, and small helpers
// to reach into <crosswire-analyzer> (Playwright's CSS locators pierce its open shadow root).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = join(root, 'web/dist');
export const seedsDir = join(root, 'tests/golden/seeds');
export const resultsDir = join(root, 'test-results');

/** Starts web/serve.mjs on a free port; resolves {url, stop}. */
export async function startServer(dir = distDir) {
  const child = spawn(process.execPath, [join(root, 'web/serve.mjs'), '--port', '0', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/on (http:\/\/\S+\/)/);
      if (match) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () => new Promise((done) => {
      child.once('exit', done);
      child.kill();
    }),
  };
}

/** A fresh browser profile in a temporary folder; resolves {context, page, profile, close}. */
export async function launch({ profile, offline = false, serviceWorkers = 'allow' } = {}) {
  const userDir = profile ?? (await mkdtemp(join(tmpdir(), 'crosswire-chromium-')));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CROSSWIRE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    offline,
    serviceWorkers,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  return {
    context,
    page,
    errors,
    profile: userDir,
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile) await rm(userDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the server and a browser before the tests of the enclosing file or suite, and closes both after
 * them. The returned object holds `server` and `browser` once the tests run.
 */
// The single-file build opened from file:// with every other request refused: `blocked` lists what the page
// asked for outside itself (nothing, if it truly works offline). Close `browser` when done.
export async function launchStandalone() {
  const browser = await launch();
  const blocked = [];
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await browser.page.goto(pathToFileURL(join(distDir, 'crosswire-standalone.html')).href);
  return { browser, page: browser.page, blocked };
}

export function serverAndBrowser(launchOptions) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch(launchOptions);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export async function seedFiles() {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, mimeType: 'text/plain', buffer: await readFile(join(seedsDir, name)) })));
}

/** Waits until the element has finished analysing (data-state="ready"). */
export async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer')?.dataset.state === 'ready', null, { timeout });
}

/** Runs `action` and waits for the analysis it causes (the element counts its analyses in data-runs). */
export async function nextAnalysis(page, action, timeout = 60_000) {
  const runs = await page.evaluate(() => Number(document.querySelector('crosswire-analyzer').dataset.runs ?? 0));
  await action();
  await page.waitForFunction((before) => {
    const element = document.querySelector('crosswire-analyzer');
    return Number(element.dataset.runs ?? 0) > before && element.dataset.state === 'ready';
  }, runs, { timeout });
  return analysisOf(page);
}

export async function waitEngine(page, timeout = 60_000) {
  await page.waitForFunction(() => ['ready', 'failed'].includes(document.querySelector('crosswire-analyzer')?.dataset.engine), null, { timeout });
  return page.evaluate(() => document.querySelector('crosswire-analyzer').dataset.engine);
}

/** The analysis the element currently shows. */
export function analysisOf(page) {
  return page.evaluate(() => document.querySelector('crosswire-analyzer').analysis);
}

/** Adds files through the element's (hidden) file input, as the "Add files…" button does. */
export async function addFiles(page, files) {
  await page.locator('crosswire-analyzer input[type=file][multiple]').setInputFiles(files);
}

export async function screenshot(page, name) {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

export async function openTab(page, label) {
  await page.locator('crosswire-analyzer [role=tab]', { hasText: label }).click();
}

/** Drops files on the element the way a browser does: a real DataTransfer on dragenter and drop events. */
export async function dropFiles(page, files) {
  const payload = files.map((file) => ({ name: file.name, type: file.mimeType, base64: Buffer.from(file.buffer).toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], file.name, { type: file.type }));
    }
    const target = document.querySelector('crosswire-analyzer');
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, composed: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
  }, payload);
}

/** Clicks an Export menu item and resolves with the downloaded file's name and text. */
export async function exportFile(page, item) {
  await page.locator('crosswire-analyzer .menu summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('crosswire-analyzer .menu-items button', { hasText: item }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Parses CSV as written by web/src/exports.js (RFC 4180 quoting). */
export function parseCsv(input) {
  const text = input.replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((key, index) => [key, cells[index]])));
}

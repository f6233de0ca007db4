// Shared by the browser tests: the static server, Debian's chromium through playwright-core, and small helpers
// to reach into <crosswire-analyzer> (Playwright's CSS locators pierce its open shadow root).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
export async function launch({ profile, offline = false } = {}) {
  const userDir = profile ?? (await mkdtemp(join(tmpdir(), 'crosswire-chromium-')));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CROSSWIRE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    offline,
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

export async function seedFiles() {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, mimeType: 'text/plain', buffer: await readFile(join(seedsDir, name)) })));
}

/** Waits until the element has finished analysing (data-state="ready"). */
export async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer')?.dataset.state === 'ready', null, { timeout });
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

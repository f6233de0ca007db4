#!/usr/bin/env node
// Builds the web app into web/dist: the page, its worker, the embeddable element, the service worker, the
// sample articles, the wasm module (copied from the wasm build), and web/dist/crosswire-standalone.html, one
// file with everything inside that works opened from disk with no network.
//   node web/build.mjs            (npm run build)
//   CROSSWIRE_WASM_DIST=dir       where crosswire.js, crosswire-core.{js,wasm}, the data packs are
//                                 (default: build/wasm/dist, from toolchain/build.sh)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './serve.mjs';
import { formatPayload, listFiles, packFiles, payload } from './payload.mjs';

const webDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(webDir, '..');
const srcDir = join(webDir, 'src');
const distDir = join(webDir, 'dist');
const wasmDist = resolve(root, process.env.CROSSWIRE_WASM_DIST ?? 'build/wasm/dist');
const seedsDir = join(root, 'tests/golden/seeds');
const wasmFiles = ['crosswire.js', 'crosswire-core.js', 'crosswire-core.wasm', 'crosswire-packs.js'];

// frame-ancestors is ignored (with a console warning) in a <meta> policy, so the page's copy leaves it out.
const metaPolicy = contentSecurityPolicy.split('; ').filter((rule) => !rule.startsWith('frame-ancestors')).join('; ');

const common = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome109', 'firefox115', 'safari16.4'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.css': 'text' },
};

async function main() {
  for (const name of wasmFiles) {
    if (!(await stat(join(wasmDist, name)).catch(() => null))) {
      throw new Error(`${relative(root, join(wasmDist, name)) || name} is missing: build the wasm module first ` +
        '(toolchain/build.sh), or point CROSSWIRE_WASM_DIST at its output folder');
    }
  }
  await rm(distDir, { recursive: true, force: true });
  await mkdir(join(distDir, 'samples'), { recursive: true });

  // The app and the element share chunks; the element alone is what a host page imports.
  await build({
    ...common,
    entryPoints: { 'crosswire-app': join(srcDir, 'main.js'), 'crosswire-element': join(srcDir, 'element.js') },
    outdir: distDir,
    splitting: true,
    // Chunks stay beside the entries: the element finds worker.js and samples/ relative to its own URL.
    chunkNames: 'crosswire-shared-[hash]',
    define: { CROSSWIRE_STANDALONE: 'false' },
  });
  // The worker imports the wasm module's own ES module at run time, next to it in dist.
  await build({ ...common, entryPoints: [join(srcDir, 'worker.js')], outfile: join(distDir, 'worker.js'), external: ['./crosswire.js'] });

  const packs = await packFiles(wasmDist);
  for (const name of [...wasmFiles, ...Object.values(packs)]) await cp(join(wasmDist, name), join(distDir, name));
  for (const name of ['page.css', 'embed-example.css', 'embed-example.js']) await cp(join(webDir, name), join(distDir, name));
  for (const name of ['index.html', 'embed-example.html']) {
    const html = await readFile(join(webDir, name), 'utf8');
    await writeFile(join(distDir, name), html.replace('__CSP__', metaPolicy));
  }
  const samples = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  for (const name of samples) await cp(join(seedsDir, name), join(distDir, 'samples', name));
  await writeFile(join(distDir, 'samples/index.json'), `${JSON.stringify(samples)}\n`);

  // The service worker precaches every file of the app; its cache name changes whenever a file does.
  const files = (await listFiles(distDir)).filter((path) => path !== 'sw.js');
  const hash = createHash('sha256');
  for (const path of files) hash.update(path).update(await readFile(join(distDir, path)));
  await build({
    ...common,
    format: 'iife',
    entryPoints: [join(srcDir, 'sw.js')],
    outfile: join(distDir, 'sw.js'),
    define: {
      // Data packs are fetched when a text needs them and cached then (crosswire.js), not on install.
      CROSSWIRE_PRECACHE: JSON.stringify(['./', ...files.filter((path) => path !== 'crosswire-standalone.html' && !path.endsWith('.pack'))]),
      CROSSWIRE_VERSION: JSON.stringify(hash.digest('hex').slice(0, 12)),
    },
  });

  await buildStandalone(samples);
  await report();
}

// Inline scripts and styles are allowed by their hashes only, so the single file keeps a strict policy.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
// Inside <script>, only "</script" (and "<!--") can end or confuse the element; JS reads "<\/" as "</".
const inlineScript = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

async function buildStandalone(samples) {
  const bundled = async (options) => (await build({ ...common, write: false, ...options })).outputFiles[0].text;
  const appJs = inlineScript(await bundled({ entryPoints: [join(srcDir, 'main.js')], define: { CROSSWIRE_STANDALONE: 'true' } }));
  // In the single file the worker is one blob: the wasm module's JS is bundled into it.
  // A classic worker: Chromium refuses module workers from blob: URLs of a file:// page (its origin is opaque).
  const workerJs = await bundled({
    entryPoints: [join(srcDir, 'worker.js')],
    format: 'iife',
    logLevel: 'error', // esbuild warns that import.meta is empty in an iife; the worker passes absolute URLs
    plugins: [{
      name: 'crosswire-wasm-module',
      setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^\.\/crosswire\.js$/ }, () => ({ path: join(wasmDist, 'crosswire.js') }));
      },
    }],
  });
  const assets = {
    worker: workerJs,
    wasm: (await readFile(join(wasmDist, 'crosswire-core.wasm'))).toString('base64'),
    // The single file has every pack: it never fetches.
    packs: Object.fromEntries(await Promise.all(Object.entries(await packFiles(wasmDist))
      .map(async ([name, file]) => [name, (await readFile(join(wasmDist, file))).toString('base64')]))),
    samples: Object.fromEntries(await Promise.all(samples.map(async (name) => [name, await readFile(join(seedsDir, name), 'utf8')]))),
  };
  // JSON inside a non-executed script element: escaping "<" keeps it from ever closing the element early.
  const assetsJson = JSON.stringify(assets).replace(/</g, '\\u003c');
  const pageCss = await readFile(join(webDir, 'page.css'), 'utf8');
  const policy = [
    "default-src 'none'",
    // A blob: worker inherits this policy; embind needs eval unless the module is linked without it.
    `script-src ${sha256(appJs)} 'wasm-unsafe-eval'${workerJs.includes('new Function') ? " 'unsafe-eval'" : ''}`,
    'worker-src blob:',
    `style-src ${sha256(pageCss)}`,
    'connect-src blob: data:',
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<title>Crosswire (single file, offline)</title>
<style>${pageCss}</style>
</head>
<body>
<crosswire-analyzer></crosswire-analyzer>
<script type="application/json" id="crosswire-assets">${assetsJson}</script>
<script type="module">${appJs}</script>
</body>
</html>
`;
  await writeFile(join(distDir, 'crosswire-standalone.html'), html);
}

async function report() {
  console.log('crosswire: web/dist');
  console.log(formatPayload(await payload(distDir)));
}

main().catch((error) => {
  console.error(`crosswire: web build failed: ${error.message}`);
  process.exit(1);
});

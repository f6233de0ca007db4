// The npm package as another project sees it: the tarball that toolchain/build.sh packs (npm/build.mjs) is installed
// offline into a scratch project in build/, its declarations type-check a usage example, a page that imports it is
// bundled with esbuild (with the documented copy step) and runs in Chromium, and the same package is loaded as plain
// ES modules with no build step.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';
import Ajv2020 from 'ajv/dist/2020.js';
import { projectVersion } from '../../npm/build.mjs';
import { launch, startServer } from '../browser/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const seedsDir = path.join(root, 'tests/golden/seeds');
const scratch = path.join(root, 'build/npm-scratch');
const installed = path.join(scratch, 'node_modules/crosswire');
const version = await projectVersion();
const tarball = path.join(root, `build/npm/crosswire-${version}.tgz`);
const seeds = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();

// What a user copies next to the bundle: esbuild leaves `new URL(..., import.meta.url)` alone.
// The data packs are named by their content: the installed crosswire-packs.js lists them.
const baseRuntimeFiles = ['crosswire.js', 'crosswire-core.js', 'crosswire-core.wasm', 'crosswire-packs.js', 'worker.js'];
const runtimeFiles = async () => [...baseRuntimeFiles,
  ...Object.values((await import(path.join(installed, 'crosswire-packs.js'))).default).map((pack) => pack.file)];

let server = null;
let browser = null;

before(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await writeFile(path.join(scratch, 'package.json'), `${JSON.stringify({ name: 'crosswire-scratch', private: true, type: 'module' }, null, 2)}\n`);
  // --offline: the package has no dependencies, so installing it must not need the network.
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  await cp(path.join(here, 'page'), scratch, { recursive: true });
  await cp(path.join(here, 'usage.ts'), path.join(scratch, 'usage.ts'));
  await cp(path.join(here, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
  // The host's sample articles, where the element's "Try the sample articles" looks for them.
  for (const dir of [path.join(scratch, 'samples'), path.join(scratch, 'node_modules/crosswire/samples')]) {
    await mkdir(dir, { recursive: true });
    for (const name of seeds) await cp(path.join(seedsDir, name), path.join(dir, name));
    await writeFile(path.join(dir, 'index.json'), JSON.stringify(seeds));
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the tarball holds the package: version from CMakeLists.txt, exports, types, schema, licences', async () => {
  const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'crosswire');
  assert.equal(manifest.version, version);
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'default']);
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((line) => line.replace(/^package\//, '')).sort();
  for (const file of [...(await runtimeFiles()), 'element.js', 'crosswire.d.ts', 'element.d.ts', 'schema/crosswire-1.schema.json',
    'LICENSE', 'NOTICE', 'README.md', 'package.json', 'licenses/ICU.txt', 'licenses/Snowball.txt',
    'licenses/Emscripten.txt', 'licenses/trigrams.txt', 'licenses/Readability.txt']) {
    assert.ok(listed.includes(file), `the tarball has ${file}`);
  }
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const targets = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of targets) assert.ok(listed.includes(file.replace(/^\.\//, '')), `${entry} -> ${file} is in the tarball`);
  }
  assert.deepEqual(await readFile(path.join(installed, 'schema/crosswire-1.schema.json')), await readFile(path.join(root, 'schema/crosswire-1.schema.json')));
  assert.match(await readFile(path.join(installed, 'README.md'), 'utf8'), /## Use from npm/);
});

test('the installed module runs under node and its output validates against the installed schema', async () => {
  const { createAnalyzer } = await import(path.join(installed, 'crosswire.js'));
  const schema = JSON.parse(await readFile(path.join(installed, 'schema/crosswire-1.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const analyzer = await createAnalyzer();
  for (const name of seeds) analyzer.addArticle({ id: name, text: await readFile(path.join(seedsDir, name), 'utf8') });
  const analysis = analyzer.analyze();
  analyzer.dispose();
  assert.equal(analysis.articles.length, seeds.length);
  assert.ok(validate(analysis), JSON.stringify(validate.errors));
});

test('tsc --noEmit type-checks the usage example against the installed declarations', () => {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(scratch, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('a page bundled with esbuild from the installed package analyses the samples in Chromium', async () => {
  const out = path.join(scratch, 'dist');
  await build({
    entryPoints: [path.join(scratch, 'app.js')],
    bundle: true,
    format: 'esm',
    outdir: out,
    absWorkingDir: scratch,
    logLevel: 'warning',
  });
  for (const name of await runtimeFiles()) await cp(path.join(installed, name), path.join(out, name));
  for (const name of ['index.html', 'page.css']) await cp(path.join(scratch, name), path.join(out, name));
  await cp(path.join(scratch, 'samples'), path.join(out, 'samples'), { recursive: true });

  server = await startServer(scratch);
  browser = await launch();
  const { page, errors } = browser;
  await page.goto(new URL('dist/index.html', server.url).href);
  await page.waitForFunction(() => document.getElementById('summary').dataset.ready === 'true');

  const result = await page.evaluate(() => window.analyzeSamples());
  assert.deepEqual(result.articles.map(([id]) => id), seeds);
  assert.deepEqual(result.articles.map(([, lang]) => lang), ['en', 'th', 'fr', 'en', 'en']);
  assert.equal(result.stories.reduce((sum, n) => sum + n, 0), seeds.length);
  assert.ok(result.entities.includes('Alexander Volfovich'), result.entities.join(', '));
  assert.equal(result.refused, 'binary_input');
  assert.equal(result.words, 5);

  // The element, from the same bundle: its worker starts, the samples are analysed, and the host's theme applies.
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.engine === 'ready', null, { timeout: 60_000 });
  await page.evaluate(() => document.querySelector('crosswire-analyzer').loadSamples());
  await page.waitForFunction(() => document.getElementById('summary').dataset.elementArticles, null, { timeout: 60_000 });
  const element = await page.evaluate(() => {
    const host = document.querySelector('crosswire-analyzer');
    const button = host.shadowRoot.querySelector('button.primary');
    return {
      articles: host.analysis.articles.length,
      stories: host.analysis.stories.length,
      state: host.dataset.state,
      accent: getComputedStyle(button).backgroundColor,
      background: getComputedStyle(host).backgroundColor,
    };
  });
  assert.deepEqual(element, { articles: seeds.length, stories: result.stories.length, state: 'ready', accent: 'rgb(200, 30, 90)', background: 'rgb(250, 245, 235)' });
  assert.deepEqual(errors, []);
});

test('the installed modules work as plain ES modules with no build step', async () => {
  assert.ok(browser, 'the browser started in the previous test');
  const { page, errors } = browser;
  await page.goto(new URL('plain.html', server.url).href);
  await page.waitForFunction(() => typeof window.analyzeText === 'function');
  const text = await readFile(path.join(seedsDir, seeds[0]), 'utf8');
  const analysis = await page.evaluate(([id, body]) => window.analyzeText(id, body), [seeds[0], text]);
  assert.equal(analysis.schema, 'crosswire/1');
  assert.equal(analysis.articles[0].id, seeds[0]);
  assert.ok(analysis.entities.length > 3);
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.engine === 'ready', null, { timeout: 60_000 });
  await page.evaluate(() => document.querySelector('crosswire-analyzer').loadSamples());
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').analysis?.articles.length > 0, null, { timeout: 60_000 });
  assert.equal(await page.evaluate(() => document.querySelector('crosswire-analyzer').analysis.articles.length), seeds.length);
  assert.deepEqual(errors, []);
});

#!/usr/bin/env node
// Assembles the npm package in build/npm/package and packs it into build/npm/crosswire-<version>.tgz:
// the JS module and its wasm and ICU data (from the wasm build), the <crosswire-analyzer> element and its worker
// (bundled from web/src), the type declarations, the JSON Schema, LICENSE and NOTICE. The version is the one of
// CMakeLists.txt's project(); nothing else states it. Prints the packed and unpacked sizes.
//   node npm/build.mjs
//   CROSSWIRE_WASM_DIST=dir   where crosswire.js, crosswire-core.{js,wasm}, the data packs are
//                             (default: build/wasm/dist, from toolchain/build.sh)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const npmDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(npmDir, '..');
const outDir = join(root, 'build/npm');
const packageDir = join(outDir, 'package');
const wasmDist = resolve(root, process.env.CROSSWIRE_WASM_DIST ?? 'build/wasm/dist');
const wasmFiles = ['crosswire.js', 'crosswire-core.js', 'crosswire-core.wasm', 'crosswire-packs.js'];

/** The version of project() in CMakeLists.txt: the one place the version is written. */
export async function projectVersion() {
  const cmake = await readFile(join(root, 'CMakeLists.txt'), 'utf8');
  const match = cmake.match(/^project\(crosswire\s+VERSION\s+(\d+\.\d+\.\d+)\b/m);
  if (!match) throw new Error('CMakeLists.txt has no project(crosswire VERSION x.y.z)');
  return match[1];
}

// The sections of the README a package user needs, in this order; the rest is about the repository.
const readmeSections = ['JS API', 'Use from npm', 'The <crosswire-analyzer> element', 'Analysis JSON'];

async function packageReadme(version) {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const sections = new Map();
  for (const part of readme.split(/^(?=## )/m).slice(1)) sections.set(part.match(/^## (.*)$/m)[1].trim(), part.trimEnd());
  const missing = readmeSections.filter((title) => !sections.has(title));
  if (missing.length) throw new Error(`README.md has no section ${missing.join(', ')}`);
  const intro = readme.split(/^## /m)[0].replace(/^!\[.*$/m, '').trim();
  // In the repository the examples import the module by path; a package user imports it by name.
  sections.set('JS API', sections.get('JS API').replaceAll("from './crosswire.js'", "from 'crosswire'"));
  return `${intro}\n\nThis is the npm package of Crosswire ${version}: the analyzer module, the element, their types ` +
    'and the JSON Schema of the analysis.\n\n' + readmeSections.map((title) => sections.get(title)).join('\n\n') + '\n';
}

function manifest(version) {
  return {
    name: 'crosswire',
    version,
    description: 'Multilingual news-article analyzer in WebAssembly: entities merged across languages and scripts, articles grouped into stories',
    license: 'Apache-2.0',
    type: 'module',
    main: './crosswire.js',
    types: './crosswire.d.ts',
    exports: {
      '.': { types: './crosswire.d.ts', default: './crosswire.js' },
      './element': { types: './element.d.ts', default: './element.js' },
      './schema.json': './schema/crosswire-1.schema.json',
      './crosswire-core.wasm': './crosswire-core.wasm',
      './crosswire-packs.js': './crosswire-packs.js',
      './worker.js': './worker.js',
      './package.json': './package.json',
    },
    // Importing the element defines <crosswire-analyzer>: bundlers must keep it even when nothing is used from it.
    sideEffects: ['./element.js'],
    files: [
      'crosswire.js', 'crosswire.d.ts', 'crosswire-core.js', 'crosswire-core.wasm', 'crosswire-packs.js', 'crosswire-*.pack',
      'element.js', 'element.d.ts', 'worker.js', 'schema/', 'licenses/', 'NOTICE',
    ],
    engines: { node: '>=20' },
    keywords: ['nlp', 'named-entity-recognition', 'news', 'multilingual', 'transliteration', 'webassembly', 'icu', 'web-component'],
  };
}

// The third-party licences named in NOTICE, taken from what the build used: ICU's LICENSE from the ICU source
// tarball the wasm build was made from (kept in the cache beside the built ICU), Debian's copyright files for
// Snowball and Emscripten, and the npm packages' licence files. Resolves { name in licenses/: text }.
async function licenseTexts() {
  const cache = await readFile(join(root, 'build/wasm/CMakeCache.txt'), 'utf8').catch(() => '');
  const icuPrefix = cache.match(/^CROSSWIRE_ICU_PREFIX:PATH=(.*)$/m)?.[1];
  if (!icuPrefix) throw new Error('build/wasm/CMakeCache.txt names no CROSSWIRE_ICU_PREFIX: build the wasm module first');
  const icuTarball = join(dirname(icuPrefix), 'icu_72.1.orig.tar.gz');
  const read = async (name, path) => {
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) throw new Error(`${path} is missing: it is ${name}'s licence, which the package must carry`);
    return text;
  };
  let icu;
  try {
    icu = execFileSync('tar', ['-xzOf', icuTarball, 'icu/LICENSE'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`cannot read icu/LICENSE from ${icuTarball}: it is ICU's licence, which the package must carry`);
  }
  return {
    'ICU.txt': icu,
    'Snowball.txt': await read('Snowball', '/usr/share/doc/libstemmer0d/copyright'),
    'Emscripten.txt': await read('Emscripten', '/usr/share/doc/emscripten/copyright'),
    'trigrams.txt': await read('trigrams', join(root, 'node_modules/trigrams/license')),
    'Readability.txt': await read('Readability', join(root, 'node_modules/@mozilla/readability/LICENSE.md')),
  };
}

const esbuildCommon = {
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome109', 'firefox115', 'safari16.4'],
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.css': 'text' },
};

async function assemble(version) {
  for (const name of wasmFiles) {
    if (!(await stat(join(wasmDist, name)).catch(() => null))) {
      throw new Error(`${relative(root, join(wasmDist, name))} is missing: build the wasm module first (toolchain/build.sh)`);
    }
  }
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(join(packageDir, 'schema'), { recursive: true });
  for (const name of wasmFiles) await cp(join(wasmDist, name), join(packageDir, name));
  const { default: packs } = await import(pathToFileURL(join(wasmDist, 'crosswire-packs.js')).href);
  for (const { file } of Object.values(packs)) await cp(join(wasmDist, file), join(packageDir, file));
  // The element is one file; it starts worker.js next to itself, and the worker imports ./crosswire.js at run time.
  await build({
    ...esbuildCommon,
    entryPoints: [join(root, 'web/src/element.js')],
    outfile: join(packageDir, 'element.js'),
    define: { CROSSWIRE_STANDALONE: 'false' },
  });
  await build({ ...esbuildCommon, entryPoints: [join(root, 'web/src/worker.js')], outfile: join(packageDir, 'worker.js'), external: ['./crosswire.js'] });
  for (const name of ['crosswire.d.ts', 'element.d.ts']) await cp(join(npmDir, name), join(packageDir, name));
  await cp(join(root, 'schema/crosswire-1.schema.json'), join(packageDir, 'schema/crosswire-1.schema.json'));
  for (const name of ['LICENSE', 'NOTICE']) await cp(join(root, name), join(packageDir, name));
  await mkdir(join(packageDir, 'licenses'));
  for (const [name, text] of Object.entries(await licenseTexts())) await writeFile(join(packageDir, 'licenses', name), text);
  await writeFile(join(packageDir, 'README.md'), await packageReadme(version));
  await writeFile(join(packageDir, 'package.json'), `${JSON.stringify(manifest(version), null, 2)}\n`);
}

async function pack() {
  for (const name of await readdir(outDir)) if (name.endsWith('.tgz')) await rm(join(outDir, name));
  const [info] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
    cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }));
  return info;
}

async function main() {
  const version = await projectVersion();
  await assemble(version);
  const info = await pack();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`crosswire: npm package ${relative(root, join(outDir, info.filename))}: ${info.entryCount} files, ` +
    `${kib(info.size)} packed, ${kib(info.unpackedSize)} unpacked`);
  for (const file of info.files) console.log(`  ${file.path.padEnd(36)}${kib(file.size).padStart(12)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`crosswire: npm package build failed: ${error.message}`);
    process.exit(1);
  });
}

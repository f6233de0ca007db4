// Wasm heap per byte of text: a fresh module instance per batch size, articles of 2 MiB of
// lower-case words (as growth_bench's lower-case-words case), whole analysis. A wasm memory never
// shrinks, so its size after the analysis is the peak; the start-up heap (ICU data, tables, one
// analyzer) is subtracted. Heap growth comes in steps, so figures are good to about 20%.
// --short: one-letter words ("a b c ..."), the most tokens per byte (the worst case measured).
//   usage: node tests/bench/wasm-memory.mjs [--tiny] [--short|--punct] [MiB...]   (default 4 8 16)
// --ecbplus N...: instead, batches of N news articles built as stories_scale builds them (the ECB+
// articles of ../shared/devdata and the seeds; copy c of a text marks its capitalised words and
// shifts its years by c), one analyze() each: the memory of a real batch step.
// CROSSWIRE_WASM_DIST: the dist folder of another build to measure.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_DIST ?? path.join(root, 'build/wasm/dist');
const { default: createCore } = await import(path.join(dist, 'crosswire-core.js'));
const wasmBinary = readFileSync(path.join(dist, 'crosswire-core.wasm'));
// The base pack: the text is ASCII, as the page's first visit.
const { default: packs } = await import(path.join(dist, 'crosswire-packs.js'));
const basePack = readFileSync(path.join(dist, packs.base.file));

// A fresh module instance with the base pack and an empty analyzer: each size starts from start-up.
async function freshAnalyzer() {
  const core = await createCore({ wasmBinary, locateFile: (p) => p });
  const pointer = core.allocData(basePack.byteLength);
  core.HEAPU8.set(basePack, pointer);
  core.addPack(pointer, basePack.byteLength);
  const analyzer = new core.WasmAnalyzer();
  analyzer.init('', '', 0, 0);
  return { core, analyzer };
}

const args = process.argv.slice(2);
const tiny = args.includes('--tiny');
const short = args.includes('--short');
// --punct: "r&d q&a &x ": a word or a punctuation token every 1.4 bytes, denser still.
const punct = args.includes('--punct');
const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
if (!sizes.length) sizes.push(...(tiny ? [1, 2] : [4, 8, 16])); // 16 MiB: the default batch limit

function shortWords(bytes) {
  return 'a b c d e f g h i j k l m n o p q r s t u v w x y z. '.repeat(Math.ceil(bytes / 54)).slice(0, bytes);
}

function words(bytes, seed) {
  if (short) return shortWords(bytes);
  if (punct) return 'r&d q&a &x '.repeat(Math.ceil(bytes / 11)).slice(0, bytes);
  let x = seed >>> 0;
  let out = '';
  while (out.length < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const length = 3 + ((x >>> 16) % 6);
    for (let i = 0; i < length; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out += String.fromCharCode(97 + ((x >>> 16) % 26));
    }
    out += (x >>> 8) % 13 === 0 ? '.\n' : ' ';
  }
  return out.slice(0, bytes);
}

const MiB = 1024 * 1024;

// stories_scale's Vary (tests/eval/stories_scale.cc): copy 0 is the text itself.
function vary(text, copy) {
  if (copy === 0) return text;
  let marker = 'Q' + String.fromCharCode(97 + (copy % 26));
  if (copy >= 26) marker += String.fromCharCode(97 + (Math.floor(copy / 26) % 26));
  return text.replace(/[A-Za-z0-9]+/g, (word) => {
    if (/^[A-Z]/.test(word) && word.length > 1) return word + marker;
    if (/^[0-9]{4}$/.test(word) && +word >= 1900 && +word <= 2100) return String(+word + copy);
    return word;
  });
}

if (args.includes('--ecbplus')) {
  const devdata = process.env.CROSSWIRE_DEVDATA ?? path.join(root, '../shared/devdata');
  const sources = [];
  for (const dir of [path.join(devdata, 'ecbplus/docs'), path.join(root, 'tests/golden/seeds')]) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      sources.push({ name, text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  console.log('%s %s %s %s %s %s', 'articles'.padStart(9), 'text MB'.padStart(8), 'start-up MiB'.padStart(13),
    'after MiB'.padStart(10), 'bytes/byte'.padStart(11), 'add+analyze ms'.padStart(15));
  for (const count of sizes) {
    const { core, analyzer } = await freshAnalyzer();
    const startup = core.HEAPU8.length;
    const texts = [];
    let bytes = 0;
    for (let k = 0; k < count; k++) {
      const source = sources[k % sources.length];
      const copy = Math.floor(k / sources.length);
      texts.push([`c${copy}_${source.name}`, vary(source.text, copy)]);
      bytes += Buffer.byteLength(texts[k][1]);
    }
    const start = performance.now();
    for (const [id, text] of texts) {
      const reply = JSON.parse(analyzer.addArticle(id, text, ''));
      if (reply.error) throw new Error(reply.error.message);
    }
    analyzer.analyze();
    const ms = performance.now() - start;
    const after = core.HEAPU8.length;
    console.log('%s %s %s %s %s %s', String(count).padStart(9), (bytes / 1e6).toFixed(1).padStart(8),
      (startup / MiB).toFixed(1).padStart(13), (after / MiB).toFixed(1).padStart(10),
      (after / bytes).toFixed(1).padStart(11), ms.toFixed(0).padStart(15));
  }
  process.exit(0);
}

console.log(punct ? 'r&d q&a &x' : short ? 'one-letter words' : 'lower-case words');
console.log('%s %s %s %s %s', 'batch MiB'.padStart(10), 'start-up MiB'.padStart(13), 'peak MiB'.padStart(10),
  'above MiB'.padStart(10), 'bytes/byte'.padStart(11));
for (const size of sizes) {
  const { core, analyzer } = await freshAnalyzer();
  const startup = core.HEAPU8.length;
  const article = Math.min(2 * MiB, size * MiB);
  let status = 'ok';
  try {
    for (let i = 0; i * article < size * MiB; i++) {
      const reply = JSON.parse(analyzer.addArticle(`w${i}.txt`, words(article, i + 1), ''));
      if (reply.error) throw new Error(reply.error.message);
    }
    analyzer.analyze();
  } catch (error) {
    status = `failed: ${error.message}`;
  }
  const peak = core.HEAPU8.length;
  console.log('%s %s %s %s %s %s', String(size).padStart(10), (startup / MiB).toFixed(1).padStart(13),
    (peak / MiB).toFixed(1).padStart(10), ((peak - startup) / MiB).toFixed(1).padStart(10),
    ((peak - startup) / (size * MiB)).toFixed(1).padStart(11), status === 'ok' ? '' : status);
}

// Crosswire's public JS module: createAnalyzer() over the WebAssembly core.
//
//   import { createAnalyzer } from './crosswire.js';
//   const analyzer = await createAnalyzer();
//   analyzer.addArticle({ id: 'a.txt', text });
//   const analysis = analyzer.analyze();   // plain object, schema "crosswire/1"
//   analyzer.dispose();
//
// Works in browsers, workers and Node 20. Nothing is fetched but the module's own wasm and data packs
// (next to this file unless wasmUrl / dataUrl say otherwise, or given as bytes: wasmBinary / packBytes).
//
// Data packs: ICU's data is split by script group (toolchain/icu-data/). In browsers only the base
// pack is loaded at first; `await analyzer.loadDataFor(texts)` scans the texts and loads the packs
// they need (cjk for Han and Kana, thai for Thai, sea for Lao, Khmer and Burmese, legacy for files that are
// neither UTF-8 nor UTF-16) once per wasm instance, cached with the Cache API where there is one.
// Under Node every pack is loaded at the start, as the CLI has all data.
import createCrosswireCore from './crosswire-core.js';
import packFiles from './crosswire-packs.js';

/** Every error of the API: `code` is machine-readable ("too_large", "binary_input"...). */
export class AnalyzerError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'AnalyzerError';
    this.code = code;
  }
}

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

async function loadBytes(url) {
  try {
    if (isNode && url.protocol === 'file:') {
      const fs = await import('node:fs/promises');
      return new Uint8Array(await fs.readFile(url));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new AnalyzerError('data_error', `cannot load ${url.href}: ${error.message}`);
  }
}

// One wasm instance per (wasm, data) pair serves every analyzer created from it: ICU's data can be
// set only once per instance. An instance that aborted (out of memory, a trap) is dropped from here
// and never called again; the next createAnalyzer() starts a fresh one.
const cores = new Map();

// The wasm heap is at most 2 GiB (-sMAXIMUM_MEMORY in wasm/wasm.cmake); a limit above it could never
// be reached, and the core's sizes are 32-bit.
const MAX_LIMIT_BYTES = 2 ** 31 - 1;
// Ids are labels shown in lists and JSON: long enough for any file name or path, and bounded.
const MAX_ID_LENGTH = 1024;

function checkLimit(options, name) {
  const value = options[name];
  if (value === undefined) return 0; // the core's default
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT_BYTES) {
    throw new AnalyzerError('invalid_argument',
      `${name} must be a whole number of bytes from 1 to ${MAX_LIMIT_BYTES}, not ${String(value)}`);
  }
  return value;
}

function checkBoolean(options, name) {
  const value = options[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new AnalyzerError('invalid_argument', `${name} must be true or false`);
  return value;
}

function checkString(options, name) {
  const value = options[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new AnalyzerError('invalid_argument', `${name} must be a string`);
  return value;
}

// The first lone surrogate of a string, or -1: such strings have no UTF-8 form.
function loneSurrogate(text) {
  const match = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  return match ? match.index : -1;
}

// A file name made a valid, bounded id: lone surrogates and control characters become U+FFFD, and a
// name over MAX_ID_LENGTH keeps its start and its end (its extension) around "…".
function fileId(name) {
  let id = name.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD');
  if (id.length > MAX_ID_LENGTH) {
    const tail = Math.floor(MAX_ID_LENGTH / 3);
    let head = MAX_ID_LENGTH - 1 - tail;
    if (/[\uD800-\uDBFF]/.test(id[head - 1])) head -= 1;
    let from = id.length - tail;
    if (/[\uDC00-\uDFFF]/.test(id[from])) from += 1;
    id = `${id.slice(0, head)}\u2026${id.slice(from)}`;
  }
  return id || '\uFFFD';
}

// A wasm abort or trap leaves the instance in an unknown state. Emscripten reports a failed heap
// growth as "Aborted(OOM)" (the module is linked with -sABORTING_MALLOC=1, so every failed
// allocation ends there).
function lostError(error) {
  const text = String(error?.message ?? error);
  if (/\bOOM\b|out of memory|bad_alloc|Cannot enlarge memory|Array buffer allocation failed|Invalid typed array length/i.test(text)) {
    return new AnalyzerError('out_of_memory',
      'the analysis ran out of memory (the wasm heap is at most 2 GiB): analyse fewer or smaller articles at a time');
  }
  return new AnalyzerError('internal', `the analysis stopped on an internal error (${text}); please report it with the input`);
}

// What needs which pack: the scripts of a text, and the language when one is set (a break iterator
// for "ja" looks for ICU's Japanese data even in a text with no Kana).
const PACK_SCRIPTS = {
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  thai: /\p{Script=Thai}/u,
  sea: /[\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u,
};
const PACK_LANGUAGES = { zh: 'cjk', ja: 'cjk', yue: 'cjk', th: 'thai', lo: 'sea', km: 'sea', my: 'sea' };
const PACK_CACHE = 'crosswire-packs';

/** The data packs a text needs beyond the base pack (names of crosswire-packs.js). */
export function packsFor(text, language = '') {
  const needed = new Set();
  for (const [name, pattern] of Object.entries(PACK_SCRIPTS)) if (pattern.test(text)) needed.add(name);
  const pack = PACK_LANGUAGES[String(language).toLowerCase().split(/[-_]/)[0]];
  if (pack) needed.add(pack);
  return needed;
}

// File bytes that are neither UTF-8 (ASCII included) nor UTF-16 are decoded with ICU's legacy
// converters. Bytes with NULs are UTF-16 without a byte order mark or binary, which the core refuses:
// neither needs a converter of the legacy pack.
function needsLegacy(bytes) {
  if (bytes.length >= 2 && ((bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF))) return false;
  return !bytes.includes(0) && !isUtf8(bytes);
}

function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// A pack's bytes: given as bytes, read from disk under Node, or fetched, through the Cache API where
// there is one (pack files are named by their content, so a cached one never goes stale; packs of
// older builds are deleted).
async function fetchPack(name, options) {
  const given = options.packBytes?.[name];
  if (given) return given instanceof Uint8Array ? given : new Uint8Array(given);
  const entry = packFiles[name];
  const url = new URL(entry.file, new URL(options.dataUrl ?? './', import.meta.url));
  if (isNode || url.protocol === 'file:' || typeof caches !== 'object') return loadBytes(url);
  // Several analyzers of one page (a pool of workers) that need the same pack at once fetch it once: the
  // first holds the pack's lock until the pack is in the cache, where the others then find it.
  const locks = globalThis.navigator?.locks;
  const fetchOnce = () => fetchThroughCache(url);
  try {
    return await (locks ? locks.request(`crosswire-pack-${entry.file}`, fetchOnce) : fetchOnce());
  } catch (error) {
    if (error instanceof AnalyzerError) throw error;
    throw new AnalyzerError('data_error', `cannot load the ${name} data pack (${url.href}): ${error.message}`);
  }
}

async function fetchThroughCache(url) {
  const cache = await caches.open(PACK_CACHE);
  const cached = await cache.match(url.href);
  if (cached) return new Uint8Array(await cached.arrayBuffer());
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  // Stored before the lock is let go (a full or refused cache only costs a refetch); older packs are dropped
  // in the background.
  try {
    await cache.put(url.href, response);
  } catch {
    return bytes;
  }
  const current = new Set(Object.values(packFiles).map((pack) => pack.file));
  cache.keys()
    .then((requests) => Promise.all(requests.filter((request) => !current.has(new URL(request.url).pathname.split('/').pop()))
      .map((request) => cache.delete(request))))
    .catch(() => {});
  return bytes;
}

// Loads a pack into the instance once; concurrent callers share the load. A failed load is
// forgotten, so a later call tries again.
function loadPack(instance, name, fetching = null) {
  let loading = instance.packs.get(name);
  if (!loading) {
    loading = (async () => {
      const bytes = await (fetching ?? fetchPack(name, instance.options));
      const { core } = instance;
      let json;
      try {
        const pointer = core.allocData(bytes.byteLength);
        if (!pointer) throw new AnalyzerError('out_of_memory', `cannot allocate ${bytes.byteLength} bytes for the ${name} data pack`);
        core.HEAPU8.set(bytes, pointer);
        json = core.addPack(pointer, bytes.byteLength);
      } catch (error) {
        throw error instanceof AnalyzerError ? error : lostError(error);
      }
      const { error, entries } = JSON.parse(json);
      if (error) throw new AnalyzerError(error.code, `the ${name} data pack: ${error.message}`);
      // A pack reaches only the analyzers created after it (see Analyzer#refresh): its named data
      // entries, and ICU data that an analyzer reads when it is created (the mention finder opens
      // ICU's Thai dictionary then, so an analyzer made before the thai pack would have none).
      if (entries.length) instance.dataVersion += 1;
      instance.loaded.add(name);
    })();
    instance.packs.set(name, loading);
    loading.catch(() => { if (instance.packs.get(name) === loading) instance.packs.delete(name); });
  }
  return loading;
}

async function instantiate(options) {
  const wasmUrl = new URL(options.wasmUrl ?? 'crosswire-core.wasm', import.meta.url);
  // The packs wanted at the start are fetched while the wasm is.
  const names = packMode(options) === 'all' ? Object.keys(packFiles) : ['base'];
  const fetching = new Map(names.map((name) => [name, fetchPack(name, options)]));
  for (const promise of fetching.values()) promise.catch(() => {}); // reported when awaited below
  const wasmBinary = await (options.wasmBinary ?? loadBytes(wasmUrl));
  let core;
  try {
    core = await createCrosswireCore({ wasmBinary, locateFile: (path) => new URL(path, wasmUrl).href });
  } catch (error) {
    throw new AnalyzerError('data_error', `cannot start the wasm module: ${error.message ?? error}`);
  }
  const instance = { core, lost: null, options, packs: new Map(), loaded: new Set(), dataVersion: 0 };
  // The base pack first (ICU's normalization and break rules); then, when every pack is wanted,
  // the others.
  await loadPack(instance, 'base', fetching.get('base'));
  await Promise.all(names.map((name) => loadPack(instance, name, fetching.get(name))));
  return instance;
}

// "all" under Node (the files are local, as the CLI's data is) and when every pack is given as bytes
// (the offline single file); "auto" elsewhere.
function packMode(options) {
  if (options.packs !== undefined) return options.packs;
  if (isNode) return 'all';
  return Object.keys(packFiles).every((name) => options.packBytes?.[name]) ? 'all' : 'auto';
}

// Runs a call into the instance. A JS exception from the wasm side (RuntimeError on abort or trap,
// RangeError when the heap cannot grow) marks the instance lost: it is dropped from the cache and
// the error becomes an AnalyzerError (out_of_memory or internal).
function call(instance, key, run) {
  if (instance.lost) {
    throw new AnalyzerError(instance.lost.code,
      `this analyzer is gone: ${instance.lost.message}. Create a new one with createAnalyzer() and add the articles again`);
  }
  try {
    return run();
  } catch (error) {
    if (error instanceof AnalyzerError) throw error;
    instance.lost = lostError(error);
    if (cores.get(key)?.instance === instance) cores.delete(key);
    throw instance.lost;
  }
}

function checkPiece(part, parts) {
  if (!Number.isInteger(parts) || parts < 1 || !Number.isInteger(part) || part < 0 || part >= parts) {
    throw new AnalyzerError('invalid_argument', `a piece is a whole number from 0 to parts - 1, not ${part} of ${parts}`);
  }
}

/** The names of a pairTask() as text, for loadDataFor(): the scripts they are written in. */
export function taskNames(task) {
  if (task.byteLength < 16) return '';
  const words = new DataView(task.buffer, task.byteOffset, task.byteLength);
  const names = words.getUint32(4, true), pairs = words.getUint32(8, true);
  const from = 4 * (4 + names + 3 * pairs);
  return from <= task.byteLength ? new TextDecoder().decode(task.subarray(from)) : '';
}

function reply(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new AnalyzerError(value.error.code, value.error.message);
  return value;
}

// Handles that were never disposed are freed when their Analyzer is collected.
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ handle, instance }) => { if (!instance.lost) handle.delete(); })
  : null;

// A new wasm handle with these init arguments; the handle is deleted again when init fails.
function newHandle(instance, init) {
  const handle = new instance.core.WasmAnalyzer();
  try {
    reply(handle.init(...init));
  } catch (error) {
    if (error instanceof AnalyzerError) handle.delete();
    throw error;
  }
  return handle;
}

class Analyzer {
  #handle;
  #instance;
  #key;
  #init;             // the arguments of the handle's init
  #language;         // options.language, for the packs it needs
  #dataVersion;      // the instance's named data entries the handle was created with
  #articles = 0;     // articles added since the last clear()
  #casing = [];      // casing-count lines added since the last clear()
  #aliases = [];     // texts given to addAliases since the last clearAliases()

  constructor(handle, instance, key, init) {
    this.#handle = handle;
    this.#instance = instance;
    this.#key = key;
    this.#init = init;
    this.#language = init[0];
    this.#dataVersion = instance.dataVersion;
    finalizer?.register(this, { handle, instance }, this);
  }

  // Throws data_needed unless the packs are loaded: ICU would otherwise meet the text without them
  // and remember the failed look-ups for the life of the instance.
  #requireData(needed, what) {
    const missing = [...needed].filter((name) => !this.#instance.loaded.has(name));
    if (missing.length) {
      throw new AnalyzerError('data_needed',
        `${what} needs the ${missing.join(' and ')} data pack${missing.length > 1 ? 's' : ''}: ` +
        'call await analyzer.loadDataFor(texts or files) before adding it');
    }
  }

  // The text of file bytes for the pack scan: decoded here when UTF-8, by the core otherwise (UTF-16
  // with or without a byte order mark; legacy encodings, with the legacy pack). Undefined when the
  // legacy pack is missing.
  #fileText(bytes) {
    const legacy = needsLegacy(bytes);
    if (legacy && !this.#instance.loaded.has('legacy')) return undefined;
    if (!legacy && isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
    const decoded = JSON.parse(call(this.#instance, this.#key, () => this.#instance.core.decodeText(bytes)));
    return decoded.error ? '' : decoded.text; // undecodable bytes are refused by addFile itself
  }

  /**
   * Loads the data packs that these inputs need (texts as strings, files as Uint8Array or
   * ArrayBuffer), each once per wasm instance; call it before adding them. Returns the names of the
   * packs it loaded. Cheap when nothing is missing: it only scans the texts.
   */
  async loadDataFor(inputs) {
    if (!this.#handle) throw new AnalyzerError('invalid_argument', 'this analyzer has been disposed');
    const before = new Set(this.#instance.loaded);
    const needed = packsFor('', this.#language);
    for (let input of inputs) {
      if (input instanceof ArrayBuffer) input = new Uint8Array(input);
      if (input instanceof Uint8Array) {
        if (needsLegacy(input)) await loadPack(this.#instance, 'legacy').then(() => needed.add('legacy'));
        for (const name of packsFor(this.#fileText(input) ?? '')) needed.add(name);
      } else {
        for (const name of packsFor(String(input?.text ?? input))) needed.add(name);
      }
    }
    await Promise.all([...needed].map((name) => loadPack(this.#instance, name)));
    this.#refresh();
    return [...needed].filter((name) => !before.has(name));
  }

  // Named data entries of a pack reach analyzers created after it: an analyzer that holds no
  // articles yet takes them by starting over with a new handle (its corrections are added again).
  #refresh() {
    if (this.#dataVersion === this.#instance.dataVersion || this.#articles > 0 || this.#instance.lost) return;
    const handle = call(this.#instance, this.#key, () => newHandle(this.#instance, this.#init));
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = handle;
    this.#dataVersion = this.#instance.dataVersion;
    finalizer?.register(this, { handle, instance: this.#instance }, this);
    for (const text of this.#aliases) reply(this.#run('addAliases', text));
    for (const line of this.#casing) reply(this.#run('addCasingCounts', line));
  }

  // Calls the wasm handle; see call() for what happens when the instance aborts.
  #run(method, ...args) {
    if (!this.#handle) throw new AnalyzerError('invalid_argument', 'this analyzer has been disposed');
    return call(this.#instance, this.#key, () => this.#handle[method](...args));
  }

  /**
   * Adds an article given as text, with its publication date ("YYYY-MM-DD") when known. Throws
   * AnalyzerError (e.g. duplicate id, too large, a malformed date).
   */
  addArticle(article) {
    this.#checkArticle(article, 'addArticle');
    const { id, text, published } = article;
    reply(this.#run('addArticle', id, text, published ?? ''));
    this.#articles += 1;
  }

  /**
   * The map step of one article (decoding, language, cleaning, paragraphs, dates), as a line of
   * "crosswire-record/2" JSON: the CLI's `crosswire map` line for it. An article the core refuses
   * (too large, a malformed date, blank) gives its rejection record, which addRecord passes on to the
   * analysis's `rejected`. Runs on an analyzer that holds no articles, and keeps none. Throws
   * AnalyzerError as addArticle does for an article refused before it is read (a bad id, a missing
   * data pack). With `countCasing`, the article is also segmented and how its words are cased is
   * added to a tally that takeCasing() hands over (round 1 of a map step in two rounds).
   */
  mapArticle(article, { countCasing = false } = {}) {
    if (this.#articles > 0) {
      throw new AnalyzerError('invalid_argument', 'mapArticle needs an analyzer that holds no articles: call clear() first');
    }
    this.#checkArticle(article, 'mapArticle');
    const { id, text, published } = article;
    const line = this.#run('mapArticle', id, text, published ?? '', Boolean(countCasing));
    if (line.startsWith('{"error"')) reply(line);
    return line;
  }

  /**
   * The casing counts of the articles mapped with { countCasing: true } since the last call, as one
   * "crosswire-casing/1" line (the tally starts again): what the map steps of a batch sum and give to
   * addCasingCounts. Load the data packs first: loading one later starts the tally afresh.
   */
  takeCasing() {
    return this.#run('takeCasing');
  }

  /**
   * Gives the batch's casing counts: lines of takeCasing() or `crosswire map --casing-out`, which add
   * up. mapRecord() and analyze() then read these instead of counting; clear() drops them.
   */
  addCasingCounts(line) {
    if (typeof line !== 'string') throw new AnalyzerError('invalid_argument', 'addCasingCounts needs a casing line (string)');
    reply(this.#run('addCasingCounts', line));
    this.#casing.push(line);
  }

  /**
   * Round 2 of the map step for one record line of mapArticle, given the batch's casing counts
   * (addCasingCounts): its "crosswire-record/3" line, whose mention candidates and story words the
   * reduce step takes without segmenting the article again; a rejection line comes back as it was.
   * Runs on an analyzer that holds no articles, and keeps none.
   */
  mapRecord(line) {
    if (typeof line !== 'string') throw new AnalyzerError('invalid_argument', 'mapRecord needs a record line (string)');
    if (this.#articles > 0) {
      throw new AnalyzerError('invalid_argument', 'mapRecord needs an analyzer that holds no articles: call clear() first');
    }
    if (this.#casing.length === 0) {
      throw new AnalyzerError('invalid_argument', 'mapRecord needs the batch\'s casing counts: call addCasingCounts() first');
    }
    this.#requireData(packsFor(line, this.#language), 'the record');
    const out = this.#run('mapRecord', line);
    if (out.startsWith('{"error"')) reply(out);
    return out;
  }

  /**
   * Runs the per-article step of the articles added so far ahead of analyze(), which then does not
   * run it again: round 1 (`{ round: 1 }`, the default: language, cleaning, paragraphs, dates and
   * how their words are cased) or round 1 and round 2 (`{ round: 2 }`: the name candidates and story
   * words, read with the casing counts given with addCasingCounts, or else of the articles here).
   * For a batch worker that adds its own share of the articles while other workers map theirs.
   */
  prepare({ round = 1 } = {}) {
    if (round !== 1 && round !== 2) throw new AnalyzerError('invalid_argument', 'prepare needs { round: 1 } or { round: 2 }');
    this.#run('prepare', round === 2);
  }

  /**
   * The casing counts of the articles added so far (round 1 runs where it has not run), as one
   * "crosswire-casing/1" line; the counts given with addCasingCounts once there are any.
   */
  casingCounts() {
    return this.#run('casingCounts');
  }

  /**
   * Adds one record line written by mapArticle or `crosswire map` (here or in another worker or
   * process): analyze() over the records of a batch equals analyze() over its articles. Load the
   * data packs of the lines first (loadDataFor(lines)).
   */
  addRecord(line) {
    if (typeof line !== 'string') throw new AnalyzerError('invalid_argument', 'addRecord needs a record line (string)');
    this.#requireData(packsFor(line, this.#language), 'the record');
    reply(this.#run('addRecord', line));
    this.#articles += 1;
  }

  #checkArticle(article, method) {
    const { id, text, published } = article ?? {};
    if (typeof id !== 'string' || typeof text !== 'string') {
      throw new AnalyzerError('invalid_argument', `${method} needs { id: string, text: string }`);
    }
    if (published != null && typeof published !== 'string') {
      throw new AnalyzerError('invalid_argument', 'published must be a "YYYY-MM-DD" string');
    }
    if (id.length > MAX_ID_LENGTH) {
      throw new AnalyzerError('invalid_argument', `an article id may have at most ${MAX_ID_LENGTH} characters, not ${id.length}`);
    }
    const lone = loneSurrogate(id);
    if (lone >= 0) {
      throw new AnalyzerError('invalid_argument', `an article id must be well-formed Unicode: a lone surrogate at index ${lone}`);
    }
    this.#requireData(packsFor(text, this.#language), `the article ${JSON.stringify(id)}`);
  }

  /**
   * Adds a file's bytes; the core detects the encoding. Returns { id, text, encoding, warnings }: the
   * id is the name made a valid label (lone surrogates and control characters become U+FFFD; a name
   * over 1024 characters keeps its start and end around "…").
   */
  addFile(bytes, name) {
    if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
    if (!(bytes instanceof Uint8Array) || typeof name !== 'string') {
      throw new AnalyzerError('invalid_argument', 'addFile needs (Uint8Array bytes, string name)');
    }
    if (needsLegacy(bytes)) this.#requireData(['legacy'], `the file ${JSON.stringify(name)} (not UTF-8 or UTF-16)`);
    this.#requireData(packsFor(this.#fileText(bytes), this.#language), `the file ${JSON.stringify(name)}`);
    const info = reply(this.#run('addFile', bytes, fileId(name)));
    this.#articles += 1;
    return info;
  }

  /** Adds user corrections in the aliases format: TYPE<TAB>canonical<TAB>variant... per line. */
  addAliases(text) {
    reply(this.#run('addAliases', String(text)));
    this.#aliases.push(String(text));
  }

  /** Runs the analysis; returns the "crosswire/1" document as a plain object. */
  analyze() {
    return JSON.parse(this.analyzeJson());
  }

  /** The analysis as JSON text, byte for byte what the CLI prints for the same batch. */
  analyzeJson() {
    return this.#run('analyze');
  }

  /**
   * The analysis in two calls, so that its largest part, the scoring of pairs of names, can be shared
   * with other analyzers, each in its own worker and module (the page's pool: no memory in common).
   * beginAnalysis() runs analyze() up to that scoring; pairTask(part, parts) is piece `part` of `parts`
   * (pieces of about equal work) as a Uint8Array that scorePairs() of any analyzer scores, a pure
   * function of the task; givePairScores(part, parts, scores) hands those back; scorePairPiece(part,
   * parts) scores a piece here; finishAnalysisJson() scores the pieces not given and returns
   * analyzeJson()'s text, byte for byte. Adding, clearing or corrections drop a begun analysis.
   */
  beginAnalysis() {
    this.#run('beginAnalysis');
  }

  pairTask(part, parts) {
    checkPiece(part, parts);
    return this.#run('pairTask', part, parts).slice(); // a view of the wasm memory: copied before the next call
  }

  givePairScores(part, parts, scores) {
    checkPiece(part, parts);
    if (!(scores instanceof Float64Array)) throw new AnalyzerError('invalid_argument', 'givePairScores needs the Float64Array of scorePairs()');
    reply(this.#run('givePairScores', part, parts, new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength)));
  }

  scorePairPiece(part, parts) {
    checkPiece(part, parts);
    this.#run('scorePairPiece', part, parts);
  }

  finishAnalysisJson() {
    return this.#run('finishAnalysis');
  }

  /**
   * The scores of a pairTask() of another analyzer: a Float64Array, two numbers a pair. The task's
   * names may need data packs: load them first (loadDataFor with the task's text, taskNames(task)).
   */
  scorePairs(task) {
    if (!(task instanceof Uint8Array)) throw new AnalyzerError('invalid_argument', 'scorePairs needs a task (Uint8Array) of pairTask()');
    const scores = this.#run('scorePairs', task);
    if (typeof scores === 'string') reply(scores);
    return scores.slice(); // a view of the wasm memory: copied before the next call
  }

  /** Compares two names: { score, same }. */
  match(a, b) {
    return reply(this.#run('match', String(a), String(b)));
  }

  /**
   * Word segmentation alone (ICU, in the language's locale): [[start, end], ...] in UTF-16 units,
   * words and numbers only. For comparisons and tools; analyze() segments by itself.
   */
  tokenize(text, lang = '') {
    this.#requireData(packsFor(String(text), lang), 'the text');
    return reply(this.#run('tokenize', String(text), String(lang)));
  }

  /** Drops the articles (corrections stay). */
  clear() {
    this.#run('clear');
    this.#articles = 0;
    this.#casing = [];
  }

  /** Drops the corrections added with addAliases. */
  clearAliases() {
    this.#run('clearAliases');
    this.#aliases = [];
  }

  /** Frees the analyzer's memory; it cannot be used afterwards. */
  dispose() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    // A lost instance is never called again: its memory goes with it.
    if (!this.#instance.lost) this.#handle.delete();
    this.#handle = null;
  }
}

/**
 * Creates an analyzer. Options (all optional): wasmUrl, dataUrl (the folder of the data packs, or any
 * file in it; or wasmBinary, and packBytes { base, cjk, thai, sea, legacy } as bytes), packs ("auto": the
 * base pack, then what loadDataFor finds; "all": every pack at the start; default "all" under Node
 * and when packBytes has every pack, else "auto"),
 * language ("" = identify), assumedPublished ("YYYY-MM-DD"), maxArticleBytes, maxBatchBytes (whole
 * numbers from 1 to 2^31 - 1; the defaults are the core's, see README).
 *
 * Out of memory: a call that exhausts the wasm heap throws AnalyzerError("out_of_memory"), as any
 * other abort throws AnalyzerError("internal"). The wasm instance is then discarded and that
 * analyzer (with every other analyzer on the same instance) is gone: its calls throw the same
 * error, and its articles are lost with the instance. createAnalyzer() starts a fresh instance;
 * add the articles again, fewer or smaller ones.
 */
export async function createAnalyzer(options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new AnalyzerError('invalid_argument', 'createAnalyzer takes an options object');
  }
  const maxArticleBytes = checkLimit(options, 'maxArticleBytes');
  const maxBatchBytes = checkLimit(options, 'maxBatchBytes');
  const language = checkString(options, 'language');
  const assumedPublished = checkString(options, 'assumedPublished');
  const tagger = checkBoolean(options, 'tagger');
  if (options.packs !== undefined && options.packs !== 'auto' && options.packs !== 'all') {
    throw new AnalyzerError('invalid_argument', `packs must be "auto" or "all", not ${String(options.packs)}`);
  }
  const key = `${options.wasmUrl ?? ''}|${options.dataUrl ?? ''}|${packMode(options)}`;
  const shared = !options.wasmBinary && !options.packBytes;
  let entry = shared ? cores.get(key) : null;
  if (!entry) {
    entry = { promise: instantiate(options), instance: null };
    const created = entry;
    if (shared) cores.set(key, created);
    created.promise.then((instance) => { created.instance = instance; },
      () => { if (cores.get(key) === created) cores.delete(key); });
  }
  const instance = await entry.promise;
  entry.instance = instance;
  // The trained tagger's models of the cased scripts and Thai are in a pack of their own, which an
  // analyzer that uses them needs before it is made (its models are read when it is created).
  if (tagger) await loadPack(instance, 'tagger');
  const init = [language, assumedPublished, maxArticleBytes, maxBatchBytes, tagger];
  return call(instance, key, () => new Analyzer(newHandle(instance, init), instance, key, init));
}

// Crosswire's public JS module: createAnalyzer() over the WebAssembly core.
//
//   import { createAnalyzer } from './crosswire.js';
//   const analyzer = await createAnalyzer();
//   analyzer.addArticle({ id: 'a.txt', text });
//   const analysis = analyzer.analyze();   // plain object, schema "crosswire/1"
//   analyzer.dispose();
//
// Works in browsers, workers and Node 20. Nothing is fetched but the module's own wasm and ICU data
// (next to this file unless wasmUrl / dataUrl say otherwise, or given as bytes: wasmBinary / icuData).
import createCrosswireCore from './crosswire-core.js';

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

async function instantiate(options) {
  const wasmUrl = new URL(options.wasmUrl ?? 'crosswire-core.wasm', import.meta.url);
  const dataUrl = new URL(options.dataUrl ?? 'crosswire-icu.dat', import.meta.url);
  const [wasmBinary, icuData] = await Promise.all([
    options.wasmBinary ?? loadBytes(wasmUrl),
    options.icuData ?? loadBytes(dataUrl),
  ]);
  let core;
  try {
    core = await createCrosswireCore({ wasmBinary, locateFile: (path) => new URL(path, wasmUrl).href });
  } catch (error) {
    throw new AnalyzerError('data_error', `cannot start the wasm module: ${error.message ?? error}`);
  }
  const instance = { core, lost: null };
  let pointer;
  try {
    pointer = core.allocIcuData(icuData.byteLength);
  } catch (error) {
    throw lostError(error);
  }
  if (!pointer) {
    throw new AnalyzerError('out_of_memory', `cannot allocate ${icuData.byteLength} bytes for the ICU data`);
  }
  core.HEAPU8.set(icuData, pointer);
  reply(core.initIcuData(pointer));
  return instance;
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

function reply(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new AnalyzerError(value.error.code, value.error.message);
  return value;
}

// Handles that were never disposed are freed when their Analyzer is collected.
const finalizer = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ handle, instance }) => { if (!instance.lost) handle.delete(); })
  : null;

class Analyzer {
  #handle;
  #instance;
  #key;

  constructor(handle, instance, key) {
    this.#handle = handle;
    this.#instance = instance;
    this.#key = key;
    finalizer?.register(this, { handle, instance }, this);
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
  addArticle({ id, text, published }) {
    if (typeof id !== 'string' || typeof text !== 'string') {
      throw new AnalyzerError('invalid_argument', 'addArticle needs { id: string, text: string }');
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
    reply(this.#run('addArticle', id, text, published ?? ''));
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
    return reply(this.#run('addFile', bytes, fileId(name)));
  }

  /** Adds user corrections in the aliases format: TYPE<TAB>canonical<TAB>variant... per line. */
  addAliases(text) {
    reply(this.#run('addAliases', String(text)));
  }

  /** Runs the analysis; returns the "crosswire/1" document as a plain object. */
  analyze() {
    return JSON.parse(this.analyzeJson());
  }

  /** The analysis as JSON text, byte for byte what the CLI prints for the same batch. */
  analyzeJson() {
    return this.#run('analyze');
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
    return reply(this.#run('tokenize', String(text), String(lang)));
  }

  /** Drops the articles (corrections stay). */
  clear() {
    this.#run('clear');
  }

  /** Drops the corrections added with addAliases. */
  clearAliases() {
    this.#run('clearAliases');
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
 * Creates an analyzer. Options (all optional): wasmUrl, dataUrl (or wasmBinary, icuData as bytes),
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
  const key = `${options.wasmUrl ?? ''}|${options.dataUrl ?? ''}`;
  const shared = !options.wasmBinary && !options.icuData;
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
  return call(instance, key, () => {
    const handle = new instance.core.WasmAnalyzer();
    try {
      reply(handle.init(language, assumedPublished, maxArticleBytes, maxBatchBytes));
    } catch (error) {
      if (error instanceof AnalyzerError) handle.delete();
      throw error;
    }
    return new Analyzer(handle, instance, key);
  });
}

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
// set only once per instance.
const cores = new Map();

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
  const pointer = core.allocIcuData(icuData.byteLength);
  core.HEAPU8.set(icuData, pointer);
  reply(core.initIcuData(pointer));
  return core;
}

function reply(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new AnalyzerError(value.error.code, value.error.message);
  return value;
}

// Handles that were never disposed are freed when their Analyzer is collected.
const finalizer = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry((handle) => handle.delete()) : null;

class Analyzer {
  #handle;

  constructor(handle) {
    this.#handle = handle;
    finalizer?.register(this, handle, this);
  }

  #live() {
    if (!this.#handle) throw new AnalyzerError('invalid_argument', 'this analyzer has been disposed');
    return this.#handle;
  }

  /** Adds an article given as text. Throws AnalyzerError (e.g. duplicate id, too large). */
  addArticle({ id, text }) {
    if (typeof id !== 'string' || typeof text !== 'string') {
      throw new AnalyzerError('invalid_argument', 'addArticle needs { id: string, text: string }');
    }
    reply(this.#live().addArticle(id, text));
  }

  /** Adds a file's bytes; the core detects the encoding. Returns { id, text, encoding, warnings }. */
  addFile(bytes, name) {
    if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
    if (!(bytes instanceof Uint8Array) || typeof name !== 'string') {
      throw new AnalyzerError('invalid_argument', 'addFile needs (Uint8Array bytes, string name)');
    }
    return reply(this.#live().addFile(bytes, name));
  }

  /** Adds user corrections in the aliases format: TYPE<TAB>canonical<TAB>variant... per line. */
  addAliases(text) {
    reply(this.#live().addAliases(String(text)));
  }

  /** Runs the analysis; returns the "crosswire/1" document as a plain object. */
  analyze() {
    return JSON.parse(this.analyzeJson());
  }

  /** The analysis as JSON text, byte for byte what the CLI prints for the same batch. */
  analyzeJson() {
    return this.#live().analyze();
  }

  /** Compares two names: { score, same }. */
  match(a, b) {
    return reply(this.#live().match(String(a), String(b)));
  }

  /**
   * Word segmentation alone (ICU, in the language's locale): [[start, end], ...] in UTF-16 units,
   * words and numbers only. For comparisons and tools; analyze() segments by itself.
   */
  tokenize(text, lang = '') {
    return reply(this.#live().tokenize(String(text), String(lang)));
  }

  /** Drops the articles (corrections stay). */
  clear() {
    this.#live().clear();
  }

  /** Drops the corrections added with addAliases. */
  clearAliases() {
    this.#live().clearAliases();
  }

  /** Frees the analyzer's memory; it cannot be used afterwards. */
  dispose() {
    if (!this.#handle) return;
    finalizer?.unregister(this);
    this.#handle.delete();
    this.#handle = null;
  }
}

/**
 * Creates an analyzer. Options (all optional): wasmUrl, dataUrl (or wasmBinary, icuData as bytes),
 * language ("" = identify), assumedPublished ("YYYY-MM-DD"), maxArticleBytes, maxBatchBytes.
 */
export async function createAnalyzer(options = {}) {
  const key = `${options.wasmUrl ?? ''}|${options.dataUrl ?? ''}`;
  let corePromise = options.wasmBinary || options.icuData ? null : cores.get(key);
  if (!corePromise) {
    corePromise = instantiate(options);
    if (!options.wasmBinary && !options.icuData) cores.set(key, corePromise);
    corePromise.catch(() => cores.delete(key));
  }
  const core = await corePromise;
  const handle = new core.WasmAnalyzer();
  try {
    reply(handle.init(options.language ?? '', options.assumedPublished ?? '', options.maxArticleBytes ?? 0,
      options.maxBatchBytes ?? 0));
  } catch (error) {
    handle.delete();
    throw error;
  }
  return new Analyzer(handle);
}

// The analysis runs here, off the main thread, so the page never freezes. Messages in: init, decode, analyze;
// out: ready, progress, result, failure. Every reply carries the request's id.
import { createAnalyzer } from './crosswire.js';

let analyzerPromise = null;
let moduleOptions = {};

function analyzer() {
  analyzerPromise ??= createAnalyzer(moduleOptions).catch((error) => {
    analyzerPromise = null; // let the next request try again
    throw error;
  });
  return analyzerPromise;
}

// A wasm trap or abort can leave the module's memory in any state: drop it and start afresh next time.
// The module reports an abort as out_of_memory or internal and has already discarded its instance.
function isCrash(error) {
  return !error?.code || error instanceof WebAssembly.RuntimeError || error.code === 'out_of_memory' ||
    error.code === 'internal';
}

function failure(id, error) {
  if (isCrash(error)) analyzerPromise = null;
  return {
    type: 'failure',
    id,
    code: error?.code ?? 'internal',
    message: error?.message ?? String(error),
  };
}

async function handle(message) {
  const { id, type } = message;
  if (type === 'init') {
    // The single-file build hands over the bytes themselves (every data pack). The module still resolves its
    // file names against wasmUrl, and a blob: worker has no hierarchical URL to resolve against, so it gets a
    // placeholder base that is never fetched (the bytes are there).
    moduleOptions = message.wasmBytes
      ? { wasmBinary: new Uint8Array(message.wasmBytes), packBytes: message.packBytes,
        wasmUrl: 'file:///crosswire/crosswire-core.wasm', dataUrl: 'file:///crosswire/' }
      : {};
    const started = performance.now();
    await analyzer();
    return { type: 'ready', id, ms: performance.now() - started };
  }
  const instance = await analyzer();
  if (type === 'decode') {
    instance.clear();
    await instance.loadDataFor([new Uint8Array(message.bytes)]);
    try {
      const info = instance.addFile(new Uint8Array(message.bytes), message.name);
      return { type: 'result', id, info: { id: info.id, text: info.text, encoding: info.encoding, warnings: info.warnings ?? [] } };
    } finally {
      // After an abort the instance is gone and clear() would throw over the error that explains it.
      try {
        instance.clear();
      } catch {}
    }
  }
  if (type === 'analyze') {
    const { articles, aliases } = message;
    const started = performance.now();
    // Corrections outlive clear(), so both are dropped: each request is the whole workspace.
    instance.clear();
    instance.clearAliases();
    // The scripts of the batch first: the data packs they need are fetched (once) before any text is read. A pack
    // that cannot be fetched spoils only the articles that need it: they are refused with data_needed.
    let packError = null;
    try {
      await instance.loadDataFor(articles.map((article) => article.text));
    } catch (error) {
      if (isCrash(error)) throw error;
      packError = error;
    }
    if (aliases?.trim()) instance.addAliases(aliases);
    const rejected = [];
    articles.forEach((article, index) => {
      try {
        instance.addArticle({ id: article.id, text: article.text, published: article.published });
      } catch (error) {
        if (isCrash(error)) throw error;
        const why = error.code === 'data_needed' && packError ? ` (${packError.message})` : '';
        rejected.push({ id: article.id, code: error.code, message: error.message + why });
      }
      // A few progress messages are enough; one per article would cost more than it tells.
      if (index % 8 === 7 || index === articles.length - 1) {
        self.postMessage({ type: 'progress', id, done: index + 1, total: articles.length, phase: 'reading' });
      }
    });
    self.postMessage({ type: 'progress', id, done: articles.length, total: articles.length, phase: 'clustering' });
    const analysis = instance.analyze();
    // The core lists what it refused too: each refused article once.
    const listed = new Set((analysis.rejected ?? []).map((r) => r.id));
    analysis.rejected = [...rejected.filter((r) => !listed.has(r.id)), ...(analysis.rejected ?? [])];
    return { type: 'result', id, analysis, ms: performance.now() - started };
  }
  throw Object.assign(new Error(`unknown request ${type}`), { code: 'invalid_argument' });
}

self.addEventListener('message', async (event) => {
  try {
    self.postMessage(await handle(event.data));
  } catch (error) {
    self.postMessage(failure(event.data?.id, error));
  }
});

// The benchmark page: starts workers and hands their replies to the Node script that drives the browser.
// Served beside the built app (web/dist), so worker.js and crosswire.js are the app's own files; bundled with the
// app's worker pool (web/src/engine.js).
import { Engine } from '../../../web/src/engine.js';

/** One request to a fresh worker; resolves with its reply (progress messages are collected on the way). */
function request(url, message, transfer = []) {
  const worker = new Worker(url, { type: 'module' });
  return new Promise((resolve, reject) => {
    const progress = [];
    worker.addEventListener('message', (event) => {
      if (event.data.type === 'progress') return progress.push(event.data);
      resolve({ ...event.data, progress });
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'worker failed')));
    worker.postMessage(message, transfer);
  }).finally(() => worker.terminate());
}

globalThis.crosswireBench = {
  /** Segmentation or entity benchmarks: everything runs inside one worker (see bench-worker.js). */
  run: (message) => request('bench-worker.js', message),

  /**
   * End to end through the app's own analysis worker (worker.js, with measuring hooks loaded first): the page
   * posts the articles as the app does and waits for the analysis. The articles and the analysis stay referenced
   * (globalThis.held) so the driver can weigh the page's heap while it holds them, as the app would.
   */
  async endToEnd(request) {
    // The batch file's name, or { file, tagger }: the worker's analyzer with the trained tagger.
    const { file, tagger = false } = typeof request === 'string' ? { file: request } : request;
    const articles = await (await fetch(file)).json();
    const worker = new Worker('e2e-worker.js', { type: 'module' });
    const replies = [];
    let wake = null;
    worker.addEventListener('message', (event) => {
      replies.push(event.data);
      wake?.();
    });
    worker.addEventListener('error', (event) => replies.push({ type: 'failure', message: event.message }));
    const next = async (type) => {
      for (;;) {
        const index = replies.findIndex((r) => r.type === type || r.type === 'failure');
        if (index >= 0) {
          const [reply] = replies.splice(index, 1);
          if (reply.type === 'failure') throw new Error(`worker: ${reply.code ?? ''} ${reply.message}`);
          return reply;
        }
        await new Promise((resolve) => { wake = resolve; });
      }
    };
    try {
      const initStarted = performance.now();
      worker.postMessage({ type: 'init', id: 1, tagger });
      await next('ready');
      const initMs = performance.now() - initStarted;
      const sent = performance.now();
      worker.postMessage({ type: 'analyze', id: 2, articles, aliases: '' });
      const result = await next('result');
      const roundTripMs = performance.now() - sent;
      const clustering = replies.find((r) => r.type === 'progress' && r.phase === 'clustering');
      globalThis.held = { articles, analysis: result.analysis };
      return {
        initMs,
        roundTripMs,
        workerMs: result.ms,
        addAllMs: clustering.bench.sent - result.bench.received,
        analyzeMs: result.bench.sent - clustering.bench.sent,
        wasmBytes: result.bench.wasmBytes,
        articles: result.analysis.articles.length,
        rejected: result.analysis.rejected.length,
        entities: result.analysis.entities.length,
        stories: result.analysis.stories.length,
        largestStory: Math.max(...result.analysis.stories.map((s) => s.articles.length)),
      };
    } finally {
      worker.terminate();
    }
  },

  /**
   * End to end through the app's worker pool (web/src/engine.js) of `workers` workers, as the element drives it:
   * one worker analyses the batch itself; a pool reads shares of it in every worker and runs the batch step in
   * the first. The pool is started (every wasm module ready) before the clock starts. Memory: the sum over the
   * pool of each worker's wasm memory after its last reply.
   */
  async endToEndPool({ file, workers }) {
    const articles = await (await fetch(file)).json();
    const memory = [];
    let started = 0;
    const engine = new Engine(() => {
      const slot = started;
      started += 1;
      const worker = new Worker('e2e-worker.js', { type: 'module' });
      worker.addEventListener('message', (event) => {
        const bytes = event.data?.bench?.wasmBytes;
        if (bytes) memory[slot] = Math.max(memory[slot] ?? 0, bytes);
      });
      return worker;
    }, {}, { workers });
    try {
      await engine.startAll();
      let progress = 0;
      let readMs = null;
      const sent = performance.now();
      const { analysis, notes } = await engine.analyze(articles, '', (message) => {
        progress += 1;
        if (message.phase === 'clustering' && readMs === null) readMs = performance.now() - sent;
      });
      const roundTripMs = performance.now() - sent;
      globalThis.held = { articles, analysis };
      return {
        roundTripMs,
        readMs,
        progress,
        notes,
        workers: started,
        wasmBytes: memory.reduce((sum, bytes) => sum + (bytes ?? 0), 0),
        articles: analysis.articles.length,
        entities: analysis.entities.length,
        stories: analysis.stories.length,
      };
    } finally {
      engine.dispose();
    }
  },

  release() {
    globalThis.held = null;
  },
};

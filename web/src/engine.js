// The page's side of the analysis worker: one request at a time in flight per id, promises for replies, and a
// restart after a crash so a failed analysis never takes the loaded articles with it.

export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export class Engine {
  #makeWorker;
  #init;
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;

  /**
   * @param makeWorker () => Worker
   * @param init extra fields of the init message (wasmUrl/dataUrl, or wasmBytes/packBytes in the single file)
   */
  constructor(makeWorker, init = {}) {
    this.#makeWorker = makeWorker;
    this.#init = init;
  }

  /** Starts the worker and the wasm module; resolves with the time the module took to start. */
  start() {
    if (this.#ready) return this.#ready;
    let worker;
    try {
      worker = this.#makeWorker();
    } catch (error) {
      return Promise.reject(new EngineError('worker_failed', `The analysis worker could not start: ${error.message}`));
    }
    this.#worker = worker;
    worker.addEventListener('message', (event) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      this.#crash(event.message || 'the analysis worker stopped');
    });
    worker.addEventListener('messageerror', () => this.#crash('a message from the worker could not be read'));
    this.#ready = this.#request({ type: 'init', ...this.#init }).then((reply) => reply.ms);
    this.#ready.catch(() => this.#reset());
    return this.#ready;
  }

  async decode(bytes, name) {
    await this.start();
    const reply = await this.#request({ type: 'decode', bytes, name });
    return reply.info;
  }

  async analyze(articles, aliases, onProgress) {
    await this.start();
    const reply = await this.#request({ type: 'analyze', articles, aliases }, onProgress);
    return { analysis: reply.analysis, ms: reply.ms };
  }

  dispose() {
    this.#crash('closed', 'disposed');
  }

  #request(message, onProgress) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ ...message, id });
    });
  }

  #receive(message) {
    const pending = this.#pending.get(message?.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message);
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === 'failure') pending.reject(new EngineError(message.code, message.message));
    else pending.resolve(message);
  }

  #crash(message, code = 'worker_crashed') {
    const error = new EngineError(code, `The analysis stopped: ${message}`);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#reset();
  }

  #reset() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
  }
}

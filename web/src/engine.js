// The page's side of the analysis workers: a pool of workers, each with its own wasm module (no shared memory,
// so it works from file://, embedded, and without cross-origin isolation). The map step runs in two rounds on
// every pool worker, share by share (docs/ARCHITECTURE.md, "Map and reduce"): round 1 reads the articles into
// record lines and counts how their words are cased; the page sums the counts and hands the sums to every
// worker; round 2 finds each article's name candidates and story words (records of version 3). The first worker
// then runs the batch step over all the records (the reduce step). One request at a time in flight per id,
// promises for replies, and a restart after a crash so a failed analysis never takes the loaded articles with
// it: the shares of a pool worker that stops, in either round, are taken by the others.

export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** The number of pool workers for this machine: its cores, at least 1, at most 4 (beyond that the batch step dominates). */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency) {
  return Math.max(1, Math.min(4, Math.floor(cores) || 1));
}

// One worker and its wasm module.
class Channel {
  #makeWorker;
  #init;
  #worker = null;
  #ready = null;
  #pending = new Map();
  #nextId = 1;

  constructor(makeWorker, init) {
    this.#makeWorker = makeWorker;
    this.#init = init;
  }

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
    this.#ready = this.request({ type: 'init', ...this.#init }).then((reply) => reply.ms);
    this.#ready.catch(() => this.#reset());
    return this.#ready;
  }

  request(message, onProgress) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ ...message, id });
    });
  }

  dispose() {
    this.#crash('closed', 'disposed');
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

export class Engine {
  #channels;

  /**
   * @param makeWorker () => Worker
   * @param init extra fields of the init message (wasmUrl/dataUrl, or wasmBytes/packBytes in the single file)
   * @param options.workers the pool's size (default: poolSize())
   */
  constructor(makeWorker, init = {}, { workers = poolSize() } = {}) {
    const size = Math.max(1, Math.floor(workers) || 1);
    this.#channels = Array.from({ length: size }, () => new Channel(makeWorker, init));
  }

  /** The number of workers in the pool. */
  get workers() {
    return this.#channels.length;
  }

  /**
   * Starts the first worker and its wasm module; resolves with the time the module took to start. The other
   * pool workers start after it, in the background.
   */
  start() {
    const ready = this.#channels[0].start();
    ready.then(() => this.#channels.slice(1).forEach((channel) => channel.start().catch(() => {})), () => {});
    return ready;
  }

  /** Starts every pool worker; resolves when all have started or failed to. */
  async startAll() {
    await this.start();
    await Promise.allSettled(this.#channels.map((channel) => channel.start()));
  }

  async decode(bytes, name) {
    await this.start();
    const reply = await this.#channels[0].request({ type: 'decode', bytes, name });
    return reply.info;
  }

  /**
   * Analyses the batch; resolves { analysis, ms, notes }: `notes` say what went wrong on the way without
   * spoiling the result (a pool worker that stopped).
   */
  async analyze(articles, aliases, onProgress) {
    await this.start();
    if (this.#channels.length === 1 || articles.length < 2) {
      const reply = await this.#channels[0].request({ type: 'analyze', articles, aliases }, onProgress);
      return { analysis: reply.analysis, ms: reply.ms, notes: [] };
    }
    const started = performance.now();
    const notes = [];
    const casing = new CasingSum();
    const read = await this.#shares(articles, {
      phase: 'reading',
      request: (share) => ({ type: 'map', articles: share }),
      onReply: (reply) => casing.add(reply.casing),
    }, onProgress, notes);
    // Every worker gets the sums once, before its first share of round 2 (and again if it restarts). With two
    // workers round 2 stays in the batch step's worker, which then needs no counting pass of its own: the
    // version-3 records cost more to write, copy and read than a second worker saves there (1,000 and 5,000
    // articles on two free cores: 0.94-0.97x one worker with both rounds in the pool, 1.01-1.06x with one;
    // BENCHMARKS.md, "The page's worker pool"). From three workers on, the pool runs both rounds.
    const counts = casing.line();
    const items = this.#channels.length < 3 ? read : await this.#shares(read, {
      phase: 'finding',
      prepare: (channel) => channel.request({ type: 'casing', casing: counts }),
      request: (share) => ({ type: 'map2', items: share }),
    }, onProgress, notes);
    // The batch step runs in the first worker, restarted if it stopped on the way.
    const batch = this.#channels[0];
    await batch.start();
    const reply = await batch.request({ type: 'reduce', items, aliases, casing: counts }, onProgress);
    return { analysis: reply.analysis, ms: performance.now() - started, notes };
  }

  dispose() {
    for (const channel of this.#channels) channel.dispose();
  }

  // One round of the map step on every worker that starts: shares of a few inputs handed out as workers become
  // free (articles differ 100x in size); each worker reports every article it has done. A share whose worker
  // stops goes back to the queue for the others; only when every worker has stopped does the analysis fail.
  // `round.prepare(channel)` runs once on each worker before its first share; `round.onReply` sees each reply.
  async #shares(inputs, round, onProgress, notes) {
    const { phase } = round;
    const articles = inputs;
    const total = articles.length;
    const share = Math.max(1, Math.min(16, Math.ceil(total / (this.#channels.length * 8))));
    const queue = [];
    for (let from = 0; from < total; from += share) queue.push([from, Math.min(total, from + share)]);
    const items = new Array(total);
    let done = 0; // articles of the shares that came back
    const reading = new Map(); // channel -> articles read of the share it has
    const report = () => {
      let current = done;
      for (const n of reading.values()) current += n;
      onProgress?.({ done: current, total, phase });
    };
    let lastError = null;
    const run = async (channel) => {
      try {
        await channel.start();
      } catch (error) {
        lastError = error;
        notes.push(`An analysis worker could not start (${error.message}); the others read the articles.`);
        return;
      }
      let prepared = false;
      while (queue.length) {
        const [from, to] = queue.shift();
        let reply;
        try {
          if (!prepared && round.prepare) await round.prepare(channel);
          prepared = true;
          reply = await channel.request(round.request(articles.slice(from, to)), (progress) => {
            reading.set(channel, progress.done);
            report();
          });
        } catch (error) {
          reading.delete(channel);
          queue.unshift([from, to]);
          lastError = error;
          notes.push(`An analysis worker stopped (${error.message}); the others read its articles.`);
          return;
        }
        round.onReply?.(reply);
        reply.items.forEach((item, k) => { items[from + k] = item; });
        reading.delete(channel);
        done += to - from;
        report();
      }
    };
    // A worker that stopped in an earlier round starts afresh (run starts it) and takes shares again.
    await Promise.all(this.#channels.map(run));
    if (queue.length) throw lastError ?? new EngineError('worker_crashed', 'The analysis stopped: no analysis worker is left');
    return items;
  }
}

// The casing counts of round 1 summed over the shares ("crosswire-casing/1" lines: word -> count, per kind).
// Integer sums, so the order the shares come back in does not matter.
class CasingSum {
  #lower = new Map();
  #inside = new Map();

  add(line) {
    const counts = JSON.parse(line);
    for (const [into, from] of [[this.#lower, counts.lower], [this.#inside, counts.capitalized_inside]]) {
      for (const [word, n] of Object.entries(from)) into.set(word, (into.get(word) ?? 0) + n);
    }
  }

  line() {
    const object = (map) => Object.fromEntries(map);
    return JSON.stringify({ casing: 'crosswire-casing/1', lower: object(this.#lower), capitalized_inside: object(this.#inside) });
  }
}

// The page's side of the analysis workers: a pool of workers, each with its own wasm module (no shared memory,
// so it works from file://, embedded, and without cross-origin isolation). The map step runs in two rounds,
// share by share (docs/ARCHITECTURE.md, "Map and reduce"): round 1 reads the articles and counts how their words
// are cased; the page sums the counts and hands the sums to every worker; round 2 finds each article's name
// candidates and story words. The first worker, which runs the batch step, takes its shares from the front of
// the queue and keeps their articles in its own analyzer (no record written, copied and read back); the others
// take theirs from the back and return record lines (version 2 in round 1, version 3 in round 2), which the
// first adds after its own, in article order. In the batch step the other workers score pieces of the pairs of
// names that entity linking compares, each in its own module, while the first scores its piece. One request at
// a time in flight per id, promises for replies, and a restart after a crash so a failed analysis never takes the
// loaded articles with it: the shares of a pool worker that stops, in either round, are taken by the others, and
// the articles the first worker held are read again when it stops.

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
  #stopped = null; // why the worker last stopped
  #generation = 0; // counts the worker's starts and stops: a module that held articles is gone once it changes

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
    this.#generation += 1;
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

  /** Which life of the worker this is; it changes when the worker stops and when it starts again. */
  get generation() {
    return this.#generation;
  }

  /** Whether the worker is running (started and not stopped since). */
  get running() {
    return this.#worker !== null;
  }

  /** Why the worker last stopped (an EngineError), or null. */
  get stopped() {
    return this.#stopped;
  }

  request(message, onProgress) {
    if (!this.#worker) return Promise.reject(new EngineError('worker_crashed', 'The analysis stopped: the worker is not running'));
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
    this.#stopped = error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
    this.#reset();
  }

  #reset() {
    if (this.#worker) this.#generation += 1;
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
    const batch = this.#channels[0];
    const others = this.#channels.slice(1);
    // Round 1. The batch step's worker takes shares from the front of the queue and adds their articles to its
    // own analyzer (no record written, copied and read back); the others take shares from the back and return
    // record lines. Its articles are then the first `own` of the batch and the records the rest, so it adds
    // both in article order. Its first share brings every text, for the data packs the batch needs (an
    // analyzer takes a pack's data only before it holds articles).
    const first = { reading: true };
    const read = await this.#shares(articles, {
      phase: 'reading',
      request: (share) => ({ type: 'map', articles: share }),
      own: (share) => {
        const message = { type: 'own', articles: share };
        if (first.reading) message.texts = articles.map((article) => article.text);
        first.reading = false;
        return message;
      },
      onReply: (reply) => reply.casing && casing.add(reply.casing),
    }, onProgress, notes);
    let own = read.own;
    let items = read.items;
    // The life of the module that holds its own articles: a crash reported after a reply loses them too.
    const { holder } = read;
    const lost = () => batch.stopped ?? new EngineError('worker_crashed', 'The analysis stopped: the worker was restarted');
    // The batch worker's own casing counts join the others'; then every worker that runs round 2 gets the sums.
    let counts = null;
    if (own > 0) {
      try {
        if (batch.generation !== holder) throw lost();
        casing.add((await batch.request({ type: 'ownCasing' })).casing);
      } catch (error) {
        ({ own, items } = await this.#lostOwn(error, articles, items, own, notes, onProgress, casing));
      }
    }
    counts = casing.line();
    // Round 2: the batch worker finds the names of its own articles (once it has the sums), then takes record
    // shares of round 1 from the front of the rest, adding them to its analyzer and finding their names there,
    // while the others take shares from the back and return records of version 3. When no other worker is left,
    // the batch step finds the rest itself.
    let givenCounts = false;
    if (own > 0) {
      const found = await this.#shares(items.slice(own), {
        phase: 'finding',
        optional: true,
        prepare: (channel) => channel.request(channel === batch ? { type: 'own2', casing: counts } : { type: 'casing', casing: counts }),
        request: (share) => ({ type: 'map2', items: share }),
        own: (share) => ({ type: 'ownRecords', items: share }),
      }, onProgress, notes);
      if (found.stopped.has(batch) || batch.generation !== holder) {
        // The records it had taken in a request that failed went back to the others; those of requests that
        // came back before the stop was reported (`found.own`, next to its own articles) went with its module,
        // so the articles of round 1 and these are read again.
        items = [...items.slice(0, own), ...found.items];
        ({ own, items } = await this.#lostOwn(batch.stopped ?? lost(), articles, items, own + found.own, notes, onProgress));
      } else {
        items = [...items.slice(0, own), ...found.items];
        givenCounts = found.prepared.has(batch);
        own += found.own;
      }
    }
    if (own > 0 && batch.generation !== holder) {
      ({ own, items } = await this.#lostOwn(lost(), articles, items, own, notes, onProgress));
      givenCounts = false;
    }
    await batch.start();
    const reduce = () => this.#reduce(items, aliases, givenCounts ? null : counts, own, onProgress, notes);
    let reply;
    try {
      reply = await reduce();
    } catch (error) {
      if (error.code !== 'own_lost') throw error;
      ({ own, items } = await this.#lostOwn(error, articles, items, own, notes, onProgress));
      givenCounts = false;
      reply = await reduce();
    }
    return { analysis: reply.analysis, ms: performance.now() - started, notes };
  }

  dispose() {
    for (const channel of this.#channels) channel.dispose();
  }

  // The batch step in the first worker. Its largest part, the scoring of pairs of names, is shared: the batch
  // worker stops before it and hands a piece of the pairs to each other worker that is running, as a task its
  // own module scores, while it scores the first piece; then it finishes with their scores. A piece whose
  // worker stops comes back as null and the batch worker scores it: the analysis is the same either way.
  async #reduce(items, aliases, casing, own, onProgress, notes) {
    const batch = this.#channels[0];
    const helpers = this.#channels.slice(1).filter((channel) => channel.running);
    const message = { type: 'reduce', items, aliases, casing, own };
    if (helpers.length === 0) return batch.request(message, onProgress);
    const parts = helpers.length + 1;
    const { tasks } = await batch.request({ ...message, parts }, onProgress);
    const [, ...scores] = await Promise.all([
      batch.request({ type: 'scoreOwn', parts }),
      ...helpers.map((helper, k) => helper.request({ type: 'pairs', task: tasks[k] }).then((reply) => reply.scores, (error) => {
        notes.push(`An analysis worker stopped (${error.message}); the batch step's worker scores its names.`);
        return null;
      })),
    ]);
    return batch.request({ type: 'finish', parts, scores }, onProgress);
  }

  // The batch worker stopped while it held its own articles: they went with its module. Every worker (the batch
  // worker restarted) reads them again as records of round 1 (with their casing counts, into `casing` when
  // given), and the batch step reads every article from its record.
  async #lostOwn(error, articles, items, own, notes, onProgress, casing) {
    notes.push(`The batch step's worker stopped (${error.message}); its articles are read again.`);
    const again = await this.#shares(articles.slice(0, own), {
      phase: 'reading',
      request: (share) => ({ type: 'map', articles: share }),
      onReply: (reply) => reply.casing && casing?.add(reply.casing),
    }, onProgress, notes);
    return { own: 0, items: [...again.items, ...items.slice(own)] };
  }

  // One round of the map step on the round's workers (`round.channels`, or all): shares of a few inputs handed
  // out as workers become free (articles differ 100x in size); each worker reports every article it has done.
  // A share whose worker stops goes back to the queue for the others; only when every worker has stopped does
  // the analysis fail (or, with `round.optional`, the inputs not done come back as they were).
  // `round.prepare(channel)` runs once on each worker before its first share; `round.onReply` sees each reply.
  // With `round.own(share)`, the first worker takes shares from the front of the queue, as long as each follows
  // the last, and keeps their articles (its reply items say `own` or the refusal); the others take shares from
  // the back. Resolves { items, own, holder, stopped, prepared }: the first `own` inputs are in the first
  // worker's analyzer, in its life `holder` (Channel.generation); the workers that stopped in this round, and
  // those prepared for it.
  async #shares(inputs, round, onProgress, notes) {
    const { phase } = round;
    const channels = round.channels ?? this.#channels;
    const total = inputs.length;
    const share = Math.max(1, Math.min(16, Math.ceil(total / (this.#channels.length * 8))));
    const queue = [];
    for (let from = 0; from < total; from += share) queue.push([from, Math.min(total, from + share)]);
    const items = new Array(total);
    let done = 0; // articles of the shares that came back
    let own = 0; // the first worker's own articles: inputs [0, own)
    const ownShares = [];
    let holder = null; // the first worker's life in which it kept them
    const keeper = round.own ? this.#channels[0] : null;
    let keeping = Boolean(round.own); // whether the first worker still keeps the articles of its shares
    const dropOwn = () => {
      for (const [from, to] of ownShares) {
        queue.push([from, to]);
        done -= to - from;
      }
      ownShares.length = 0;
      own = 0;
      holder = null;
      keeping = false;
      report();
    };
    const reading = new Map(); // channel -> articles read of the share it has
    const report = () => {
      let current = done;
      for (const n of reading.values()) current += n;
      onProgress?.({ done: current, total, phase });
    };
    let lastError = null;
    const stopped = new Set();
    const prepared = new Set(); // the workers whose round.prepare ran
    const run = async (channel) => {
      try {
        await channel.start();
      } catch (error) {
        lastError = error;
        stopped.add(channel);
        notes.push(`An analysis worker could not start (${error.message}); another worker reads the articles.`);
        return;
      }
      while (queue.length) {
        const fromBack = round.own && channel !== keeper;
        const [from, to] = fromBack ? queue.pop() : queue.shift();
        if (channel === keeper && keeping && from !== own) {
          // A share given back by another worker, not next to its own: the others read it while any is left.
          if (channels.some((other) => other !== keeper && !stopped.has(other))) {
            queue.unshift([from, to]);
            return;
          }
          // None is: in an optional round the shares left come back as they were; otherwise its own articles
          // become records too (reading a share of records clears its analyzer).
          if (round.optional) {
            queue.unshift([from, to]);
            return;
          }
          dropOwn();
        }
        const keep = channel === keeper && keeping;
        if (channel === keeper && !keep && round.own) keeping = false;
        let reply;
        try {
          if (!prepared.has(channel) && round.prepare) await round.prepare(channel);
          prepared.add(channel);
          const slice = inputs.slice(from, to);
          reply = await channel.request(keep ? round.own(slice) : round.request(slice), (progress) => {
            reading.set(channel, progress.done);
            report();
          });
        } catch (error) {
          reading.delete(channel);
          if (fromBack) queue.push([from, to]);
          else queue.unshift([from, to]);
          // The first worker's own articles went with its module: the others read them as records.
          if (channel === keeper) dropOwn();
          lastError = error;
          stopped.add(channel);
          notes.push(`An analysis worker stopped (${error.message}); another worker reads its articles.`);
          return;
        }
        round.onReply?.(reply);
        reply.items.forEach((item, k) => { items[from + k] = item; });
        if (keep) {
          own = to;
          ownShares.push([from, to]);
          holder ??= channel.generation;
        }
        reading.delete(channel);
        done += to - from;
        report();
      }
    };
    // A worker that stopped in an earlier round starts afresh (run starts it) and takes shares again; in this
    // round, shares given back after the others had finished are taken by those still running.
    let running = channels;
    while (queue.length && running.length) {
      const [doneBefore, stoppedBefore] = [done, stopped.size];
      await Promise.all(running.map(run));
      running = running.filter((channel) => !stopped.has(channel));
      if (done === doneBefore && stopped.size === stoppedBefore) break; // what is left, no worker here takes
    }
    if (queue.length) {
      if (!round.optional) throw lastError ?? new EngineError('worker_crashed', 'The analysis stopped: no analysis worker is left');
      for (const [from, to] of queue) for (let k = from; k < to; k += 1) items[k] = inputs[k];
    }
    return { items, own, holder, stopped, prepared };
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

// The analysis runs here, off the main thread, so the page never freezes. Messages in: init, decode, analyze
// (the whole batch in this worker); for the page's worker pool: map (round 1 of a share of the batch's
// articles: record lines and their casing counts), casing (the batch's summed counts, before round 2), map2
// (round 2 of a share of record lines: records of version 3) and reduce (the records of the whole batch: the
// analysis); in the batch step's worker, own (round 1 of a share of articles it keeps), ownCasing (their
// casing counts), own2 (the summed counts, and round 2 of its own articles) and ownRecords (records of round 1
// of the articles next to those, kept with their round 2), before reduce; reduce with `parts` stops before
// the scoring of the name pairs and replies with pieces of them as tasks, which pool workers score (pairs)
// while it scores its own (scoreOwn), and finish takes their scores and replies with the analysis; out: ready,
// progress, result, failure. Every reply carries the request's id.
import { createAnalyzer, taskNames } from './crosswire.js';

let analyzerPromise = null;
let moduleOptions = {};
let ownPackError = null; // why a pack the batch needs could not be loaded, when the batch worker holds articles
let ownKept = 0; // the articles the batch worker holds of its own shares
let begun = null; // the batch step begun by a reduce request in pieces: { rejected, started }

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

// The scripts of the batch first: the data packs they need are fetched (once) before any text is read. A pack
// that cannot be fetched spoils only the articles that need it: they are refused with data_needed, and this
// error says why.
async function loadPacks(instance, texts) {
  try {
    await instance.loadDataFor(texts);
    return null;
  } catch (error) {
    if (isCrash(error)) throw error;
    return error;
  }
}

function refusal(id, error, packError) {
  const why = error.code === 'data_needed' && packError ? ` (${packError.message})` : '';
  return { id, code: error.code, message: error.message + why };
}

// The core lists what it refused too: each refused article once, those refused before reaching the core first.
function withRejected(analysis, rejected) {
  const listed = new Set((analysis.rejected ?? []).map((r) => r.id));
  analysis.rejected = [...rejected.filter((r) => !listed.has(r.id)), ...(analysis.rejected ?? [])];
  return analysis;
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
    // The trained tagger in Latin, Cyrillic, Greek and Thai text too (the element's `tagger` attribute).
    if (message.tagger === true) moduleOptions.tagger = true;
    const started = performance.now();
    await analyzer();
    return { type: 'ready', id, ms: performance.now() - started };
  }
  const instance = await analyzer();
  if (type === 'decode') {
    ownKept = 0;
    begun = null;
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
  if (type === 'map' || type === 'analyze' || type === 'casing') {
    ownKept = 0; // these clear the analyzer
    begun = null;
  }
  if (type === 'map') {
    // Round 1 of each article (docs/ARCHITECTURE.md, "Map and reduce"), with how its words are cased (summed over
    // the share); an article refused before it reaches the core comes back as an error, in its place, for the
    // reduce step to list.
    instance.clear();
    const packError = await loadPacks(instance, message.articles.map((article) => article.text));
    instance.takeCasing(); // the tally starts with this share
    const items = message.articles.map((article, index) => {
      let item;
      try {
        item = { id: article.id, line: instance.mapArticle(article, { countCasing: true }) };
      } catch (error) {
        if (isCrash(error)) throw error;
        item = { id: article.id, error: refusal(article.id, error, packError) };
      }
      self.postMessage({ type: 'progress', id, done: index + 1, total: message.articles.length, phase: 'reading' });
      return item;
    });
    return { type: 'result', id, items, casing: instance.takeCasing() };
  }
  if (type === 'own') {
    // The batch step's worker adds the articles of its own shares to its analyzer and runs their round 1 (with
    // the casing counts, kept in the analyzer) instead of writing records; the first share of a batch brings
    // every text, for the packs (an analyzer takes a pack's data only while it holds no articles). An article
    // refused before it reaches the core comes back as an error, in its place.
    if (message.texts) {
      instance.clear();
      instance.clearAliases();
      ownKept = 0;
      ownPackError = await loadPacks(instance, message.texts);
    }
    const items = message.articles.map((article) => {
      try {
        instance.addArticle(article);
        ownKept += 1;
        return { id: article.id, own: true };
      } catch (error) {
        if (isCrash(error)) throw error;
        return { id: article.id, error: refusal(article.id, error, ownPackError) };
      }
    });
    instance.prepare();
    self.postMessage({ type: 'progress', id, done: items.length, total: items.length, phase: 'reading' });
    return { type: 'result', id, items };
  }
  if (type === 'ownCasing') {
    // How the words of its own articles are cased, to be summed with the others' counts.
    return { type: 'result', id, casing: instance.casingCounts() };
  }
  if (type === 'own2') {
    // The batch's summed counts, and round 2 of its own articles, while the others run round 2 of theirs.
    instance.addCasingCounts(message.casing);
    instance.prepare({ round: 2 });
    return { type: 'result', id };
  }
  if (type === 'ownRecords') {
    // Round 1 records of other workers' articles, next after those it holds: added to its analyzer and their
    // round 2 run here (with the sums given in 'own2'), instead of records of version 3 written elsewhere.
    const items = message.items.map((item) => {
      if (!item.line) return item;
      try {
        instance.addRecord(item.line);
        ownKept += 1;
        return { id: item.id, own: true };
      } catch (error) {
        if (isCrash(error)) throw error;
        return { id: item.id, error: refusal(item.id, error, ownPackError) };
      }
    });
    instance.prepare({ round: 2 });
    self.postMessage({ type: 'progress', id, done: items.length, total: items.length, phase: 'finding' });
    return { type: 'result', id, items };
  }
  if (type === 'casing') {
    instance.clear();
    instance.addCasingCounts(message.casing);
    return { type: 'result', id };
  }
  if (type === 'map2') {
    // Round 2 of each record with the batch's casing counts (kept since 'casing'); errors of round 1 pass on.
    const packError = await loadPacks(instance, message.items.filter((item) => item.line).map((item) => item.line));
    const items = message.items.map((item, index) => {
      let out = item;
      if (item.line) {
        try {
          out = { id: item.id, line: instance.mapRecord(item.line) };
        } catch (error) {
          if (isCrash(error)) throw error;
          out = { id: item.id, error: refusal(item.id, error, packError) };
        }
      }
      self.postMessage({ type: 'progress', id, done: index + 1, total: message.items.length, phase: 'finding' });
      return out;
    });
    return { type: 'result', id, items };
  }
  if (type === 'reduce') {
    const { items, aliases, casing, own = 0, parts = 1 } = message;
    begun = null;
    const started = performance.now();
    // With `own`, the first `own` articles are this worker's own (kept since 'own', with the batch's packs).
    if (!own) {
      instance.clear();
      ownKept = 0;
    }
    // Its own articles must all be here: a module started afresh holds none of them.
    const kept = items.slice(0, own).filter((item) => item.own).length;
    if (own && kept !== ownKept) {
      throw Object.assign(new Error(`the batch step's worker holds ${ownKept} of its ${kept} articles`), { code: 'own_lost' });
    }
    instance.clearAliases();
    // With the batch's casing counts, records of version 3 are not segmented again.
    if (casing) instance.addCasingCounts(casing);
    // A record line holds its article's text: its scripts say which packs the segmentation needs.
    const packError = own ? ownPackError
      : await loadPacks(instance, items.filter((item) => item.line).map((item) => item.line));
    if (aliases?.trim()) instance.addAliases(aliases);
    const rejected = [];
    for (const item of items) {
      if (item.own) continue;
      if (item.error) {
        rejected.push(item.error);
        continue;
      }
      try {
        instance.addRecord(item.line);
      } catch (error) {
        if (isCrash(error)) throw error;
        rejected.push(refusal(item.id, error, packError));
      }
    }
    self.postMessage({ type: 'progress', id, done: items.length, total: items.length, phase: 'clustering' });
    if (!(parts > 1)) {
      return { type: 'result', id, analysis: withRejected(instance.analyze(), rejected), ms: performance.now() - started };
    }
    // The batch step in two calls: up to the scoring of the name pairs, whose pieces after the first go to the
    // other workers as tasks; this worker scores the first (scoreOwn) and finishes with their scores (finish).
    instance.beginAnalysis();
    begun = { rejected, started };
    const tasks = [];
    for (let part = 1; part < parts; part += 1) tasks.push(instance.pairTask(part, parts));
    return { type: 'result', id, tasks };
  }
  if (type === 'scoreOwn') {
    if (!begun) throw Object.assign(new Error('no batch step has begun in this worker'), { code: 'own_lost' });
    instance.scorePairPiece(0, message.parts);
    return { type: 'result', id };
  }
  if (type === 'finish') {
    if (!begun) throw Object.assign(new Error('no batch step has begun in this worker'), { code: 'own_lost' });
    const { rejected, started } = begun;
    begun = null;
    // A piece whose worker stopped comes as null: it is scored here.
    message.scores.forEach((scores, k) => { if (scores) instance.givePairScores(k + 1, message.parts, scores); });
    const analysis = withRejected(JSON.parse(instance.finishAnalysisJson()), rejected);
    return { type: 'result', id, analysis, ms: performance.now() - started };
  }
  if (type === 'pairs') {
    // A piece of the batch step's name pairs: a pure task, scored by this worker's own module. Its names' scripts
    // say which data packs the matcher needs.
    await instance.loadDataFor([taskNames(message.task)]);
    return { type: 'result', id, scores: instance.scorePairs(message.task) };
  }
  if (type === 'analyze') {
    const { articles, aliases } = message;
    const started = performance.now();
    // Corrections outlive clear(), so both are dropped: each request is the whole workspace.
    instance.clear();
    instance.clearAliases();
    // The scripts of the batch first: the data packs they need are fetched (once) before any text is read. A pack
    // that cannot be fetched spoils only the articles that need it: they are refused with data_needed.
    const packError = await loadPacks(instance, articles.map((article) => article.text));
    if (aliases?.trim()) instance.addAliases(aliases);
    const rejected = [];
    articles.forEach((article, index) => {
      try {
        instance.addArticle({ id: article.id, text: article.text, published: article.published });
      } catch (error) {
        if (isCrash(error)) throw error;
        rejected.push(refusal(article.id, error, packError));
      }
      // A few progress messages are enough; one per article would cost more than it tells.
      if (index % 8 === 7 || index === articles.length - 1) {
        self.postMessage({ type: 'progress', id, done: index + 1, total: articles.length, phase: 'reading' });
      }
    });
    self.postMessage({ type: 'progress', id, done: articles.length, total: articles.length, phase: 'clustering' });
    return { type: 'result', id, analysis: withRejected(instance.analyze(), rejected), ms: performance.now() - started };
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

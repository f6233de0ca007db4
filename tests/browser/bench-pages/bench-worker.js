// The segmentation and entity benchmarks, inside one worker so that Crosswire and its peers run on the same
// thread, on the same text, in the same order. Bundled with compromise when the benchmark starts; crosswire.js is
// the app's own module beside it. One request per worker: {type: 'segment' | 'entities', ...} -> results.
import nlp from 'compromise';
import { createAnalyzer } from './crosswire.js';

const load = async (file) => (await fetch(file)).json();

/** Runs fn over every document once; resolves its time in ms. */
function timed(docs, fn) {
  const started = performance.now();
  for (const doc of docs) fn(doc);
  return performance.now() - started;
}

// ---- word segmentation -------------------------------------------------------------------------------------

const segmenters = new Map();
function intlWords(text, lang) {
  if (!segmenters.has(lang)) segmenters.set(lang, new Intl.Segmenter(lang, { granularity: 'word' }));
  const spans = [];
  for (const segment of segmenters.get(lang).segment(text)) {
    if (segment.isWordLike) spans.push([segment.index, segment.index + segment.segment.length]);
  }
  return spans;
}

/** Spans in both sorted lists; the others are tallied by their text in onlyA / onlyB. */
function compareSpans(text, a, b, onlyA, onlyB) {
  let same = 0;
  let i = 0;
  let j = 0;
  const note = (tally, [start, end]) => {
    const word = text.slice(start, end);
    tally.set(word, (tally.get(word) ?? 0) + 1);
  };
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i][0] < b[j][0] || (a[i][0] === b[j][0] && a[i][1] < b[j][1])))) note(onlyA, a[i++]);
    else if (i >= a.length || a[i][0] > b[j][0] || a[i][1] > b[j][1]) note(onlyB, b[j++]);
    else {
      same += 1;
      i += 1;
      j += 1;
    }
  }
  return same;
}

const top = (tally, n = 8) => [...tally].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, n);

async function segment({ sets, runs }) {
  const analyzer = await createAnalyzer();
  const results = [];
  for (const set of sets) {
    const docs = await load(set.file);
    await analyzer.loadDataFor(docs.map((doc) => doc.text)); // the data packs of the set's scripts
    if (!set.lang) {
      // Each document in the language Crosswire identifies for it, for both segmenters.
      analyzer.clear();
      for (const doc of docs) analyzer.addArticle(doc);
      const langs = new Map(analyzer.analyze().articles.map((a) => [a.id, a.lang]));
      analyzer.clear();
      for (const doc of docs) doc.lang = langs.get(doc.id) ?? 'und';
    } else for (const doc of docs) doc.lang = set.lang;
    const crosswire = (doc) => analyzer.tokenize(doc.text, doc.lang);
    const intl = (doc) => intlWords(doc.text, doc.lang);
    // Warm-up (compilation, ICU's dictionaries, the Intl segmenters), which also tells how many passes over a
    // small corpus make a measurement long enough for the timer; each figure is the time of one pass.
    const passesFor = (list, fn) => Math.max(1, Math.ceil(100 / Math.max(timed(list, fn), 0.1)));
    const passes = new Map([[crosswire, passesFor(docs, crosswire)], [intl, passesFor(docs, intl)]]);
    const perPass = (list, fn) => {
      if (!passes.has(fn)) passes.set(fn, passesFor(list, fn));
      const n = passes.get(fn);
      let ms = 0;
      for (let pass = 0; pass < n; pass += 1) ms += timed(list, fn);
      return ms / n;
    };
    const crosswireMs = [];
    const intlMs = [];
    for (let run = 0; run < runs; run += 1) {
      crosswireMs.push(perPass(docs, crosswire));
      intlMs.push(perPass(docs, intl));
    }
    // tokenize() returns its spans as JSON text that crosswire.js parses; parsing the same text again, alone,
    // tells how much of Crosswire's time is that step rather than the segmentation in wasm.
    const replies = docs.map((doc) => JSON.stringify(crosswire(doc)));
    const parseMs = [];
    const parse = (json) => JSON.parse(json);
    for (let run = 0; run < runs; run += 1) parseMs.push(perPass(replies, parse));
    let crosswireTokens = 0;
    let intlTokens = 0;
    let same = 0;
    const onlyCrosswire = new Map();
    const onlyIntl = new Map();
    for (const doc of docs) {
      const a = crosswire(doc);
      const b = intl(doc);
      crosswireTokens += a.length;
      intlTokens += b.length;
      same += compareSpans(doc.text, a, b, onlyCrosswire, onlyIntl);
    }
    results.push({
      name: set.name, docs: docs.length, langs: [...new Set(docs.map((d) => d.lang))],
      crosswireMs, intlMs, parseMs, crosswireTokens, intlTokens, same,
      onlyCrosswire: top(onlyCrosswire), onlyIntl: top(onlyIntl),
    });
  }
  analyzer.dispose();
  return results;
}

// ---- English entities --------------------------------------------------------------------------------------

function compromiseMentions({ text }) {
  const doc = nlp(text);
  const out = [];
  for (const [type, view] of [['PERSON', doc.people()], ['ORG', doc.organizations()], ['PLACE', doc.places()]]) {
    for (const m of view.json({ offset: true, terms: false })) out.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type, text: m.text });
  }
  return out;
}

const kept = new Set(['PERSON', 'ORG', 'PLACE']);
const crosswireMentions = (article) => article.mentions.filter((m) => kept.has(m.type))
  .map(({ start, end, type, text }) => ({ start, end, type, text }));

/** How many of `a`'s mentions overlap one of `b`'s, of the same type (typed) and of any type (span). */
function overlapCounts(a, b, tally) {
  for (const m of a) {
    const row = tally[m.type] ??= { total: 0, typed: 0, span: 0 };
    const overlapping = b.filter((n) => n.start < m.end && m.start < n.end);
    row.total += 1;
    if (overlapping.length) row.span += 1;
    if (overlapping.some((n) => n.type === m.type)) row.typed += 1;
  }
}

async function entities({ file, runs }) {
  const docs = await load(file);
  const analyzer = await createAnalyzer();
  await analyzer.loadDataFor(docs.map((doc) => doc.text));
  const oneByOne = (doc) => {
    analyzer.clear();
    analyzer.addArticle(doc);
    return analyzer.analyze().articles[0];
  };
  const batch = () => {
    analyzer.clear();
    for (const doc of docs) analyzer.addArticle(doc);
    return analyzer.analyze();
  };
  const timedOnce = (fn) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  timed(docs, oneByOne); // warm-up
  timed(docs, compromiseMentions);
  const times = { crosswireEach: [], crosswireBatch: [], compromise: [] };
  for (let run = 0; run < runs; run += 1) {
    times.crosswireEach.push(timed(docs, oneByOne));
    times.crosswireBatch.push(timedOnce(batch));
    times.compromise.push(timed(docs, compromiseMentions));
  }
  const batchArticles = new Map(batch().articles.map((a) => [a.id, a]));
  const agreement = { eachVsCompromise: {}, compromiseVsEach: {}, batchVsCompromise: {}, compromiseVsBatch: {} };
  const examples = { onlyCrosswire: new Map(), onlyCompromise: new Map() };
  for (const doc of docs) {
    const each = crosswireMentions(oneByOne(doc));
    const inBatch = crosswireMentions(batchArticles.get(doc.id));
    const theirs = compromiseMentions(doc);
    overlapCounts(each, theirs, agreement.eachVsCompromise);
    overlapCounts(theirs, each, agreement.compromiseVsEach);
    overlapCounts(inBatch, theirs, agreement.batchVsCompromise);
    overlapCounts(theirs, inBatch, agreement.compromiseVsBatch);
    const note = (tally, m) => tally.set(`${m.type} ${m.text}`, (tally.get(`${m.type} ${m.text}`) ?? 0) + 1);
    for (const m of inBatch) if (!theirs.some((n) => n.type === m.type && n.start < m.end && m.start < n.end)) note(examples.onlyCrosswire, m);
    for (const m of theirs) if (!inBatch.some((n) => n.type === m.type && n.start < m.end && m.start < n.end)) note(examples.onlyCompromise, m);
  }
  analyzer.dispose();
  return { docs: docs.length, times, agreement, onlyCrosswire: top(examples.onlyCrosswire, 12), onlyCompromise: top(examples.onlyCompromise, 12) };
}

self.addEventListener('message', async (event) => {
  try {
    const work = { segment, entities }[event.data.type];
    if (!work) throw new Error(`unknown request ${event.data.type}`);
    self.postMessage({ type: 'result', result: await work(event.data) });
  } catch (error) {
    self.postMessage({ type: 'failure', message: `${error.code ?? ''} ${error.message ?? error}`.trim() });
  }
});

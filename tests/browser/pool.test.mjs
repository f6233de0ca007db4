// The page's worker pool (web/src/engine.js): the same analysis from one worker and from pools of two and three
// (each worker with its own wasm module; a pool of two reads shares of the articles with their casing counts and
// the first worker runs the rest, a pool of three also runs the second map round with the counts exchanged
// through the page, so that the batch step gets records of version 3), and the same as the CLI's; and a pool
// worker that stops in either round hands its share to the others, the page says so, and the result is still
// the whole batch's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, root, seedsDir, startServer, waitEngine } from './helpers.mjs';

const cli = process.env.CROSSWIRE_CLI ?? join(root, 'build/native/crosswire');
const ecbDir = join(root, '../shared/devdata/ecbplus/docs');

// The seeds (several languages and scripts, so each worker loads its own data packs), 60 ECB+ articles when
// the development data is there, and a short article with a Cyrillic name.
function batch() {
  const read = (dir, name) => ({ id: name, text: readFileSync(join(dir, name), 'utf8') });
  const seeds = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort().map((name) => read(seedsDir, name));
  const ecb = existsSync(ecbDir) ? readdirSync(ecbDir).sort().slice(0, 60).map((name) => read(ecbDir, name)) : [];
  const ru = { id: 'ru.txt', text: 'Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным в Москве 13 сентября.\n' };
  return [...seeds, ...ecb, ru];
}

// A page with the element's module and no element of its own: the tests add theirs, so they know which
// worker is which.
async function openEmpty(page, url) {
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><meta charset="utf-8"><script type="module" src="crosswire-element.js"></script>',
  }));
  await page.goto(url);
  await page.waitForFunction(() => !!customElements.get('crosswire-analyzer'));
}

// Adds a <crosswire-analyzer ephemeral workers=n> to the page, gives it the articles, and resolves with the
// pool's size, its state, the messages it shows, and the analysis as JSON text. With `keep`, the element (and
// its workers) stay until removeAnalyzers().
function analyseIn(page, workers, articles, keep = false) {
  return page.evaluate(async ({ n, list, keep }) => {
    const element = document.createElement('crosswire-analyzer');
    element.setAttribute('ephemeral', '');
    element.setAttribute('workers', String(n));
    document.body.append(element);
    await new Promise((resolve) => element.addEventListener('crosswire-ready', resolve, { once: true }));
    // Every worker up first, so that each takes shares of both rounds.
    while (element.dataset.workersStarted !== 'true') await new Promise((resolve) => setTimeout(resolve, 20));
    await element.addArticles(list);
    const result = {
      workers: element.dataset.workers,
      state: element.dataset.state,
      messages: [...element.shadowRoot.querySelectorAll('.message')].map((m) => m.textContent),
      json: JSON.stringify(element.analysis),
    };
    if (!keep) element.remove();
    return result;
  }, { n: workers, list: articles, keep });
}

const removeAnalyzers = (page) => page.evaluate(() => document.querySelectorAll('crosswire-analyzer').forEach((e) => e.remove()));

// The app's worker behind a listener that notes each request it gets (and, for the batch step, the versions
// of the records it is given, 'own' for the articles it kept) in self.protocol; with `crashOn`, it stops on
// its `nth` request of that type.
const wrappedWorker = (crashOn = '', nth = 1) => `import './worker.js?app';
self.protocol = [];
let seen = 0;
self.addEventListener('message', (event) => {
  const { type, items } = event.data ?? {};
  if (type === ${JSON.stringify(crashOn)} && ++seen === ${nth}) throw new Error('simulated crash in a pool worker, ' + type);
  const kinds = (items ?? []).map((item) => (item.line ? JSON.parse(item.line) : item))
    .map((r) => (r.own ? 'own' : r.rejected || r.error ? 'refused' : r.record));
  if (type === 'reduce') self.protocol.push('reduce: ' + [...new Set(kinds)].sort().join(' '));
  else if (type) self.protocol.push(type);
});`;

test('one worker and pools of two and three give the same analysis, and the CLI\'s', async () => {
  const articles = batch();
  const server = await startServer();
  const browser = await launch({ serviceWorkers: 'block' });
  const { page } = browser;
  const dir = mkdtempSync(join(tmpdir(), 'crosswire-pool-'));
  try {
    await page.route('**/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: wrappedWorker() }));
    const workers = [];
    page.on('worker', (worker) => workers.push(worker));
    await openEmpty(page, server.url);
    const one = await analyseIn(page, 1, articles);
    // Each pool's workers and the requests each got; the first runs the batch step.
    const pools = [];
    const pool = async (n) => {
      workers.length = 0;
      const result = await analyseIn(page, n, articles, true);
      const protocols = await Promise.all(workers.map((worker) => worker.evaluate(() => self.protocol)));
      await removeAnalyzers(page);
      assert.equal(protocols.length, n);
      return { ...result, protocols };
    };
    // The batch step's worker keeps the articles of its own shares (round 1, then round 2 with the summed
    // counts) and then takes records of round 1 of the articles next to them (round 2 there too); the others
    // map the rest in both rounds. The batch step gets its own articles and records of version 3 only: it
    // segments none for round 2.
    const roundTypes = (protocol) => [...new Set(protocol)].filter((type) => type !== 'init' && !type.startsWith('reduce')).sort();
    for (const result of [await pool(2), await pool(3)]) {
      const [batchStep, ...others] = result.protocols;
      const requests = result.protocols.map((protocol) => protocol.join(', ')).join(' | ');
      const types = roundTypes(batchStep);
      assert.deepEqual(types.filter((type) => type !== 'ownRecords'), ['finish', 'own', 'own2', 'ownCasing', 'scoreOwn'], requests);
      assert.ok(batchStep.indexOf('ownCasing') < batchStep.indexOf('own2'), requests);
      // The batch step stops before the scoring of the name pairs, scores its piece, and finishes with the others'.
      const reduceAt = batchStep.findIndex((type) => type.startsWith('reduce'));
      assert.ok(reduceAt < batchStep.indexOf('scoreOwn') && batchStep.indexOf('scoreOwn') < batchStep.indexOf('finish'), requests);
      for (const protocol of others) {
        // Each other worker maps in both rounds and scores one piece of the name pairs.
        assert.deepEqual(roundTypes(protocol).filter((type) => type !== 'map2'), ['casing', 'map', 'pairs'], requests);
        assert.equal(protocol.filter((type) => type === 'pairs').length, 1, requests);
        assert.ok(!protocol.includes('map2') || protocol.indexOf('casing') < protocol.indexOf('map2'), `the sums before round 2: ${requests}`);
      }
      // One batch, one batch step: articles added on crosswire-ready are not analysed a second time.
      const reduce = batchStep.filter((type) => type.startsWith('reduce'));
      assert.equal(reduce.length, 1, requests);
      assert.ok(['reduce: own', 'reduce: crosswire-record/3 own'].includes(reduce[0]), requests);
      // Both kinds of worker found names in round 2.
      assert.ok(types.includes('ownRecords') || others.some((protocol) => protocol.includes('map2')), requests);
      pools.push(result);
    }
    const [two, three] = pools;
    assert.equal(three.workers, '3');
    assert.equal(three.json, one.json, 'the pool of three differs from one worker');
    assert.equal(one.workers, '1');
    assert.equal(two.workers, '2');
    assert.equal(one.state, 'ready');
    assert.equal(two.state, 'ready');
    const analysis = JSON.parse(two.json);
    assert.equal(analysis.articles.length, articles.length);
    assert.ok(analysis.entities.length > 20 && analysis.stories.length > 2, 'a real analysis, not an empty one');
    assert.equal(two.json, one.json, 'the pool of two differs from one worker');
    for (const { id, text } of articles) writeFileSync(join(dir, id), text);
    const expected = execFileSync(cli, ['analyze', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(two.json, JSON.stringify(JSON.parse(expected)), 'the page differs from the CLI');
    assert.deepEqual(two.messages, []);
    assert.deepEqual(browser.errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await browser.close();
    await server.stop();
  }
});

// Answers "init" like the real worker, then throws on any request: an uncaught error kills its turn.
const brokenWorker = `self.onmessage = (event) => {
  if (event.data.type === 'init') self.postMessage({ type: 'ready', id: event.data.id, ms: 0 });
  else throw new Error('simulated crash in a pool worker');
};`;

// A pool of `n` whose worker number `which` (1: the batch step's) is served `script` (a worker script's text;
// a restarted worker is served the real one) analyses the articles: the page says a worker stopped (`stopped`
// matches its message), and the result equals one healthy worker's.
async function withStoppedWorker(articles, script, stopped, n = 2, which = 2) {
  const server = await startServer();
  const browser = await launch({ serviceWorkers: 'block' });
  const { page } = browser;
  try {
    let served = 0;
    await page.route('**/worker.js', (route) => {
      served += 1;
      return served === which ? route.fulfill({ contentType: 'text/javascript', body: script }) : route.continue();
    });
    await openEmpty(page, server.url);
    const broken = await analyseIn(page, n, articles);
    assert.ok(served >= Math.max(2, which), 'the worker was started');
    assert.equal(broken.state, 'ready', JSON.stringify(broken.messages));
    assert.ok(broken.messages.some((m) => stopped.test(m)), `the page says a worker stopped: ${JSON.stringify(broken.messages)}`);
    await page.unroute('**/worker.js');
    const healthy = await analyseIn(page, 1, articles);
    assert.equal(JSON.parse(broken.json).articles.length, articles.length);
    assert.equal(broken.json, healthy.json, 'the batch lost articles or changed with the stopped worker');
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Round 2 starts on each worker but the batch step's with the sums ('casing'), before its first share: a worker
// that stops there has taken a share of round 2 with it; in a pool of two the batch step finds its names.
for (const [round, n] of [['map', 2], ['casing', 3], ['casing', 2], ['map2', 2]]) {
  test(`a pool worker that stops in ${round} (pool of ${n}): the others take its share, the page says so`, async () => {
    await withStoppedWorker(batch().slice(0, 24), wrappedWorker(round),
      new RegExp(`An analysis worker stopped \\(.*simulated crash in a pool worker, ${round}.*\\); another worker reads its articles`), n);
  });
}

// A pool worker that stops while it scores its piece of the batch step's name pairs: the batch step's worker
// scores that piece itself, and the analysis is the same.
test('a pool worker that stops in pairs (pool of 2): the batch step scores its piece, the page says so', async () => {
  await withStoppedWorker(batch().slice(0, 24), wrappedWorker('pairs'),
    /An analysis worker stopped \(.*simulated crash in a pool worker, pairs.*\); the batch step's worker scores its names/);
});

// The batch step's worker holds the articles of its own shares: when it stops, in round 1 (its second share,
// with articles kept) or before round 2 of its own, they are read again, on a worker started afresh for the
// batch step, and none is lost.
// (The English articles for round 1, so that its first share, which loads the batch's packs, is not its only one.)
for (const [round, nth, stopped] of [
  ['own', 2, /An analysis worker stopped \(.*simulated crash in a pool worker, own.*\); another worker reads its articles/],
  ['ownCasing', 1, /The batch step's worker stopped \(.*simulated crash in a pool worker, ownCasing.*\); its articles are read again/],
  ['own2', 1, /The batch step's worker stopped \(.*simulated crash in a pool worker, own2.*\); its articles are read again/],
  ['ownRecords', 1, /The batch step's worker stopped \(.*simulated crash in a pool worker, ownRecords.*\); its articles are read again/],
]) {
  test(`the batch step's worker stops in ${round}: its articles are read again, the page says so`, async () => {
    const articles = round === 'own' ? batch().slice(-41, -1) : batch().slice(0, 40);
    await withStoppedWorker(articles, wrappedWorker(round, nth), stopped, 2, 1);
  });
}

// The element's first worker is the real one (it also runs the batch step); the second is broken.
test('a pool worker that stops while reading: the other reads its articles and the page says so', async () => {
  await withStoppedWorker(batch().slice(0, 12), brokenWorker,
    /An analysis worker stopped \(.*simulated crash in a pool worker.*\); another worker reads its articles/);
});

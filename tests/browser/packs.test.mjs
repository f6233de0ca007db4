// Data packs in the page: an English-only visit fetches no CJK or Southeast Asian pack; a Japanese article
// fetches the CJK pack once, also after an English-only analysis in the same worker; Thai fetches its pack;
// Chinese and Japanese articles analysed in the page are byte-identical to the CLI's analysis; the offline
// single file analyses a Chinese article from file:// with nothing fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, launchStandalone, nextAnalysis, root, seedsDir, startServer, waitEngine } from './helpers.mjs';

const cli = process.env.CROSSWIRE_CLI ?? join(root, 'build/native/crosswire');
const cjkDir = join(root, 'tests/cjk');
const articles = {
  en: { id: 'en.txt', text: readFileSync(join(seedsDir, '000_3c472ed32e7ca1a2.txt'), 'utf8') },
  th: { id: 'th.txt', text: readFileSync(join(seedsDir, '001_59c1b46c6166327f.txt'), 'utf8') },
  zh: { id: 'zh.txt', text: readFileSync(join(cjkDir, 'zh.txt'), 'utf8') },
  ja: { id: 'ja.txt', text: readFileSync(join(cjkDir, 'ja.txt'), 'utf8') },
};
const packOf = (url) => /\/crosswire-(base|cjk|thai|sea|legacy)\.[0-9a-f]{12}\.pack$/.exec(new URL(url).pathname)?.[1];

// Every pack request of the context: the page's worker fetches them (the service worker passes them on).
function packLog(context) {
  const log = [];
  context.on('request', (request) => {
    const pack = packOf(request.url());
    if (pack) log.push({ pack, serviceWorker: !!request.serviceWorker() });
  });
  return {
    all: () => log.map((entry) => entry.pack),
    // What the page itself asked for, once per fetch (the service worker's pass-through not counted again).
    count: (pack) => log.filter((entry) => entry.pack === pack && !entry.serviceWorker).length,
  };
}

const addArticles = (page, list) => nextAnalysis(page, () => page.evaluate((items) => document.querySelector('crosswire-analyzer').addArticles(items), list));

test('packs are fetched per script, once, and only when a text needs them', async () => {
  const server = await startServer();
  const browser = await launch();
  const { context, page } = browser;
  const log = packLog(context);
  try {
    await page.goto(server.url);
    assert.equal(await waitEngine(page), 'ready');
    let analysis = await addArticles(page, [articles.en]);
    assert.equal(analysis.articles.length, 1);
    assert.ok(analysis.articles[0].mentions.length > 0, 'the English article has mentions');
    assert.equal(log.count('base'), 1, 'the base pack is fetched once');
    assert.deepEqual(log.all().filter((pack) => pack !== 'base'), [], 'an English-only visit fetches no other pack');

    // The same worker, after an English-only analysis: the Japanese article brings the CJK pack.
    analysis = await addArticles(page, [articles.ja]);
    assert.equal(log.count('cjk'), 1, 'the CJK pack is fetched once');
    const ja = analysis.articles.find((a) => a.id === 'ja.txt');
    assert.ok(ja.mentions.some((m) => m.text === '大阪' && m.type === 'PLACE'), JSON.stringify(ja.mentions));

    // Another CJK article and a re-analysis fetch nothing more; Thai brings its own pack.
    analysis = await addArticles(page, [articles.zh, articles.th]);
    assert.equal(analysis.articles.length, 4);
    assert.equal(log.count('cjk'), 1, 'the CJK pack is not fetched again');
    assert.equal(log.count('thai'), 1, 'Thai text fetches the Thai pack once');
    assert.equal(log.count('sea'), 0, 'and not the other Southeast Asian dictionaries');
    assert.equal(log.count('legacy'), 0, 'UTF-8 text needs no legacy converters');
    const th = analysis.articles.find((a) => a.id === 'th.txt');
    assert.ok(th.mentions.some((m) => m.type === 'PERSON'), 'Thai names are found with the Thai dictionary');
    assert.deepEqual(browser.errors.map(String), []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a zh and a ja article analysed in the page are byte-identical to the CLI', async () => {
  const server = await startServer();
  const browser = await launch();
  const { page } = browser;
  try {
    await page.goto(server.url);
    for (const lang of ['zh', 'ja']) {
      const { id, text } = articles[lang];
      // The module as an embedding page uses it: base pack only, then loadDataFor before adding.
      const json = await page.evaluate(async ([articleId, articleText]) => {
        const { createAnalyzer } = await import(new URL('crosswire.js', document.baseURI).href);
        const analyzer = await createAnalyzer({ packs: 'auto' });
        const bytes = new TextEncoder().encode(articleText);
        const loaded = await analyzer.loadDataFor([bytes]);
        analyzer.addFile(bytes, articleId);
        const out = analyzer.analyzeJson();
        analyzer.dispose();
        return JSON.stringify({ loaded, out });
      }, [id, text]);
      const { loaded, out } = JSON.parse(json);
      // One module instance serves both articles: the CJK pack comes with the first.
      assert.deepEqual(loaded, lang === 'zh' ? ['cjk'] : [], `${lang}: packs loaded for it`);
      const expected = execFileSync(cli, ['analyze', join(cjkDir, id)], { encoding: 'utf8' });
      assert.equal(out, expected, `${lang}: page and CLI differ`);
      const analysis = JSON.parse(out);
      assert.ok(analysis.articles[0].mentions.length >= 3, `${lang}: names are found (${out.slice(0, 300)})`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the offline single file analyses a Chinese article from file:// without fetching anything', async () => {
  const { browser, page, blocked } = await launchStandalone();
  try {
    assert.equal(await waitEngine(page), 'ready');
    const analysis = await addArticles(page, [articles.zh]);
    const zh = analysis.articles.find((a) => a.id === 'zh.txt');
    assert.ok(zh, 'the Chinese article is analysed');
    assert.ok(zh.mentions.some((m) => m.text === '北京' && m.type === 'PLACE'), JSON.stringify(zh.mentions));
    assert.deepEqual(blocked, [], 'the single file asked for nothing outside itself');
    assert.deepEqual(browser.errors.map(String), []);
  } finally {
    await browser.close();
  }
});

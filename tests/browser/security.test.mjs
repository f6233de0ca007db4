// A hostile article (script tags, event handlers, javascript: URLs, in the text, the title and the file name)
// must do nothing: the app renders article text as text, and its Content-Security-Policy forbids inline script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, waitEngine, waitReady, nextAnalysis, addFiles, dropFiles, openTab, screenshot } from './helpers.mjs';

const payload = [
  '<script>window.__pwned = "script"; alert("script")</script> Iran and Belarus sign an agreement',
  'Secretary Ali Akbar Ahmadian <img src=x onerror="window.__pwned=\'img\'; alert(1)"> met officials in Minsk.',
  '<a href="javascript:alert(2)">read more</a> javascript:alert(3) <svg onload="alert(4)"></svg>',
  '<iframe src="javascript:alert(5)"></iframe> "><script>alert(6)</script> <b onmouseover=alert(7)>Tehran</b>',
  '<style>*{display:none}</style> <body onload=alert(8)> {{constructor.constructor("alert(9)")()}}',
].join('\n');

const hostileHtml = `<!doctype html><html><head><title>Minsk <img src=x onerror=alert(10)></title>
<script>alert(11)</script><meta http-equiv="refresh" content="0;url=javascript:alert(12)"></head>
<body onload="alert(13)"><article><h1>Iran and Belarus <script>alert(14)</script></h1>
<p>Secretary Ali Akbar Ahmadian met officials in Minsk on September 13, 2024. <img src="x" onerror="alert(15)"></p>
<p>The two sides discussed cooperation in industry, mining and trade, and the talks in Minsk went on for two days.</p>
<p><a href="javascript:alert(16)">javascript link</a> &lt;script&gt;alert(17)&lt;/script&gt;</p></article></body></html>`;

const env = serverAndBrowser();

test('a hostile article does nothing in any view', async () => {
  const { page } = env.browser;
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  const violations = [];
  await page.exposeFunction('reportViolation', (text) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(env.server.url);
  assert.equal(await waitEngine(page), 'ready');
  const appRequests = [];
  page.on('request', (request) => appRequests.push(request.url()));

  const analysis = await nextAnalysis(page, () => addFiles(page, [
    { name: '<img src=x onerror=alert(20)>.txt', mimeType: 'text/plain', buffer: Buffer.from(payload) },
    { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(hostileHtml) },
  ]));
  assert.equal(analysis.articles.length, 2);

  for (const tab of ['Stories', 'Entities', 'Timeline', 'Graph', 'Articles']) {
    await openTab(page, tab);
    await page.waitForTimeout(50);
  }
  // Every article, every mention hovered and focused: the tooltips render entity names too.
  const links = page.locator('crosswire-analyzer .article-link');
  for (let i = 0; i < (await links.count()); i += 1) {
    await links.nth(i).click();
    const marks = page.locator('crosswire-analyzer mark.mention');
    for (let j = 0; j < Math.min(await marks.count(), 10); j += 1) await marks.nth(j).hover();
  }
  await links.first().click();
  const shown = await page.locator('crosswire-analyzer .article-text').textContent();
  assert.ok(shown.includes('<script>window.__pwned'), 'the markup is shown as text');
  assert.ok(shown.includes('onerror='));
  await screenshot(page, 'view-hostile-article');

  const state = await page.evaluate(() => {
    const root = document.querySelector('crosswire-analyzer').shadowRoot;
    const all = [...document.querySelectorAll('*'), ...root.querySelectorAll('*')];
    return {
      pwned: window.__pwned ?? null,
      dangerous: all.filter((el) => ['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'BODY'].includes(el.tagName) && root.contains(el)).map((el) => el.tagName),
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)),
      jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? '')).length,
    };
  });
  assert.deepEqual(state, { pwned: null, dangerous: [], handlers: [], jsLinks: 0 });
  assert.deepEqual(dialogs, []);
  // The HTML page's handlers and styles are gone before it is parsed: not even a blocked attempt is reported.
  assert.deepEqual(violations, [], 'nothing tried to run');
  // Nothing the articles name was fetched (the <img src=x> of the text or of the HTML page).
  assert.deepEqual(appRequests.filter((url) => /\/x$|javascript:/.test(url)), []);
  assert.deepEqual(env.browser.errors.map(String), []);
});

test('huge and binary files get a clear message and are not added', async () => {
  const { page } = env.browser;
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const huge = Buffer.alloc(9 * 1024 * 1024, 'a');
  const before = (await page.evaluate(() => document.querySelector('crosswire-analyzer').analysis.articles.length));
  await addFiles(page, [
    { name: 'photo.png', mimeType: 'image/png', buffer: png },
    { name: 'dump.txt', mimeType: 'text/plain', buffer: huge },
  ]);
  const messages = page.locator('crosswire-analyzer .message.error');
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').shadowRoot.querySelectorAll('.message.error').length >= 2);
  const text = (await messages.allTextContents()).join('\n');
  assert.match(text, /photo\.png looks like a PNG image/);
  assert.match(text, /dump\.txt is 9\.0 MB: too large/);
  const afterCount = await page.evaluate(() => document.querySelector('crosswire-analyzer').analysis.articles.length);
  assert.equal(afterCount, before);
});

// A saved news page full of things to fetch and run: style sheets, images, frames, media, inline styles with
// url(), handlers, a base and a refresh. Dropping it must fetch nothing and print nothing in the console.
const trap = 'http://tracker.invalid';
const fetchingHtml = `<!doctype html><html><head><meta charset="utf-8"><title>Talks in Minsk</title>
<base href="${trap}/base/"><meta http-equiv="refresh" content="0;url=${trap}/refresh">
<link rel="stylesheet" href="${trap}/a.css"><link rel="preload" as="image" href="${trap}/pre.png" imagesrcset="${trap}/pre2.png 2x">
<link rel="icon" href="${trap}/favicon.ico"><style>@import url(${trap}/import.css); body { background: url(${trap}/bg.png) }</style>
<script src="${trap}/s.js"></script><script>fetch('${trap}/inline')</script></head>
<body background="${trap}/body.png" onload="fetch('${trap}/onload')" style="background-image: url(${trap}/inline-bg.png)">
<nav style="display: none"><a href="${trap}/nav" ping="${trap}/ping">Home</a></nav>
<article><h1 style="color: red; background: url('${trap}/h1.png')">Iran and Belarus sign an agreement in Minsk</h1>
<p style="font-weight: bold" onmouseover="fetch('${trap}/hover')">Secretary Ali Akbar Ahmadian met President Alexander Lukashenko in Minsk on September 13, 2024.
<img src="${trap}/photo.jpg" srcset="${trap}/photo-2x.jpg 2x" onerror="fetch('${trap}/onerror')" alt="The meeting"></p>
<picture><source srcset="${trap}/source.webp" type="image/webp"><img src="${trap}/picture.jpg" alt=""></picture>
<video poster="${trap}/poster.jpg" src="${trap}/video.mp4"><track src="${trap}/track.vtt"></video><audio src="${trap}/audio.mp3"></audio>
<iframe src="${trap}/frame.html" srcdoc="<img src=${trap}/srcdoc.png>"></iframe><object data="${trap}/object.swf"></object><embed src="${trap}/embed.swf">
<svg><image href="${trap}/svg-image.png" xlink:href="${trap}/svg-xlink.png" /><use href="${trap}/sprite.svg#icon" /></svg>
<form action="${trap}/form"><input type="image" src="${trap}/input.png" formaction="${trap}/formaction"></form>
<p>The two sides discussed cooperation in industry, mining and trade, and the talks in Minsk went on for two days.</p>
<p style="visibility:hidden">Hidden advertising text that should not be read.</p></article></body></html>`;

test('a dropped HTML page fetches nothing and prints nothing in the console', async () => {
  const { page } = env.browser;
  await page.goto(env.server.url);
  assert.equal(await waitEngine(page), 'ready');
  await waitReady(page);
  const origin = new URL(env.server.url).origin;
  const console = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) console.push(`${message.type()}: ${message.text()}`);
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));

  const analysis = await nextAnalysis(page, () => dropFiles(page, [
    { name: 'saved-page.html', mimeType: 'text/html', buffer: Buffer.from(fetchingHtml) },
  ]));
  const article = analysis.articles.find((a) => a.id === 'saved-page.html');
  assert.ok(article, `the page became an article: ${analysis.articles.map((a) => a.id)}`);
  assert.ok(article.mentions.some((m) => m.text === 'Minsk'), 'its text was analysed');
  await openTab(page, 'Articles');
  await page.locator('crosswire-analyzer .article-link', { hasText: 'saved-page.html' }).click();
  const text = await page.locator('crosswire-analyzer .article-text').textContent();
  assert.ok(text.includes('Secretary Ali Akbar Ahmadian met President'), 'the article text is kept');
  assert.ok(!text.includes('Hidden advertising'), 'what a style hid stays out');
  await page.waitForTimeout(300);

  assert.deepEqual(requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(?:blob|data):/.test(url)), [], 'nothing outside the app was requested');
  assert.deepEqual(console, [], 'the console stays quiet');
  assert.deepEqual(env.browser.errors.map(String), []);
});

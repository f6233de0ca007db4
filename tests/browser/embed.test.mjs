// Embedding: <crosswire-analyzer> in a host page keeps its styles to itself, defines no globals, and talks to
// the host through methods and events. And the app keeps working offline through its service worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, waitEngine, waitReady, nextAnalysis, seedFiles, addFiles, screenshot } from './helpers.mjs';

const env = serverAndBrowser();

test('the example host page embeds the element with scoped styles and no globals', async () => {
  const { page } = env.browser;
  await page.addInitScript(() => {
    window.__hostKeysBefore = Object.keys(window);
  });
  await page.goto(new URL('embed-example.html', env.server.url).href);
  assert.equal(await waitEngine(page), 'ready');
  const analysis = await nextAnalysis(page, () => page.locator('#send-draft').click());
  assert.equal(analysis.articles.length, 1);
  assert.match(await page.locator('#host-summary').textContent(), /The analyzer found \d+ entities/);

  const styles = await page.evaluate(() => {
    const root = document.querySelector('crosswire-analyzer').shadowRoot;
    const inner = root.querySelector('.actions button');
    return {
      hostButton: getComputedStyle(document.querySelector('#send-draft')).fontSize,
      innerButton: getComputedStyle(inner).fontSize,
      hostMark: getComputedStyle(document.querySelector('.host-article mark')).backgroundColor,
      newGlobals: Object.keys(window).filter((key) => !window.__hostKeysBefore.includes(key) && key !== '__hostKeysBefore'),
    };
  });
  assert.equal(styles.hostButton, '22px');
  assert.notEqual(styles.innerButton, '22px', 'host styles stay out of the element');
  assert.equal(styles.hostMark, 'rgb(255, 77, 77)', 'the element\'s styles stay out of the host');
  assert.deepEqual(styles.newGlobals, []);
  await screenshot(page, 'embed-example');
});

test('after a first visit the app opens offline from its service worker', async () => {
  const { page, context } = env.browser;
  await page.goto(env.server.url);
  assert.equal(await waitEngine(page), 'ready');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // The first visit is not controlled yet; wait until the worker has claimed it.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  // Data packs are not precached: the Thai article's pack is fetched (and cached) while online.
  const [english, thai] = (await seedFiles()).slice(0, 2);
  await nextAnalysis(page, () => addFiles(page, [thai]));
  await context.setOffline(true);
  try {
    await page.reload();
    assert.equal(await waitEngine(page), 'ready');
    await waitReady(page);
    const analysis = await nextAnalysis(page, () => addFiles(page, [english]));
    assert.equal(analysis.articles.length, 2);
    assert.deepEqual(analysis.rejected, [], 'the Thai pack comes from the cache offline');
  } finally {
    await context.setOffline(false);
  }
});

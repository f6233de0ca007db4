// The single-file build: opened from a file:// URL with every non-file request aborted, it starts the wasm
// module from the bytes inside it and analyses the sample articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, launch, waitEngine, nextAnalysis, screenshot } from './helpers.mjs';

test('crosswire-standalone.html works from file:// with the network blocked', async () => {
  const browser = await launch();
  const { context, page } = browser;
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  try {
    await page.goto(pathToFileURL(join(distDir, 'crosswire-standalone.html')).href);
    assert.equal(await waitEngine(page), 'ready', await page.locator('crosswire-analyzer .messages').textContent());
    const analysis = await nextAnalysis(page, () => page.locator('crosswire-analyzer button.samples').click());
    assert.equal(analysis.articles.length, 5);
    assert.equal(analysis.stories.length, 2);
    assert.ok(await page.locator('crosswire-analyzer .story-card').count() === 2);
    await screenshot(page, 'standalone-stories');
    assert.deepEqual(blocked, [], 'the single file asked for nothing outside itself');
    assert.deepEqual(browser.errors.map(String), []);
  } finally {
    await browser.close();
  }
});

// The single-file build: opened from a file:// URL with every non-file request aborted, it starts the wasm
// module from the bytes inside it and analyses the sample articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchStandalone, waitEngine, nextAnalysis, screenshot } from './helpers.mjs';

test('crosswire-standalone.html works from file:// with the network blocked', async () => {
  const { browser, page, blocked } = await launchStandalone();
  try {
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

// A worker that dies mid-analysis: the page says so, keeps the articles, and a retry with a healthy worker works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, waitEngine, nextAnalysis } from './helpers.mjs';

// Answers "init" like the real worker, then throws on the first analysis: an uncaught error kills its turn.
const brokenWorker = `self.onmessage = (event) => {
  if (event.data.type === 'init') self.postMessage({ type: 'ready', id: event.data.id, ms: 0 });
  else throw new Error('simulated crash in the analysis worker');
};`;

test('a crash in the worker is reported and the articles stay loaded', async () => {
  const server = await startServer();
  // Service workers would answer worker.js from their cache, out of the route's reach.
  const browser = await launch({ serviceWorkers: 'block' });
  const { page } = browser;
  try {
    await page.route('**/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: brokenWorker }));
    await page.goto(server.url);
    assert.equal(await waitEngine(page), 'ready');
    await page.locator('crosswire-analyzer .actions button', { hasText: 'Paste text' }).click();
    await page.locator('crosswire-analyzer #paste-text').fill('Iran and Belarus talk security\nOfficials met in Minsk on September 13, 2024.\n');
    await page.locator('crosswire-analyzer dialog button', { hasText: 'Add article' }).click();
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.state === 'error');
    const message = await page.locator('crosswire-analyzer .message.error').textContent();
    assert.match(message, /The analysis failed .*simulated crash|The analysis failed/);
    assert.match(message, /1 article\(s\) are still loaded/);
    // The article is still there to read.
    await page.locator('crosswire-analyzer [role=tab]', { hasText: 'Articles' }).click();
    assert.match(await page.locator('crosswire-analyzer .article-text').textContent(), /Officials met in Minsk/);

    // With the real worker back, Retry restarts it and the analysis runs.
    await page.unroute('**/worker.js');
    const analysis = await nextAnalysis(page, () => page.locator('crosswire-analyzer .message.error button', { hasText: 'Retry' }).click());
    assert.equal(analysis.articles.length, 1);
  } finally {
    await browser.close();
    await server.stop();
  }
});

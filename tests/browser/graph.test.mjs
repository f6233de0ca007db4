// The graph answers "who is named with this entity, and where?": the selected entity in the centre, the
// entities it shares articles with around it with the count on each line, and beside the figure the same
// entities (one tab stop, arrows inside, Enter re-centres) and the articles that connect them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, waitEngine, nextAnalysis, addFiles, seedFiles, openTab, screenshot } from './helpers.mjs';

const element = 'crosswire-analyzer';

/** Entities sharing articles with `centre`, as {id, weight, articles}, strongest first. */
function neighbours(analysis, centre) {
  const shared = new Map();
  for (const article of analysis.articles) {
    const ids = new Set(article.mentions.map((m) => m.entity));
    if (!ids.has(centre.id)) continue;
    for (const id of ids) if (id !== centre.id) shared.set(id, [...(shared.get(id) ?? []), article.id]);
  }
  return [...shared].map(([id, articles]) => ({ id, weight: articles.length, articles })).sort((a, b) => b.weight - a.weight);
}

const env = serverAndBrowser();

test('the graph centres the selected entity and lists who is named with it and where', async () => {
  const { page } = env.browser;
  await page.goto(env.server.url);
  await waitEngine(page);
  await page.waitForFunction(() => ['ready', 'empty'].includes(document.querySelector('crosswire-analyzer').dataset.state));
  await page.evaluate(() => document.querySelector('crosswire-analyzer').newWorkspace());
  const analysis = await nextAnalysis(page, async () => addFiles(page, await seedFiles()));
  await openTab(page, 'Graph');

  // Nothing selected: the most-mentioned entity is in the centre, about 25 in the figure.
  const top = [...analysis.entities].sort((a, b) => b.mentions - a.mentions || b.articles.length - a.articles.length || a.name.localeCompare(b.name))[0];
  assert.equal(await page.locator(`${element} svg.graph .node.centre`).getAttribute('data-entity'), top.id);
  const overviewNodes = await page.locator(`${element} svg.graph .node`).count();
  assert.equal(overviewNodes, Math.min(25, analysis.entities.length));

  // Select the entity named in the most articles (with a neighbour) from the list.
  const centre = [...analysis.entities].filter((e) => neighbours(analysis, e).length)
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name))[0];
  const around = neighbours(analysis, centre);
  await page.locator(`${element} .graph-nodes .graph-node[data-entity="${centre.id}"]`).click();
  await page.waitForFunction((id) => document.querySelector('crosswire-analyzer').shadowRoot.querySelector('svg.graph .node.centre')?.dataset.entity === id, centre.id);
  await screenshot(page, 'view-graph-selected');

  const strongest = around[0];
  const strongestName = analysis.entities.find((e) => e.id === strongest.id).name;
  const sideList = page.locator(`${element} .graph-nodes`);
  assert.equal(await sideList.locator('[aria-current=true]').getAttribute('data-entity'), centre.id, 'the centre heads the list');
  assert.ok((await sideList.locator(`.graph-node[data-entity="${strongest.id}"]`).textContent()).includes(strongestName), 'a co-occurring entity is listed');
  assert.equal(await page.locator(`${element} svg.graph .edge-group[data-entity="${strongest.id}"] .weight`).textContent(), String(strongest.weight), 'the line carries the shared count');
  const widths = await page.locator(`${element} svg.graph .edge`).evaluateAll((lines) => lines.map((l) => Number(l.getAttribute('stroke-width'))));
  assert.equal(widths.length, Math.min(24, around.length));
  assert.ok(widths.every((w, i) => i === 0 || w <= widths[i - 1]), 'stronger links are drawn thicker');
  const listedArticles = await page.locator(`${element} .graph-articles .graph-article`).evaluateAll((list) => list.map((b) => b.dataset.article));
  assert.ok(listedArticles.includes(strongest.articles[0]), 'a connecting article is listed');
  assert.ok(listedArticles.every((id) => centre.articles.includes(id)), 'only articles naming the centre');

  // Keyboard: the list is one tab stop; ArrowDown moves to the first neighbour, Enter puts it in the centre.
  const stops = await sideList.locator('[tabindex="0"]').count();
  assert.equal(stops, 1, 'one tab stop in the node list');
  await sideList.locator('[aria-current=true]').focus();
  await page.keyboard.press('ArrowDown');
  const next = await page.evaluate(() => document.querySelector('crosswire-analyzer').shadowRoot.activeElement?.dataset.entity);
  assert.equal(next, strongest.id);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.querySelector('crosswire-analyzer').shadowRoot.querySelector('svg.graph .node.centre')?.dataset.entity === id, strongest.id);
  const focused = await page.evaluate(() => {
    const active = document.querySelector('crosswire-analyzer').shadowRoot.activeElement;
    return { entity: active?.dataset.entity, current: active?.getAttribute('aria-current') };
  });
  assert.deepEqual(focused, { entity: strongest.id, current: 'true' }, 'focus stays on the new centre in the list');
  assert.ok(await sideList.locator(`.graph-node[data-entity="${centre.id}"]`).count(), 'the old centre is now a neighbour');

  // An article opens from the list.
  const article = page.locator(`${element} .graph-articles .graph-article`).first();
  const articleId = await article.getAttribute('data-article');
  await article.click();
  assert.equal(await page.locator(`${element} [role=tab][aria-selected=true]`).getAttribute('data-tab'), 'articles');
  const opened = analysis.articles.find((a) => a.id === articleId);
  assert.ok((await page.locator(`${element} .article-link[aria-current=true]`).textContent()).includes(opened.title || opened.id));
  assert.deepEqual(env.browser.errors.map(String), []);
});

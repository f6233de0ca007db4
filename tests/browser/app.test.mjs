// The app end to end in Chromium against the real wasm module: load, add the five seed articles, the views,
// corrections, persistence across reloads, and exports.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, waitEngine, waitReady, nextAnalysis, analysisOf, dropFiles, addFiles, seedFiles, screenshot, openTab, exportFile,
  parseCsv,
} from './helpers.mjs';

const thai = /[\u0E00-\u0E7F]/;

describe('the Crosswire page', () => {
  const env = serverAndBrowser();
  let page;

  before(() => {
    page = env.browser.page;
  });

  test('loads under its Content-Security-Policy and the wasm module answers', async () => {
    const response = await page.goto(env.server.url);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    assert.equal(await waitEngine(page), 'ready', 'the worker started the wasm module');
    await screenshot(page, 'view-empty');
    assert.equal(await page.locator('crosswire-analyzer .samples').textContent(), 'Try the sample articles');

    // One pasted article through the paste dialog: the module analyses it.
    await page.locator('crosswire-analyzer .actions button', { hasText: 'Paste text' }).click();
    await page.locator('crosswire-analyzer #paste-text').fill('Iran and Belarus talk security\nPresident Alexander Lukashenko met Iranian officials in Minsk on September 13, 2024.\n');
    const analysis = await nextAnalysis(page, () => page.locator('crosswire-analyzer dialog button', { hasText: 'Add article' }).click());
    assert.equal(analysis.schema, 'crosswire/1');
    assert.equal(analysis.articles.length, 1);
    assert.ok(analysis.articles[0].mentions.some((m) => m.text === 'Minsk' && m.type === 'PLACE'), 'the place is found');

    // "New workspace" empties it again.
    await page.locator('crosswire-analyzer .actions button', { hasText: 'New workspace' }).click();
    await page.locator('crosswire-analyzer dialog button', { hasText: 'Start new workspace' }).click();
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.state === 'empty');
    assert.equal(await analysisOf(page), null);
    assert.deepEqual(env.browser.errors.map(String), []);
  });

  test('dropping the five seed articles gives two stories', async () => {
    const seeds = await seedFiles();
    const analysis = await nextAnalysis(page, () => dropFiles(page, seeds));
    assert.equal(analysis.articles.length, 5);
    assert.equal(analysis.stories.length, 2, `stories: ${JSON.stringify(analysis.stories.map((s) => s.articles))}`);
    assert.equal(await page.locator('crosswire-analyzer .story-card').count(), 2);
    // Each card says why its articles belong together when it has more than one.
    const big = analysis.stories.find((story) => story.articles.length > 1);
    const card = page.locator(`crosswire-analyzer .story-card[data-story="${big.id}"]`);
    assert.equal(await card.locator('.story-articles > li').count(), big.articles.length);
    assert.ok(await card.locator('.why li').count() >= 1);
    await screenshot(page, 'view-stories');
  });

  test('the entities view lists Ahmadian with his Thai spellings', async () => {
    await openTab(page, 'Entities');
    await page.locator('crosswire-analyzer .entity-filter').fill('Ahmadian');
    const row = page.locator('crosswire-analyzer tbody tr', { hasText: 'Ahmadian' }).first();
    await row.waitFor();
    const variants = await row.locator('.variant').evaluateAll((items) => items.map((item) => ({
      text: item.querySelector('.variant-text').textContent,
      lang: item.querySelector('.lang').textContent,
    })));
    const thaiVariants = variants.filter((v) => thai.test(v.text));
    assert.ok(thaiVariants.length >= 1, `Thai spellings: ${JSON.stringify(variants)}`);
    assert.ok(thaiVariants.every((v) => v.lang === 'th'));
    // Each spelling but the first says why it belongs here, with the spelling it joined.
    const why = await row.locator('.variant .why-link').evaluateAll((items) => items.map((item) => item.title));
    assert.equal(why.length, variants.length - 1, `one reason per joined spelling: ${JSON.stringify(why)}`);
    assert.ok(why.every((sentence) => /Ahmadian|อ/.test(sentence)), JSON.stringify(why));
    await page.locator('crosswire-analyzer .entity-filter').fill('');
    await screenshot(page, 'view-entities');
  });

  test('the Thai article shows highlighted mentions with their entity on hover', async () => {
    await openTab(page, 'Articles');
    await page.locator('crosswire-analyzer .article-link', { hasText: /[\u0E00-\u0E7F]/ }).first().click();
    const marks = page.locator('crosswire-analyzer .article-text mark.mention');
    assert.ok(await marks.count() >= 5, 'Thai mentions are highlighted');
    const texts = await marks.allTextContents();
    assert.ok(texts.some((t) => thai.test(t)));
    // The text shown is exactly the article's text: highlighting only wraps it.
    const analysis = await analysisOf(page);
    const article = analysis.articles.find((a) => a.lang === 'th');
    const shown = await page.locator('crosswire-analyzer .article-text').textContent();
    assert.equal(shown.length, article.text_length);
    const first = article.mentions[0];
    assert.equal(shown.slice(first.start, first.end), first.text);
    // Hover shows the canonical entity and its spellings.
    const ahmadian = analysis.entities.find((e) => /Ahmadian/.test(e.name));
    const mark = page.locator(`crosswire-analyzer mark.mention[data-entity="${ahmadian.id}"]`).first();
    await mark.hover();
    const tip = page.locator('crosswire-analyzer #tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent(), /Ahmadian/);
    await screenshot(page, 'view-article-thai');
    // Keyboard: focus shows it too.
    await page.mouse.move(0, 0);
    await mark.focus();
    await tip.waitFor({ state: 'visible' });
  });

  test('timeline and graph draw every story and the most-named entities', async () => {
    const analysis = await analysisOf(page);
    await openTab(page, 'Timeline');
    const dated = analysis.articles.filter((a) => a.event_date || a.published).length;
    assert.equal(await page.locator('crosswire-analyzer svg.timeline .dot').count(), dated);
    await screenshot(page, 'view-timeline');
    await openTab(page, 'Graph');
    assert.ok(await page.locator('crosswire-analyzer svg.graph .node').count() >= 5);
    assert.ok(await page.locator('crosswire-analyzer svg.graph .edge').count() >= 1);
    await screenshot(page, 'view-graph');
  });

  test('exports contain what the views show', async () => {
    const analysis = await analysisOf(page);
    const json = await exportFile(page, 'Analysis (JSON)');
    assert.equal(json.name, 'crosswire-analysis.json');
    assert.deepEqual(JSON.parse(json.text), analysis);

    await openTab(page, 'Entities');
    const shownNames = await page.locator('crosswire-analyzer tbody .entity-name > span').allTextContents();
    const entitiesFile = await exportFile(page, 'Entities (CSV)');
    assert.ok(entitiesFile.text.startsWith('\uFEFFid,'), 'the CSV starts with a UTF-8 byte order mark, for Excel');
    const entities = parseCsv(entitiesFile.text);
    assert.deepEqual(new Set(entities.map((row) => row.name)), new Set(shownNames));
    const ahmadian = entities.find((row) => /Ahmadian/.test(row.name));
    assert.match(ahmadian.variants, thai);

    const mentions = parseCsv((await exportFile(page, 'Mentions (CSV)')).text);
    assert.equal(mentions.length, analysis.articles.reduce((n, a) => n + a.mentions.length, 0));

    await openTab(page, 'Stories');
    const labels = await page.locator('crosswire-analyzer .story-card h3').allTextContents();
    const stories = parseCsv((await exportFile(page, 'Stories (CSV)')).text);
    assert.deepEqual(new Set(stories.map((row) => row.label)), new Set(labels));
  });

  test('reload keeps the workspace and the view', async () => {
    await openTab(page, 'Entities');
    await page.locator('crosswire-analyzer .entity-filter').fill('Minsk');
    const before = await analysisOf(page);
    await page.evaluate(() => document.querySelector('crosswire-analyzer').saved());
    await page.reload();
    await waitReady(page);
    const afterReload = await analysisOf(page);
    assert.deepEqual(afterReload, before);
    assert.equal(await page.locator('crosswire-analyzer [role=tab][aria-selected=true]').textContent(), 'Entities');
    assert.equal(await page.locator('crosswire-analyzer .entity-filter').inputValue(), 'Minsk');
    await page.locator('crosswire-analyzer .entity-filter').fill('');
  });

  test('a merge re-runs the analysis and survives a reload; the aliases export holds it', async () => {
    const before = await analysisOf(page);
    // Two people named in one article each, so the merge is visible and nothing else moves.
    const people = before.entities.filter((e) => e.type === 'PERSON').sort((a, b) => a.mentions - b.mentions || a.name.localeCompare(b.name));
    const [first, second] = people;
    assert.ok(first && second, 'two people to merge');
    await page.locator(`crosswire-analyzer tr[data-entity="${first.id}"] input[type=checkbox]`).check();
    await page.locator(`crosswire-analyzer tr[data-entity="${second.id}"] input[type=checkbox]`).check();
    const afterMerge = await nextAnalysis(page, () => page.locator('crosswire-analyzer .toolbar button.primary').click());
    assert.equal(afterMerge.entities.length, before.entities.length - 1);
    const merged = (analysis) => analysis.entities.find((e) => [first.name, second.name].every((name) => e.name === name || e.variants.some((v) => v.text === name)));
    assert.ok(merged(afterMerge), 'one entity holds both names');

    await page.reload();
    await waitReady(page);
    const afterReload = await analysisOf(page);
    assert.equal(afterReload.entities.length, before.entities.length - 1);
    assert.ok(merged(afterReload), 'the merge survived the reload');

    const aliases = await exportFile(page, 'Aliases file');
    const line = aliases.text.split('\n').find((l) => l.startsWith('PERSON\t') && l.includes(first.name) && l.includes(second.name));
    assert.ok(line, aliases.text);
    await screenshot(page, 'view-entities-merged');
  });

  test('splitting a spelling off makes it an entity of its own', async () => {
    const before = await analysisOf(page);
    const entity = before.entities.find((e) => /Ahmadian/.test(e.name));
    const variant = entity.variants.find((v) => thai.test(v.text));
    await page.locator('crosswire-analyzer .entity-filter').fill('Ahmadian');
    const split = page.locator(`crosswire-analyzer tr[data-entity="${entity.id}"] .variant`, { hasText: variant.text }).first().locator('button.split');
    const after = await nextAnalysis(page, () => split.click());
    assert.equal(after.entities.length, before.entities.length + 1);
    const owner = after.entities.find((e) => e.variants.some((v) => v.text === variant.text));
    assert.ok(owner && !owner.variants.some((v) => /Ahmadian/.test(v.text)), `the spelling stands alone: ${JSON.stringify(owner)}`);
  });

  test('moving an article to another story re-runs and persists as a correction', async () => {
    await openTab(page, 'Stories');
    const before = await analysisOf(page);
    const single = before.stories.find((story) => story.articles.length === 1);
    const target = before.stories.find((story) => story !== single);
    const select = page.locator(`crosswire-analyzer .story-card[data-story="${single.id}"] select.move`);
    // The list of stories is filled when the control is first focused.
    await select.focus();
    const after = await nextAnalysis(page, () => select.selectOption(target.id));
    assert.equal(after.stories.length, before.stories.length - 1);
    assert.ok(after.stories.some((story) => story.articles.includes(single.articles[0]) && story.articles.length > 1));
    await page.reload();
    await waitReady(page);
    assert.equal((await analysisOf(page)).stories.length, before.stories.length - 1);
  });

  test('keyboard: arrow keys move between views; narrow widths stay readable', async () => {
    await openTab(page, 'Stories');
    await page.locator('crosswire-analyzer [role=tab][aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('crosswire-analyzer [role=tab][aria-selected=true]').textContent(), 'Entities');
    assert.equal(await page.evaluate(() => document.querySelector('crosswire-analyzer').shadowRoot.activeElement?.textContent), 'Entities');
    await page.keyboard.press('End');
    assert.match(await page.locator('crosswire-analyzer [role=tab][aria-selected=true]').textContent(), /^Corrections/);

    await page.setViewportSize({ width: 390, height: 844 });
    await openTab(page, 'Stories');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow} px)`);
    await screenshot(page, 'view-stories-narrow');
    await openTab(page, 'Articles');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 0, 'the article view fits too');
    await screenshot(page, 'view-article-narrow');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  test('an imported aliases file is applied and kept', async () => {
    const before = await analysisOf(page);
    const places = before.entities.filter((e) => e.type === 'PLACE').sort((a, b) => a.mentions - b.mentions || a.name.localeCompare(b.name));
    const [first, second] = places;
    const text = `# corrections from a colleague\nPLACE\t${first.name}\t${second.name}\n`;
    await page.locator('crosswire-analyzer .menu summary', { hasText: 'Export' }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('crosswire-analyzer .menu-items button', { hasText: 'Import aliases' }).click(),
    ]);
    const after = await nextAnalysis(page, () => chooser.setFiles({ name: 'colleague.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(text) }));
    assert.equal(after.entities.length, before.entities.length - 1);
    assert.match(await page.locator('crosswire-analyzer .message.info').textContent(), /Imported 1 alias line/);
    const aliases = await exportFile(page, 'Aliases file');
    assert.ok(aliases.text.includes(`PLACE\t${first.name}\t${second.name}`));
  });

  test('a file in a legacy encoding is decoded by the core', async () => {
    // "Лукашенко встретился с Ахмадианом в Минске." in windows-1251: А..я are 0xC0..0xFF there.
    const russian = 'Президент Лукашенко встретился с Ахмадианом в Минске.\nВстреча прошла в Минске.\n';
    const bytes = Buffer.from([...russian].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const analysis = await nextAnalysis(page, () => addFiles(page, [{ name: 'minsk-cp1251.txt', mimeType: 'text/plain', buffer: bytes }]));
    const article = analysis.articles.find((a) => a.id === 'minsk-cp1251.txt');
    assert.ok(article, 'the file was added');
    await openTab(page, 'Articles');
    await page.locator('crosswire-analyzer .article-link', { hasText: 'minsk-cp1251.txt' }).click();
    assert.equal(await page.locator('crosswire-analyzer .article-text').textContent(), russian);
    assert.match(await page.locator('crosswire-analyzer .facts').textContent(), /1251/);
  });
});

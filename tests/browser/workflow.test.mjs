// The workflow around the analysis (issue 17): corrections that can be seen, undone and removed (merge → split →
// reload, undo/redo), articles that can be removed (a rejected one too), duplicates, empty and oversized files,
// the filter by standard forms, stories sorted and filtered, focus and keys, the phone layout, and a workspace
// saved by the first version of the page opening in this one.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  serverAndBrowser, waitEngine, waitReady, nextAnalysis, analysisOf, addFiles, seedFiles, screenshot, openTab,
} from './helpers.mjs';

const element = 'crosswire-analyzer';

/** Names of the element's messages. */
const messages = (page) => page.locator(`${element} .message`).allTextContents();

/** The entity holding a spelling. */
const ownerOf = (analysis, text) => analysis.entities.find((e) => e.variants.some((v) => v.text === text));

async function freshWorkspace(page, url) {
  await page.goto(url);
  await waitEngine(page);
  await page.waitForFunction(() => ['ready', 'empty'].includes(document.querySelector('crosswire-analyzer').dataset.state));
  await page.evaluate(() => document.querySelector('crosswire-analyzer').newWorkspace());
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.state === 'empty');
}

describe('corrections, articles and scale in the page', () => {
  const env = serverAndBrowser();
  let page;

  before(() => {
    page = env.browser.page;
  });

  test('merge → split → reload: the split takes effect and survives; undo and redo', async () => {
    await freshWorkspace(page, env.server.url);
    await nextAnalysis(page, () => addFiles(page, [
      { name: 'meeting.txt', mimeType: 'text/plain', buffer: Buffer.from('Putin and Macron meet in Paris\n\nVladimir Putin met Emmanuel Macron in Paris on Tuesday. Vladimir Putin said the talks were useful, and Emmanuel Macron agreed.\n') },
      { name: 'visit.txt', mimeType: 'text/plain', buffer: Buffer.from('Macron visits Berlin\n\nEmmanuel Macron travelled to Berlin on Wednesday, a day after Vladimir Putin left Paris.\n') },
    ]));
    const before = await analysisOf(page);
    const putin = ownerOf(before, 'Vladimir Putin');
    const macron = ownerOf(before, 'Emmanuel Macron');
    assert.ok(putin && macron && putin !== macron);

    await openTab(page, 'Entities');
    await page.locator(`${element} tr[data-entity="${putin.id}"] input[type=checkbox]`).check();
    await page.locator(`${element} tr[data-entity="${macron.id}"] input[type=checkbox]`).check();
    const merged = await nextAnalysis(page, () => page.locator(`${element} button.merge`).click());
    assert.equal(ownerOf(merged, 'Vladimir Putin').id, ownerOf(merged, 'Emmanuel Macron').id, 'merged');
    assert.equal(merged.entities.length, before.entities.length - 1);

    const both = ownerOf(merged, 'Emmanuel Macron');
    await page.locator(`${element} .entity-filter`).fill('Macron');
    const split = page.locator(`${element} tr[data-entity="${both.id}"] .variant`, { hasText: 'Emmanuel Macron' }).locator('button.split');
    const afterSplit = await nextAnalysis(page, () => split.click());
    assert.notEqual(ownerOf(afterSplit, 'Vladimir Putin').id, ownerOf(afterSplit, 'Emmanuel Macron').id, 'the split after the merge takes effect');
    assert.equal(afterSplit.entities.length, before.entities.length);

    await page.reload();
    await waitReady(page);
    const reloaded = await analysisOf(page);
    assert.notEqual(ownerOf(reloaded, 'Vladimir Putin').id, ownerOf(reloaded, 'Emmanuel Macron').id, 'still split after a reload');
    await openTab(page, 'Corrections');
    const items = page.locator(`${element} .correction`);
    assert.equal(await items.count(), 2);
    assert.deepEqual(await items.evaluateAll((list) => list.map((item) => item.dataset.kind)), ['split', 'merge']);
    assert.match(await items.first().locator('.correction-lines').textContent(), /^APART\t/);
    await screenshot(page, 'workflow-corrections');

    // Ctrl+Z takes the split back (merged again); Ctrl+Shift+Z makes it again.
    await page.locator(`${element} .correction-label`).first().click();
    const undone = await nextAnalysis(page, () => page.keyboard.press('Control+z'));
    assert.equal(ownerOf(undone, 'Vladimir Putin').id, ownerOf(undone, 'Emmanuel Macron').id, 'undo restores the merge');
    assert.equal(await items.count(), 1);
    const redone = await nextAnalysis(page, () => page.keyboard.press('Control+Shift+Z'));
    assert.notEqual(ownerOf(redone, 'Vladimir Putin').id, ownerOf(redone, 'Emmanuel Macron').id, 'redo splits again');
    assert.equal(await items.count(), 2);

    // Removing the merge (the older one) leaves the split, which keeps them apart on its own.
    const removed = await nextAnalysis(page, () => page.locator(`${element} .correction[data-kind=merge] .remove-correction`).click());
    assert.equal(await items.count(), 1);
    assert.notEqual(ownerOf(removed, 'Vladimir Putin').id, ownerOf(removed, 'Emmanuel Macron').id);
    assert.deepEqual(env.browser.errors.map(String), []);
  });

  test('a rejected article from an older workspace is removed, and stays removed after a reload', async () => {
    // Version 1 of the page saved one aliases text, kept articles the core refuses, and had no version field.
    await page.goto(`${env.server.url}?workspace-migration`);
    await page.evaluate(async () => {
      await new Promise((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase('crosswire');
        deletion.onsuccess = resolve;
        deletion.onerror = reject;
      });
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('crosswire', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('workspaces');
        request.onsuccess = () => resolve(request.result);
        request.onerror = reject;
      });
      const meeting = 'Putin and Macron meet in Paris\n\nVladimir Putin met Emmanuel Macron in Paris on Tuesday. Vladimir Putin said the talks were useful, and Emmanuel Macron agreed.\n';
      const floods = 'Floods in Valencia\n\nHeavy rain flooded the streets of Valencia on Sunday, and the regional government opened shelters.\n';
      const articles = [
        { id: 'a.txt', text: meeting, encoding: 'UTF-8', warnings: [], source: 'file', added: 1 },
        { id: 'c.txt', text: floods, encoding: 'UTF-8', warnings: [], source: 'file', added: 2 },
        { id: 'huge.txt', text: 'word '.repeat(3 * 1024 * 1024 / 5 + 10), encoding: 'UTF-8', warnings: [], source: 'file', added: 3 },
      ];
      const aliases = '# merged Vladimir Putin + Emmanuel Macron\nPERSON\tVladimir Putin\tEmmanuel Macron\n# moved c.txt to the story of a.txt\n#@move\tc.txt\ta.txt\n';
      await new Promise((resolve, reject) => {
        const transaction = db.transaction('workspaces', 'readwrite');
        transaction.objectStore('workspaces').put(articles, 'default:articles');
        transaction.objectStore('workspaces').put({ aliases, view: { tab: 'stories' } }, 'default:meta');
        transaction.oncomplete = resolve;
        transaction.onerror = reject;
      });
      db.close();
    });
    await page.reload();
    await waitReady(page);
    const analysis = await analysisOf(page);
    // The old corrections became the list, and the core applies them: the merge and the article move.
    assert.equal(ownerOf(analysis, 'Vladimir Putin').id, ownerOf(analysis, 'Emmanuel Macron').id);
    const story = analysis.stories.find((s) => s.articles.includes('c.txt'));
    assert.ok(story.articles.includes('a.txt'), JSON.stringify(analysis.stories));
    assert.ok(story.links.some((link) => link.a === 'c.txt' && link.b === 'a.txt' && link.manual));
    assert.deepEqual(await page.evaluate(() => document.querySelector('crosswire-analyzer').corrections.map((c) => [c.kind, c.lines])), [
      ['merge', ['PERSON\tVladimir Putin\tEmmanuel Macron']],
      ['move', ['STORY\tc.txt\ta.txt']],
    ]);
    const version = await page.evaluate(() => new Promise((resolve) => {
      const request = indexedDB.open('crosswire');
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
    }));
    assert.equal(version, 2, 'the database was upgraded');

    // The oversized article is rejected once, with a button to remove it.
    assert.equal(analysis.rejected.length, 1);
    const shown = await messages(page);
    assert.equal(shown.filter((text) => text.includes('huge.txt')).length, 1, shown.join('\n'));
    await nextAnalysis(page, () => page.locator(`${element} .message .remove-rejected`).click());
    await page.evaluate(() => document.querySelector('crosswire-analyzer').saved());
    await page.reload();
    await waitReady(page);
    assert.equal((await analysisOf(page)).rejected.length, 0);
    assert.equal((await messages(page)).filter((text) => text.includes('huge.txt')).length, 0, 'its error does not come back');
    await openTab(page, 'Articles');
    assert.deepEqual(await page.locator(`${element} .article-link-meta`).evaluateAll((list) => list.length), 2);
  });

  test('duplicates are offered to be skipped; empty and oversized files are refused in words', async () => {
    await freshWorkspace(page, env.server.url);
    const seeds = await seedFiles();
    await nextAnalysis(page, () => addFiles(page, seeds));
    assert.equal(await page.evaluate(() => document.querySelector('crosswire-analyzer').shadowRoot.activeElement?.id), 'panel', 'focus moves to the result');
    const count = (await analysisOf(page)).articles.length;
    // The same files again, under other names: the page asks, and skipping adds nothing.
    await addFiles(page, seeds.map((file) => ({ ...file, name: `copy-${file.name}` })));
    const dialog = page.locator(`${element} .duplicate-dialog`);
    await dialog.waitFor();
    assert.match(await dialog.locator('.duplicate-title').textContent(), new RegExp(`${seeds.length} files are already loaded`));
    await dialog.locator('button', { hasText: 'Skip them' }).click();
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.state === 'ready');
    assert.equal((await analysisOf(page)).articles.length, count);

    await addFiles(page, [
      { name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from(' \n\t \r\n  ') },
      { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(3.5 * 1024 * 1024, 'a') },
    ]);
    await page.waitForFunction(() => document.querySelector('crosswire-analyzer').shadowRoot.querySelectorAll('.message.error').length >= 2);
    const shown = await messages(page);
    assert.ok(shown.some((text) => /blank\.txt is empty or holds only whitespace/.test(text)), shown.join('\n'));
    const big = shown.filter((text) => text.includes('big.txt'));
    assert.equal(big.length, 1, 'said once');
    assert.match(big[0], /3\.5 MiB of text, over the limit of 2 MiB per article/);
    assert.equal((await analysisOf(page)).articles.length, count, 'neither was added');

    // Remove many: two articles through the dialog.
    await openTab(page, 'Articles');
    await page.locator(`${element} .remove-many`).click();
    const boxes = page.locator(`${element} .remove-dialog input[type=checkbox]`);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const after = await nextAnalysis(page, () => page.locator(`${element} .remove-dialog .remove-selected`).click());
    assert.equal(after.articles.length, count - 2);
  });

  test('the filter finds a name by its standard form; stories sort and filter', async () => {
    await freshWorkspace(page, env.server.url);
    await page.evaluate(() => document.querySelector('crosswire-analyzer').addArticles([
      { id: 'ru.txt', text: 'Трамп в Москве\n\nДональд Трамп прибыл в Москву во вторник. Трамп встретился с журналистами.\n' },
    ]));
    await waitReady(page);
    const analysis = await analysisOf(page);
    const trump = ownerOf(analysis, 'Трамп') ?? ownerOf(analysis, 'Дональд Трамп');
    assert.ok(trump, JSON.stringify(analysis.entities));
    assert.ok(trump.variants.every((v) => /^[a-z ]+$/.test(v.latin)), 'each spelling has its standard form');
    await openTab(page, 'Entities');
    await page.locator(`${element} .entity-filter`).fill('Trump');
    await page.locator(`${element} tr[data-entity="${trump.id}"]`).waitFor();

    await freshWorkspace(page, env.server.url);
    const seeds = await seedFiles();
    const seeded = await nextAnalysis(page, () => addFiles(page, seeds));
    await openTab(page, 'Stories');
    await page.locator(`${element} select.story-filter`).selectOption('multi');
    const multi = seeded.stories.filter((story) => story.articles.length > 1);
    assert.equal(await page.locator(`${element} .story-card`).count(), multi.length);
    await page.locator(`${element} select.story-filter`).selectOption('all');
    await page.locator(`${element} select.story-sort`).selectOption('languages');
    const order = await page.locator(`${element} .story-card`).evaluateAll((cards) => cards.map((card) => card.dataset.story));
    const languages = (id) => new Set(seeded.stories.find((s) => s.id === id).articles.map((a) => seeded.articles.find((x) => x.id === a).lang)).size;
    for (let i = 1; i < order.length; i += 1) assert.ok(languages(order[i - 1]) >= languages(order[i]), order.join(' '));
  });

  test('keyboard: from load to the first entity of an article in at most 10 key presses; focus after adding', async () => {
    // The workspace holds the seeds (previous test); a reload restores them.
    await page.reload();
    await waitReady(page);
    // Skip link to the views, Enter; two tabs right to Articles; Tab into the article list (one stop) and on to
    // the text's names (one stop); Enter opens the first name's entity.
    const pressed = [];
    const press = async (key) => {
      await page.keyboard.press(key);
      pressed.push(key);
    };
    await press('Tab');
    await press('Enter');
    await press('ArrowRight');
    await press('ArrowRight');
    const onMention = () => page.evaluate(() => document.querySelector('crosswire-analyzer').shadowRoot.activeElement?.matches('mark.mention') ?? false);
    while (!(await onMention()) && pressed.length < 9) await press('Tab');
    assert.ok(await onMention(), `focus reached a name after ${pressed.join(' ')}`);
    await press('Enter');
    const state = await page.evaluate(() => {
      const root = document.querySelector('crosswire-analyzer').shadowRoot;
      return { tab: root.querySelector('[role=tab][aria-selected=true]').dataset.tab, filter: root.querySelector('.entity-filter')?.value };
    });
    assert.ok(pressed.length <= 10, pressed.join(' '));
    assert.equal(state.tab, 'entities', `after ${pressed.join(' ')}`);
    assert.ok(state.filter, 'the entity is shown');
  });

  test('at 390×844 no element of the Entities, Stories and Timeline views is wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const tab of ['Entities', 'Stories', 'Timeline']) {
        await openTab(page, tab);
        const wide = await page.evaluate(() => {
          const root = document.querySelector('crosswire-analyzer').shadowRoot;
          const limit = document.documentElement.clientWidth + 1;
          return [...root.querySelectorAll('#panel, #panel *')].filter((node) => {
            const box = node.getBoundingClientRect();
            return box.width > 0 && (box.right > limit || box.width > limit);
          }).slice(0, 5).map((node) => `${node.tagName.toLowerCase()}.${node.getAttribute('class') ?? ''} ${Math.round(node.getBoundingClientRect().right)}`);
        });
        assert.deepEqual(wide, [], `${tab}: ${wide.join(', ')}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${tab}: the page scrolls sideways`);
        await screenshot(page, `phone-${tab.toLowerCase()}`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });
});

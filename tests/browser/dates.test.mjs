// Dates in the page (issue 14): the publication-date field of the paste dialog and of the Articles view, stored
// with the article (surviving a reload, a change re-running the analysis), each date's resolved value shown next
// to it, and why the event date was chosen.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, waitEngine, waitReady, nextAnalysis, analysisOf, screenshot, openTab } from './helpers.mjs';

const element = 'crosswire-analyzer';
const text = 'Turnout was high in the primary\nVoters went to the polls on March 3, officials said yesterday. The count ended on March 10.\n';

async function freshWorkspace(page, url) {
  await page.goto(url);
  await waitEngine(page);
  await page.waitForFunction(() => ['ready', 'empty'].includes(document.querySelector('crosswire-analyzer').dataset.state));
  await page.evaluate(() => document.querySelector('crosswire-analyzer').newWorkspace());
  await page.waitForFunction(() => document.querySelector('crosswire-analyzer').dataset.state === 'empty');
}

/** The dates of the article view as the reader sees them: the text, and what is drawn after it. */
function shownDates(page) {
  return page.locator(`${element} .article-text time.date`).evaluateAll((nodes) => nodes.map((node) => ({
    text: node.textContent,
    after: getComputedStyle(node, '::after').content,
    display: getComputedStyle(node, '::after').display,
  })));
}

describe('publication dates and date values in the page', () => {
  const env = serverAndBrowser();
  let page;

  before(() => {
    page = env.browser.page;
  });

  test('a pasted article with a publication date: values, reason, a change, a reload', async () => {
    await freshWorkspace(page, env.server.url);
    await page.locator(`${element} .actions button`, { hasText: 'Paste text' }).click();
    await page.locator(`${element} #paste-text`).fill(text);
    await page.locator(`${element} #paste-name`).fill('primary.txt');
    // The field is labelled, and takes a day as <input type="date"> does.
    assert.equal(await page.getByLabel(/Publication date/).count(), 1);
    await page.locator(`${element} #paste-published`).fill('2021-03-05');
    const analysis = await nextAnalysis(page, () => page.locator(`${element} dialog button`, { hasText: 'Add article' }).click());
    const [article] = analysis.articles;
    assert.equal(article.published, '2021-03-05');
    assert.equal(article.event_date, '2021-03-03');
    assert.deepEqual(article.dates.map((d) => [d.text, d.value]), [['March 3', '2021-03-03'], ['yesterday', '2021-03-04'], ['March 10', '2021-03-10']]);

    // The article view: each date's value is drawn after it (not only in a tooltip), and the reason is shown.
    await openTab(page, 'Articles');
    const dates = await shownDates(page);
    assert.deepEqual(dates.map((d) => [d.text, d.after]), [['March 3', '"2021-03-03"'], ['yesterday', '"2021-03-04"'], ['March 10', '"2021-03-10"']]);
    assert.ok(dates.every((d) => d.display !== 'none'), 'the values are displayed');
    // The article's own text is unchanged by the values.
    assert.equal(await page.locator(`${element} .article-text`).evaluate((node) => node.textContent), text);
    const reason = page.locator(`${element} .facts div`, { hasText: 'Why these dates' }).locator('dd');
    assert.match(await reason.textContent(), /given with the article/);
    assert.match(await reason.textContent(), /event 2021-03-03: "March 3"/);
    assert.equal(await page.locator(`${element} #article-published`).inputValue(), '2021-03-05');
    await screenshot(page, 'dates-article-view');

    // Another publication date in the article view re-runs the analysis; the years follow it.
    const field = page.locator(`${element} #article-published`);
    const changed = await nextAnalysis(page, async () => {
      await field.fill('2022-03-12');
      await field.press('Enter');
    });
    assert.equal(changed.articles[0].published, '2022-03-12');
    // "yesterday" is now the day before the new date, and the event (it is the closest to publication).
    assert.equal(changed.articles[0].event_date, '2022-03-11');
    assert.deepEqual((await shownDates(page)).map((d) => d.after), ['"2022-03-03"', '"2022-03-11"', '"2022-03-10"']);

    // A malformed date is refused with a message; the stored one stays.
    await field.fill('12/03/2022');
    await field.press('Enter');
    await page.locator(`${element} .message`, { hasText: 'YYYY-MM-DD' }).waitFor();
    assert.equal((await analysisOf(page)).articles[0].published, '2022-03-12');

    // The date is stored with the article: it survives a reload.
    await page.reload();
    await waitReady(page);
    const reloaded = await analysisOf(page);
    assert.equal(reloaded.articles[0].published, '2022-03-12');
    await openTab(page, 'Articles');
    assert.equal(await page.locator(`${element} #article-published`).inputValue(), '2022-03-12');

    // Cleared, the article has no publication date again: nothing to count "yesterday" from.
    const cleared = await nextAnalysis(page, async () => {
      await page.locator(`${element} #article-published`).fill('');
      await page.locator(`${element} #article-published`).press('Enter');
    });
    assert.equal(cleared.articles[0].published, null);
    assert.ok(!cleared.articles[0].dates.some((d) => d.text === 'yesterday'), 'no value for "yesterday" without a date');
    assert.match(cleared.articles[0].date_reason, /no publication date stated/);
    assert.deepEqual(env.browser.errors.map(String), []);
  });

  test('a host sets a publication date through the element; a malformed one is refused', async () => {
    await freshWorkspace(page, env.server.url);
    await nextAnalysis(page, () => page.evaluate((t) => document.querySelector('crosswire-analyzer').addArticles([
      { id: 'a.txt', text: t, published: '2020-03-04' },
    ]), text));
    assert.equal((await analysisOf(page)).articles[0].event_date, '2020-03-03');
    const refused = await page.evaluate(async () => {
      const node = document.querySelector('crosswire-analyzer');
      try {
        await node.setPublished('a.txt', '04/03/2020');
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /YYYY-MM-DD/);
    assert.equal((await analysisOf(page)).articles[0].published, '2020-03-04', 'the stored date is kept');
  });
});

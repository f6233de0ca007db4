// The trained tagger in the app: Settings turns it on for the workspace, the articles are analysed again with it
// (the same mentions and entities as the CLI's --tagger), the choice survives a reload, and turning it off gives
// the rules-only analysis back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, nextAnalysis, root, startServer, waitEngine, waitReady } from './helpers.mjs';

const cli = process.env.CROSSWIRE_CLI ?? join(root, 'build/native/crosswire');
// German capitalises every noun and Polish inflects names: the model decides there. The full tagger reads an
// organisation named after its country as one name, where the rules (and so the default) give the organisation and
// the place.
const articles = [
  { id: 'de.txt', text: 'Die Bundeskanzlerin traf am Montag in Berlin den Vorstand der Deutschen Bahn. Nach dem Gespräch sagte Olaf Scholz, die Regierung werde die Verträge prüfen.\n' },
  { id: 'en.txt', text: 'The Serum Institute of India will make the vaccine, the company said on Monday in Pune.\n' },
  { id: 'pl.txt', text: 'Prezydent Andrzej Duda spotkał się w Warszawie z przedstawicielami Komisji Europejskiej. Rozmowy dotyczyły Funduszu Odbudowy i sytuacji na Ukrainie.\n' },
];

// What the test compares: each article's mentions, and the entities' names and types.
const facts = (analysis) => ({
  mentions: analysis.articles.map((a) => [a.id, a.mentions.map((m) => [m.start, m.end, m.text, m.type])]),
  entities: analysis.entities.map((e) => [e.name, e.type]).sort((x, y) => String(x).localeCompare(String(y))),
});

function cliFacts(tagger) {
  const dir = mkdtempSync(join(tmpdir(), 'crosswire-tagger-ui-'));
  try {
    for (const { id, text } of articles) writeFileSync(join(dir, id), text);
    const args = ['analyze', ...(tagger ? ['--tagger'] : []), ...articles.map(({ id }) => join(dir, id))];
    return facts(JSON.parse(execFileSync(cli, args, { encoding: 'utf8' })));
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const element = 'crosswire-analyzer';
const toggle = (page) => page.locator(`${element} #tagger-toggle`);
async function setTagger(page, on) {
  await page.locator(`${element} summary`, { hasText: 'Settings' }).click();
  await (on ? toggle(page).check() : toggle(page).uncheck());
}

test('Settings turns the trained tagger on and off, and the choice is kept', async () => {
  const rules = cliFacts(false);
  const tagged = cliFacts(true);
  assert.notDeepEqual(tagged, rules, 'the tagger changes these analyses');
  const server = await startServer();
  const browser = await launch();
  const { page } = browser;
  try {
    await page.goto(server.url);
    assert.equal(await waitEngine(page), 'ready');
    let analysis = await nextAnalysis(page, () => page.evaluate(([name, list]) => document.querySelector(name).addArticles(list), [element, articles]));
    assert.deepEqual(facts(analysis), rules, 'without the tagger: the CLI\'s analysis');
    assert.equal(await page.evaluate((name) => document.querySelector(name).dataset.tagger, element), 'false');
    assert.equal(await toggle(page).isChecked(), false);

    analysis = await nextAnalysis(page, () => setTagger(page, true));
    assert.deepEqual(facts(analysis), tagged, 'with the tagger: the CLI\'s --tagger analysis');
    assert.equal(await page.evaluate((name) => document.querySelector(name).dataset.tagger, element), 'true');

    // A reload restores the workspace and analyses it with the tagger again.
    await page.reload();
    assert.equal(await waitEngine(page), 'ready');
    await waitReady(page);
    await page.waitForFunction((name) => Number(document.querySelector(name).dataset.runs ?? 0) >= 1, element);
    assert.equal(await toggle(page).isChecked(), true, 'the choice is kept in this browser');
    assert.deepEqual(facts(await page.evaluate((name) => document.querySelector(name).analysis, element)), tagged);

    analysis = await nextAnalysis(page, () => setTagger(page, false));
    assert.deepEqual(facts(analysis), rules, 'turned off: the rules-only analysis again');
    assert.deepEqual(browser.errors.map(String), []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

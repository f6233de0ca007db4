#!/usr/bin/env node
// English entity extraction in Chromium: Crosswire's mentions (PERSON/ORG/PLACE) against compromise's
// people()/organizations()/places() on the ECB+ development articles, same worker, same text: speed, agreement
// (neither is gold: each is measured against the other) and the bytes each makes a page load.
//   node tests/browser/bench-entities.mjs [--runs=5] [--tiny]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir } from './helpers.mjs';
import { compromiseBundle, engineFiles, gzipSize, inPage, isMain, mm, num, rates, runAlone, table, utf8Bytes } from './bench-lib.mjs';

const percent = (part, whole) => (whole ? `${num((100 * part) / whole)} %` : 'n/a');

function agreementRows(label, of, against) {
  const rows = [];
  const sum = { total: 0, typed: 0, span: 0 };
  for (const type of ['PERSON', 'ORG', 'PLACE']) {
    const row = of[type] ?? { total: 0, typed: 0, span: 0 };
    for (const key of Object.keys(sum)) sum[key] += row[key];
    rows.push([`${label} ${type}`, row.total, percent(row.typed, row.total), percent(row.span, row.total), against]);
  }
  rows.push([`${label} all`, sum.total, percent(sum.typed, sum.total), percent(sum.span, sum.total), against]);
  return rows;
}

export async function benchEntities({ page }, { runs, files }) {
  const articles = files['corpus-en.json'];
  const bytes = utf8Bytes(articles);
  const { result } = await inPage(page, 'run', { type: 'entities', file: 'corpus-en.json', runs });
  const speed = [
    ['Crosswire, one article per analyze()', result.times.crosswireEach],
    ['Crosswire, all articles in one analyze() (with entity merging and stories)', result.times.crosswireBatch],
    ['compromise people() + organizations() + places()', result.times.compromise],
  ].map(([who, ms]) => [who, mm(ms), rates(ms, articles.length), rates(ms, bytes / 1e6)]);
  const ratio = (ms) => mm(ms.map((t, i) => t / result.times.compromise[i]));
  speed.push(['time ratio Crosswire per article / compromise', ratio(result.times.crosswireEach), '', '']);
  speed.push(['time ratio Crosswire batch / compromise', ratio(result.times.crosswireBatch), '', '']);

  const crosswireBytes = await Promise.all((await engineFiles()).map((name) => readFile(join(distDir, name))));
  const compromise = await compromiseBundle();
  const sizes = [
    ['Crosswire engine (crosswire.js + crosswire-core.js + .wasm + base data pack)', crosswireBytes.reduce((s, b) => s + b.length, 0), crosswireBytes.reduce((s, b) => s + gzipSize(b), 0)],
    ['compromise 14 (esbuild bundle, minified)', compromise.length, gzipSize(compromise)],
  ].map(([what, raw, gz]) => [what, `${num(raw / 1024)} KiB`, `${num(gz / 1024)} KiB`]);

  const a = result.agreement;
  const show = (list) => list.map(([w, n]) => `${JSON.stringify(w)}×${n}`).join(' ');
  return [
    `### English entities, ${result.docs} ECB+ articles, ${(bytes / 1e6).toFixed(2)} MB (${runs} runs after a warm-up, min / median)`,
    '',
    table(['extractor', 'time ms', 'articles/s (best / median)', 'MB/s (best / median)'], speed),
    '',
    'Agreement by overlapping span. Neither side is gold: "precision of Crosswire against compromise" is the share of',
    'Crosswire\'s mentions that overlap one of compromise\'s of the same type; the reverse rows are the share of',
    'compromise\'s mentions that Crosswire also found (Crosswire\'s recall against compromise). "any type" ignores the type.',
    'Crosswire\'s MISC mentions are left out; "batch" = mentions of the all-articles analysis (what the app shows),',
    '"per article" = each article analysed alone.',
    '',
    table(['mentions of', 'count', 'overlap, same type', 'overlap, any type', 'against'], [
      ...agreementRows('Crosswire (batch)', a.batchVsCompromise, 'compromise'),
      ...agreementRows('compromise', a.compromiseVsBatch, 'Crosswire (batch)'),
      ...agreementRows('Crosswire (per article)', a.eachVsCompromise, 'compromise'),
      ...agreementRows('compromise', a.compromiseVsEach, 'Crosswire (per article)'),
    ]),
    '',
    `Most frequent mentions found by Crosswire (batch) only: ${show(result.onlyCrosswire)}`,
    `Most frequent mentions found by compromise only: ${show(result.onlyCompromise)}`,
    '',
    'What each makes a page load (gzip -9 of each file):',
    '',
    table(['payload', 'raw', 'gzipped'], sizes),
  ].join('\n');
}

if (isMain(import.meta)) await runAlone(benchEntities);

#!/usr/bin/env node
// Word segmentation in Chromium: Crosswire's tokenize() (ICU in wasm) against the browser's own Intl.Segmenter
// (isWordLike segments), same worker, same text: English (ECB+), Thai (ThaiNER, tags removed), Chinese (People's
// Daily), Japanese (stockmark), the seeds.
//   node tests/browser/bench-segment.mjs [--runs=5] [--tiny]
import { inPage, isMain, mm, num, rates, runAlone, table } from './bench-lib.mjs';

const sets = [
  { name: 'English (ECB+)', file: 'corpus-en.json', lang: 'en' },
  { name: 'Thai (ThaiNER)', file: 'corpus-th.json', lang: 'th' },
  { name: "Chinese (People's Daily)", file: 'corpus-zh.json', lang: 'zh' },
  { name: 'Japanese (stockmark)', file: 'corpus-ja.json', lang: 'ja' },
  { name: 'seeds', file: 'corpus-seeds.json', lang: null },
];

export async function benchSegment({ page }, { runs, files }) {
  const { result } = await inPage(page, 'run', { type: 'segment', sets, runs });
  const rows = [];
  const agreement = [];
  const differences = [];
  for (const set of result) {
    const bytes = files[sets.find((s) => s.name === set.name).file].reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
    for (const [who, ms, tokens] of [['Crosswire tokenize', set.crosswireMs, set.crosswireTokens], ['Intl.Segmenter', set.intlMs, set.intlTokens]]) {
      rows.push([`${set.name}: ${who}`, mm(ms), rates(ms, tokens / 1000), rates(ms, bytes / 1e6)]);
    }
    rows.push([`${set.name}: of which JSON.parse of tokenize's reply`, mm(set.parseMs), '', '']);
    rows.push([`${set.name}: time ratio Crosswire / Intl`, mm(set.crosswireMs.map((t, i) => t / set.intlMs[i])), '', '']);
    agreement.push([set.name, set.docs, `${(bytes / 1e6).toFixed(2)} MB`, set.langs.join(' '), set.crosswireTokens, set.intlTokens, set.same,
      `${num((100 * set.same) / set.crosswireTokens)} %`, `${num((100 * set.same) / set.intlTokens)} %`,
      `${num((100 * set.same) / (set.crosswireTokens + set.intlTokens - set.same))} %`]);
    const show = (list) => list.map(([w, n]) => `${JSON.stringify(w)}×${n}`).join(' ');
    differences.push(`  ${set.name}: only Crosswire: ${show(set.onlyCrosswire) || '-'}\n  ${' '.repeat(set.name.length)}  only Intl:      ${show(set.onlyIntl) || '-'}`);
  }
  return [
    `### Word segmentation (${runs} runs after a warm-up, min / median; time of one pass over the whole corpus, averaged over enough passes to last ≥ 100 ms)`,
    '',
    table(['corpus: segmenter', 'time ms', 'k tokens/s (best / median)', 'MB/s (best / median)'], rows),
    '',
    table(['corpus', 'docs', 'UTF-8', 'lang', 'Crosswire words', 'Intl words', 'identical spans', 'of Crosswire\'s', 'of Intl\'s', 'of the union'], agreement),
    '',
    'Most frequent differences (word × count):',
    ...differences,
  ].join('\n');
}

if (isMain(import.meta)) await runAlone(benchSegment);

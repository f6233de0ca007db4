// The command-line contract (docs/ARCHITECTURE.md): analyze prints crosswire/1 JSON, exit codes 0/1/2,
// diagnostics on stderr; match prints score and same|different, one pair or a TSV of pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });

test('analyze walks a folder and prints the analysis JSON', () => {
  const r = run('analyze', path.join(root, 'tests/golden/seeds'));
  assert.equal(r.status, 0, r.stderr);
  const analysis = JSON.parse(r.stdout);
  assert.equal(analysis.schema, 'crosswire/1');
  assert.deepEqual(analysis.articles.map((a) => a.lang), ['en', 'th', 'fr', 'en', 'en']);
  for (const a of analysis.articles) assert.ok(analysis.stories.filter((s) => s.articles.includes(a.id)).length === 1);
});

test('a rejected input gives exit 1, a message on stderr, and the rest is still analysed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-cli-'));
  writeFileSync(path.join(dir, 'good.txt'), 'Tehran and Minsk signed an agreement on Monday.\n');
  writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x49, 0x48]));
  writeFileSync(path.join(dir, 'page.html'),
    '<html><head><title>Talks in Minsk</title><script>alert(1)</script></head><body><nav>Menu</nav>' +
    '<article><h1>Talks in Minsk</h1><p>Lukashenko met Ahmadian &amp; others in Minsk.</p></article></body></html>');
  const r = run('analyze', dir);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.txt.*NUL/);
  const analysis = JSON.parse(r.stdout);
  assert.deepEqual(analysis.articles.map((a) => a.id).sort(), ['good.txt', 'page.html']);
  assert.deepEqual(analysis.rejected.map((x) => [x.id, x.code]), [['bad.txt', 'binary_input']]);
  const page = analysis.articles.find((a) => a.id === 'page.html');
  assert.equal(page.title, 'Talks in Minsk');
});

test('usage errors give exit 2', () => {
  assert.equal(run().status, 2);
  assert.equal(run('analyze').status, 2);
  assert.equal(run('analyze', '--bogus', 'x').status, 2);
  assert.equal(run('analyze', '--published', 'yesterday', path.join(root, 'tests/golden/seeds')).status, 2);
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('match', 'only-one').status, 2);
});

test('--published anchors articles that state no date', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-cli-'));
  writeFileSync(path.join(dir, 'a.txt'), 'Officials met in Minsk yesterday to discuss trade between the two countries.\n');
  const r = run('analyze', '--published', '2024-09-14', dir);
  assert.equal(r.status, 0, r.stderr);
  const [article] = JSON.parse(r.stdout).articles;
  assert.equal(article.event_date, '2024-09-13');
});

test('match compares one pair or a file of pairs', () => {
  const same = run('match', 'Alexander Lukashenko', 'Александр Лукашенко');
  assert.equal(same.status, 0);
  assert.match(same.stdout, /^[01]\.\d{3}\tsame\n$/);
  const different = run('match', 'Iran', 'Iraq');
  assert.match(different.stdout, /\tdifferent\n$/);
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-cli-'));
  const pairs = path.join(dir, 'pairs.tsv');
  writeFileSync(pairs, 'Volfovich\tVolfovitch\nSCO\tBRICS\n');
  const r = run('match', '--pairs', pairs);
  assert.equal(r.status, 0);
  const lines = r.stdout.trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(lines.map((l) => [l[0], l[1], l[3]]), [['Volfovich', 'Volfovitch', 'same'], ['SCO', 'BRICS', 'different']]);
});

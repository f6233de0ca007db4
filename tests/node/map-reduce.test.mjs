// crosswire map / reduce (docs/ARCHITECTURE.md, "Map and reduce"): the map step run on shards in
// parallel processes (xargs -P 4) and the reduce step on the records concatenated in shard order
// print what analyze prints on all the inputs, byte for byte, with the same exit status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
const run = (args, input) => spawnSync(cli, args, { encoding: 'utf8', input, maxBuffer: 1 << 30 });

// Splits the files of `dir` (sorted) into 4 contiguous shards, maps them in 4 processes at once
// and reduces the concatenated records. Returns [analyze, reduce] results. With `rounds` 2, each
// shard's map writes its casing counts too, and a second map on each shard (4 processes at once)
// turns its records into records of version 3 with the counts of all shards; reduce is given the
// counts as well.
function mapReduce(dir, rounds = 1) {
  const work = mkdtempSync(path.join(tmpdir(), 'crosswire-shards-'));
  const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
  for (let s = 0; s < 4; ++s) {
    const shard = files.slice(Math.floor((s * files.length) / 4), Math.floor(((s + 1) * files.length) / 4));
    writeFileSync(path.join(work, `list.${s}`), shard.map((f) => f + '\n').join(''));
  }
  const mapped = spawnSync('sh', ['-c',
    'printf "%s\\n" 0 1 2 3 | xargs -P 4 -I{} sh -c \'xargs -d "\\n" "$0" map --jobs 1 --casing-out "$1/casing.{}" < "$1/list.{}" > "$1/records.{}"\' "$0" "$1"',
    cli, work], { encoding: 'utf8' });
  assert.ok(mapped.status === 0 || mapped.status === 123, mapped.stderr);  // 123: a shard had a rejected input
  const casing = [0, 1, 2, 3].flatMap((s) => ['--casing', path.join(work, `casing.${s}`)]);
  let name = 'records';
  if (rounds === 2) {
    // The counts in another order in each shard: sums do not depend on it.
    const mapped2 = spawnSync('sh', ['-c',
      'printf "%s\\n" 0 1 2 3 | xargs -P 4 -I{} sh -c \'"$0" map --jobs 1 --casing "$1/casing.3" --casing "$1/casing.{}" --casing "$1/casing.1" --casing "$1/casing.0" --casing "$1/casing.2" "$1/records.{}" > "$1/records3.{}"\' "$0" "$1"',
      cli, work], { encoding: 'utf8' });
    assert.equal(mapped2.status, 0, mapped2.stderr);
    name = 'records3';
  }
  const records = [0, 1, 2, 3].map((s) => readFileSync(path.join(work, `${name}.${s}`), 'utf8')).join('');
  const reduced = run(['reduce', '--jobs', '2', ...(rounds === 2 ? casing : [])], records);
  return [run(['analyze', dir]), reduced, records];
}

test('map on 4 shards (xargs -P 4) + reduce = analyze, on the seeds and a mixed folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-mixed-'));
  for (const f of readdirSync(path.join(root, 'tests/golden/seeds'))) {
    copyFileSync(path.join(root, 'tests/golden/seeds', f), path.join(dir, f));
  }
  writeFileSync(path.join(dir, 'ru.txt'),
    'Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным в Москве 13 сентября.\n');
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Le pr\xe9sident Macron a re\xe7u Angela Merkel \xe0 Paris.\n', 'latin1'));
  writeFileSync(path.join(dir, 'page.html'),
    '<html><body><nav>Menu</nav><article><p>Lukashenko met Putin in Minsk.</p></article></body></html>');
  writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x49, 0x48]));
  writeFileSync(path.join(dir, 'blank.txt'), '  \n');
  const [analyze, reduce, records] = mapReduce(dir);
  assert.equal(analyze.status, 1, analyze.stderr);  // bad.txt and blank.txt are rejected
  assert.equal(reduce.status, analyze.status, reduce.stderr);
  assert.equal(reduce.stdout, analyze.stdout);
  const lines = records.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, readdirSync(dir).length);
  assert.ok(lines.every((l) => l.record === 'crosswire-record/2'));
  assert.deepEqual(lines.filter((l) => l.rejected).map((l) => [l.id, l.rejected.code]).sort(),
    [['bad.txt', 'binary_input'], ['blank.txt', 'invalid_argument']]);
});

test('two map rounds on 4 shards, the casing counts exchanged, + reduce = analyze', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-mixed-'));
  for (const f of readdirSync(path.join(root, 'tests/golden/seeds'))) {
    copyFileSync(path.join(root, 'tests/golden/seeds', f), path.join(dir, f));
  }
  writeFileSync(path.join(dir, 'ru.txt'),
    'Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным в Москве 13 сентября.\n');
  writeFileSync(path.join(dir, 'page.html'),
    '<html><body><nav>Menu</nav><article><p>Lukashenko met Putin in Minsk.</p></article></body></html>');
  writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x49, 0x48]));
  const [analyze, reduce, records] = mapReduce(dir, 2);
  assert.equal(analyze.status, 1, analyze.stderr);  // bad.txt is rejected
  assert.equal(reduce.status, analyze.status, reduce.stderr);
  assert.equal(reduce.stdout, analyze.stdout);
  const lines = records.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, readdirSync(dir).length);
  assert.deepEqual([...new Set(lines.map((l) => (l.rejected ? 'rejected' : l.record)))].sort(),
    ['crosswire-record/3', 'rejected']);
  // Without the counts the reducer counts them itself: the same analysis.
  assert.equal(run(['reduce'], records).stdout, analyze.stdout);
  // Counts that are not casing counts stop the command before it reads a record.
  const bad = path.join(dir, 'bad.txt');
  const r = run(['reduce', '--casing', bad], records);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.txt:1: casing counts: /);
});

for (const rounds of [1, 2]) {
  test(`map (${rounds} round${rounds === 2 ? 's' : ''}) on 4 shards + reduce = analyze on the ECB+ development data`, (t) => {
    const dir = path.join(root, '../shared/devdata/ecbplus/docs');
    if (!existsSync(dir)) {
      t.skip('../shared/devdata/ecbplus is not present next to the repository');
      return;
    }
    const [analyze, reduce] = mapReduce(dir, rounds);
    assert.equal(analyze.status, 0, analyze.stderr);
    assert.equal(reduce.status, 0, reduce.stderr);
    assert.ok(JSON.parse(analyze.stdout).articles.length > 400);
    assert.equal(reduce.stdout, analyze.stdout);
  });
}

test('reduce reports a line that is not a record with its place, and analyses the rest', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-bad-record-'));
  writeFileSync(path.join(dir, 'a.txt'), 'Alexander Lukashenko met officials in Minsk.\n');
  const map = run(['map', path.join(dir, 'a.txt')]);
  assert.equal(map.status, 0, map.stderr);
  const records = path.join(dir, 'records.jsonl');
  writeFileSync(records, map.stdout + '{"record":"crosswire-record/9","id":"x"}\nnot json\n');
  const r = run(['reduce', records]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /records\.jsonl:2: .*version "crosswire-record\/9" is not "crosswire-record\/3"/);
  assert.match(r.stderr, /records\.jsonl:3: not a record/);
  assert.deepEqual(JSON.parse(r.stdout).articles.map((a) => a.id), ['a.txt']);
  assert.equal(run(['reduce', '--lang', 'en', records]).status, 2);  // language is the map step's
  assert.equal(run(['analyze', '--jobs', '0', dir]).status, 2);
});

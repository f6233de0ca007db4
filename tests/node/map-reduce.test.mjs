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
// and reduces the concatenated records. Returns [analyze, reduce] results.
function mapReduce(dir) {
  const work = mkdtempSync(path.join(tmpdir(), 'crosswire-shards-'));
  const files = readdirSync(dir).sort().map((f) => path.join(dir, f));
  for (let s = 0; s < 4; ++s) {
    const shard = files.slice(Math.floor((s * files.length) / 4), Math.floor(((s + 1) * files.length) / 4));
    writeFileSync(path.join(work, `list.${s}`), shard.map((f) => f + '\n').join(''));
  }
  const mapped = spawnSync('sh', ['-c',
    'printf "%s\\n" 0 1 2 3 | xargs -P 4 -I{} sh -c \'xargs -d "\\n" "$0" map --jobs 1 < "$1/list.{}" > "$1/records.{}"\' "$0" "$1"',
    cli, work], { encoding: 'utf8' });
  assert.ok(mapped.status === 0 || mapped.status === 123, mapped.stderr);  // 123: a shard had a rejected input
  const records = [0, 1, 2, 3].map((s) => readFileSync(path.join(work, `records.${s}`), 'utf8')).join('');
  return [run(['analyze', dir]), run(['reduce', '--jobs', '2'], records), records];
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

test('map on 4 shards + reduce = analyze on the ECB+ development data', (t) => {
  const dir = path.join(root, '../shared/devdata/ecbplus/docs');
  if (!existsSync(dir)) {
    t.skip('../shared/devdata/ecbplus is not present next to the repository');
    return;
  }
  const [analyze, reduce] = mapReduce(dir);
  assert.equal(analyze.status, 0, analyze.stderr);
  assert.equal(reduce.status, 0, reduce.stderr);
  assert.ok(JSON.parse(analyze.stdout).articles.length > 400);
  assert.equal(reduce.stdout, analyze.stdout);
});

test('reduce reports a line that is not a record with its place, and analyses the rest', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-bad-record-'));
  writeFileSync(path.join(dir, 'a.txt'), 'Alexander Lukashenko met officials in Minsk.\n');
  const map = run(['map', path.join(dir, 'a.txt')]);
  assert.equal(map.status, 0, map.stderr);
  const records = path.join(dir, 'records.jsonl');
  writeFileSync(records, map.stdout + '{"record":"crosswire-record/9","id":"x"}\nnot json\n');
  const r = run(['reduce', records]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /records\.jsonl:2: .*version "crosswire-record\/9" is not "crosswire-record\/2"/);
  assert.match(r.stderr, /records\.jsonl:3: not a record/);
  assert.deepEqual(JSON.parse(r.stdout).articles.map((a) => a.id), ['a.txt']);
  assert.equal(run(['reduce', '--lang', 'en', records]).status, 2);  // language is the map step's
  assert.equal(run(['analyze', '--jobs', '0', dir]).status, 2);
});

// The CLI never loses the batch: every input that cannot be read (missing, a link loop, a dangling
// link, a FIFO, a device, a read error, an unreadable folder, too large) is listed under `rejected`
// with a code and a message, the other inputs are analysed, and the exit code is 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, truncateSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
// A FIFO or device that were read whole would hang or exhaust memory: the timeout turns that into
// a failure instead of a stuck test run.
const run = (args, options = {}) => spawnSync(options.prefix ?? cli, options.prefix ? [cli, ...args] : args,
  { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
const article = 'Tehran and Minsk signed an agreement on Monday.\n';
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'crosswire-inputs-'));

function rejectedById(analysis) {
  return Object.fromEntries(analysis.rejected.map((r) => [r.id, r]));
}

test('links, FIFOs, devices and read errors are rejected one by one; the rest is analysed', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a-good.txt'), article);
  symlinkSync('b-loop.txt', path.join(dir, 'b-loop.txt')); // a link to itself: ELOOP
  symlinkSync('nowhere.txt', path.join(dir, 'c-dangling.txt'));
  symlinkSync('.', path.join(dir, 'd-self')); // a folder link back up: not followed
  const fifo = spawnSync('mkfifo', [path.join(dir, 'e-pipe.txt')]);
  assert.equal(fifo.status, 0, 'mkfifo');
  mkdirSync(path.join(dir, 'z'));
  writeFileSync(path.join(dir, 'z', 'later.txt'), 'Officials met in Minsk on 13 September 2024.\n');

  const missing = path.join(dir, 'missing.txt');
  // /proc/self/mem is a regular file whose first page cannot be read (EIO), whoever runs the test.
  const r = run(['analyze', dir, missing, '/dev/zero', '/proc/self/mem']);
  assert.equal(r.error, undefined, `the CLI did not finish: ${r.error}`);
  assert.equal(r.status, 1, r.stderr);
  const analysis = JSON.parse(r.stdout);
  assert.deepEqual(analysis.articles.map((a) => a.id), ['a-good.txt', 'later.txt']);
  const rejected = rejectedById(analysis);
  const expect = (id, code, pattern) => {
    assert.ok(rejected[id], `${id} is listed under rejected: ${JSON.stringify(analysis.rejected)}`);
    assert.equal(rejected[id].code, code, id);
    assert.match(rejected[id].message, pattern, id);
  };
  expect('b-loop.txt', 'unreadable', /symbolic link loop/);
  expect('c-dangling.txt', 'unreadable', /no such file/);
  expect('e-pipe.txt', 'unreadable', /FIFO/);
  expect(missing, 'unreadable', /no such file or folder/);
  expect('zero', 'unreadable', /'\/dev\/zero' is a character device/);
  expect('mem', 'unreadable', /cannot read/);
  assert.equal(analysis.rejected.length, 6, JSON.stringify(analysis.rejected));
  // Every rejection is on stderr too.
  assert.match(r.stderr, /FIFO/);
  assert.match(r.stderr, /symbolic link loop/);
});

test('a file over the article limit is rejected by its size, without reading it', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'good.txt'), article);
  // A sparse 1 GiB file: reading it whole would take a gigabyte or two of memory.
  writeFileSync(path.join(dir, 'huge.txt'), '');
  truncateSync(path.join(dir, 'huge.txt'), 1024 ** 3);
  // With 800 MB of address space, reading the file whole is an allocation failure, not a rejection.
  const r = spawnSync('sh', ['-c', 'ulimit -v 800000 && exec "$0" "$@"', cli, 'analyze', dir],
    { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  const analysis = JSON.parse(r.stdout);
  assert.deepEqual(analysis.articles.map((a) => a.id), ['good.txt']);
  const { 'huge.txt': huge } = rejectedById(analysis);
  assert.equal(huge.code, 'too_large');
  assert.match(huge.message, /1073741824 bytes, over the per-article limit/);
});

test('an unreadable folder is rejected and the walk goes on', (t) => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'a-locked'));
  writeFileSync(path.join(dir, 'a-locked', 'hidden.txt'), article);
  writeFileSync(path.join(dir, 'b-after.txt'), article);
  chmodSync(path.join(dir, 'a-locked'), 0o000);
  let prefix;
  if (process.getuid?.() === 0) {
    // Root reads any folder; in a user namespace of its own it is an ordinary user.
    const probe = spawnSync('unshare', ['--user', 'true']);
    if (probe.status !== 0) {
      t.skip('running as root, and user namespaces (unshare --user) are not available to drop the privilege');
      return;
    }
    prefix = 'unshare';
  }
  const r = prefix ? spawnSync('unshare', ['--user', cli, 'analyze', dir], { encoding: 'utf8', timeout: 60_000 })
    : run(['analyze', dir]);
  chmodSync(path.join(dir, 'a-locked'), 0o755);
  assert.equal(r.status, 1, r.stderr);
  const analysis = JSON.parse(r.stdout);
  assert.deepEqual(analysis.articles.map((a) => a.id), ['b-after.txt']);
  const locked = rejectedById(analysis)[path.join(dir, 'a-locked')];
  assert.ok(locked, JSON.stringify(analysis.rejected));
  assert.equal(locked.code, 'unreadable');
  assert.match(locked.message, /cannot read the folder: Permission denied/);
});

test('file names that are not UTF-8 become valid ids', () => {
  const dir = tempDir();
  const name = Buffer.concat([Buffer.from(dir + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
  writeFileSync(name, article);
  const r = spawnSync(cli, ['analyze', dir], { timeout: 60_000 });
  assert.equal(r.status, 0, String(r.stderr));
  // Decoding leniently would hide a raw byte as U+FFFD: the output must be UTF-8 as it stands.
  const json = new TextDecoder('utf-8', { fatal: true }).decode(r.stdout);
  assert.deepEqual(JSON.parse(json).articles.map((a) => a.id), ['caf\uFFFD.txt']);
});

test('an aliases file must be a text file: binary data and folders get one short error', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), article);
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131) % 256;
  writeFileSync(path.join(dir, 'aliases.bin'), binary);
  const r = run(['analyze', '--aliases', path.join(dir, 'aliases.bin'), path.join(dir, 'a.txt')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /aliases\.bin: not an aliases file: not text/);
  assert.ok(r.stderr.length < 400, `a short message, not the file's bytes: ${r.stderr.length} characters`);

  const latin1 = Buffer.from('PERSON\tJos\xe9\tJose\n', 'latin1');
  writeFileSync(path.join(dir, 'aliases-latin1.tsv'), latin1);
  const l = run(['analyze', '--aliases', path.join(dir, 'aliases-latin1.tsv'), path.join(dir, 'a.txt')]);
  assert.equal(l.status, 2);
  assert.match(l.stderr, /not an aliases file: it is not UTF-8 text \(invalid UTF-8 at byte offset 10/);

  const d = run(['analyze', '--aliases', dir, path.join(dir, 'a.txt')]);
  assert.equal(d.status, 2);
  assert.match(d.stderr, /aliases file: .* is a folder/);
});

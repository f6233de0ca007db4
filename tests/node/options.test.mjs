// The JS module checks what it hands the wasm core: limits must be whole numbers of bytes in a
// range the core can hold (1e12, 2^32 or Infinity once became a limit of 0; NaN and negatives fell
// back to the defaults silently), ids must have a UTF-8 form and a bounded length, and file names
// become valid ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_DIST ?? path.join(root, 'build/wasm/dist');
const { createAnalyzer, AnalyzerError } = await import(path.join(dist, 'crosswire.js'));

const invalidArgument = (pattern) => (error) =>
  error instanceof AnalyzerError && error.code === 'invalid_argument' && pattern.test(error.message);

test('limits outside 1..2^31-1 bytes are invalid_argument', async () => {
  for (const value of [1e12, 2 ** 32, 2 ** 31, Infinity, -Infinity, NaN, -1, 0, 1.5, '1024', null]) {
    for (const name of ['maxArticleBytes', 'maxBatchBytes']) {
      await assert.rejects(createAnalyzer({ [name]: value }), invalidArgument(new RegExp(name)),
        `${name}: ${String(value)}`);
    }
  }
  await assert.rejects(createAnalyzer({ language: 42 }), invalidArgument(/language/));
});

test('a valid limit is the limit', async () => {
  const analyzer = await createAnalyzer({ maxArticleBytes: 64, maxBatchBytes: 2 ** 31 - 1 });
  assert.throws(() => analyzer.addArticle({ id: 'long.txt', text: 'x '.repeat(40) }),
    (error) => error.code === 'too_large' && /limit of 64/.test(error.message));
  analyzer.addArticle({ id: 'short.txt', text: 'Minsk and Tehran.' });
  assert.deepEqual(analyzer.analyze().articles.map((a) => a.id), ['short.txt']);
  analyzer.dispose();
});

test('ids must be well-formed and bounded; file names become valid ids', async () => {
  const analyzer = await createAnalyzer();
  assert.throws(() => analyzer.addArticle({ id: 'bad\uD800.txt', text: 'Minsk.' }), invalidArgument(/lone surrogate at index 3/));
  assert.throws(() => analyzer.addArticle({ id: 'x'.repeat(20 * 1024 * 1024), text: 'Minsk.' }), invalidArgument(/at most 1024/));

  const info = analyzer.addFile(new TextEncoder().encode('Lukashenko met Ahmadian in Minsk.\n'), 'caf\uDC00\u0007.txt');
  assert.equal(info.id, 'caf\uFFFD\uFFFD.txt');
  const long = analyzer.addFile(new TextEncoder().encode('Tehran and Minsk.\n'), `${'й'.repeat(5000)}.html`);
  assert.ok(long.id.length <= 1024, `bounded: ${long.id.length}`);
  assert.ok(long.id.endsWith('.html') && long.id.includes('\u2026'));
  const json = analyzer.analyzeJson();
  assert.deepEqual(JSON.parse(json).articles.map((a) => a.id), [info.id, long.id]);
  analyzer.dispose();
});

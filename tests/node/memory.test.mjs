// Out of memory in wasm: the module built with a 64 MiB heap (build/wasm/dist-small-heap, the same
// code as dist) runs out within a few articles. The call that fails throws AnalyzerError
// "out_of_memory", not a RuntimeError; the analyzer is gone afterwards, with a clear error; and a
// new analyzer on a fresh instance works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_SMALL_HEAP_DIST ?? path.join(root, 'build/wasm/dist-small-heap');
assert.ok(existsSync(path.join(dist, 'crosswire.js')), `${dist} is built by toolchain/build.sh`);
const { createAnalyzer, AnalyzerError } = await import(path.join(dist, 'crosswire.js'));

// 2 MiB of lower-case words: no names, so memory goes to the text, its tokens and their keys.
function words(bytes, seed) {
  const parts = [];
  let size = 0;
  let x = seed;
  while (size < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const word = 'abcdefghijklmnopqrstuvwxyz'.slice(x % 20, (x % 20) + 3 + (x % 5)) + (x % 11 === 0 ? '.\n' : ' ');
    parts.push(word);
    size += word.length;
  }
  return parts.join('').slice(0, bytes);
}

test('running out of wasm memory is an AnalyzerError, and a fresh analyzer works afterwards', async () => {
  const analyzer = await createAnalyzer();
  let failure = null;
  // Adding decodes; the rest of the per-article step runs in analyze(). The batch may reach its size
  // limit (too_large, the rest is still analysed) before the heap is full: then analyze() fails.
  for (let i = 0; i < 64 && !failure; i++) {
    try {
      analyzer.addArticle({ id: `big-${i}.txt`, text: words(2 * 1024 * 1024, i + 1) });
    } catch (error) {
      if (error instanceof AnalyzerError && error.code === 'too_large') break;
      failure = error;
    }
  }
  if (!failure) {
    try {
      analyzer.analyze();
    } catch (error) {
      failure = error;
    }
  }
  assert.ok(failure, 'a 64 MiB heap cannot hold 128 MiB of articles');
  assert.ok(failure instanceof AnalyzerError, `an AnalyzerError, not ${failure?.name}: ${failure?.message}`);
  assert.equal(failure.code, 'out_of_memory', failure.message);
  assert.match(failure.message, /ran out of memory/);

  // The instance that aborted is never called again: the analyzer says so.
  assert.throws(() => analyzer.addArticle({ id: 'small.txt', text: 'Minsk and Tehran.' }),
    (error) => error instanceof AnalyzerError && error.code === 'out_of_memory' && /createAnalyzer\(\)/.test(error.message));
  analyzer.dispose();

  const fresh = await createAnalyzer();
  fresh.addArticle({ id: 'small.txt', text: 'Lukashenko met Ahmadian in Minsk on 13 September 2024.\n' });
  const analysis = fresh.analyze();
  assert.deepEqual(analysis.articles.map((a) => a.id), ['small.txt']);
  assert.ok(analysis.entities.length > 0);
  fresh.dispose();
});

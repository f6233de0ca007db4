// The payload budget of the web app (web/payload.mjs): a first visit without CJK or Southeast Asian text
// stays within 1.5 MB gzipped, and the script packs are separate files that only such text loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const distDir = path.join(root, 'web/dist');
const { FIRST_VISIT_BUDGET, formatPayload, payload } = await import(path.join(root, 'web/payload.mjs'));

test('a first visit without CJK or Southeast Asian text stays within the budget', { skip: !existsSync(distDir) && 'web/dist is not built' }, async () => {
  const sizes = await payload(distDir);
  const [first] = sizes.visits;
  assert.ok(first.gz > 100_000, `the first visit is measured (${first.gz} bytes gz)`);
  assert.ok(first.gz <= FIRST_VISIT_BUDGET, `first visit ${first.gz} bytes gz > budget ${FIRST_VISIT_BUDGET}:\n${formatPayload(sizes)}`);
});

test('every pack ships as its own content-named file, and the big dictionaries are not in the base pack', { skip: !existsSync(distDir) && 'web/dist is not built' }, async () => {
  const { files, packs } = await payload(distDir);
  assert.deepEqual(Object.keys(packs).sort(), ['base', 'cjk', 'legacy', 'sea', 'tagger', 'thai']);
  const gz = Object.fromEntries(Object.entries(packs).map(([name, file]) => {
    assert.match(file, new RegExp(`^crosswire-${name}\\.[0-9a-f]{12}\\.pack$`));
    return [name, files.find((f) => f.path === file).gz];
  }));
  // cjdict alone is 1.56 MB gz, the four Southeast Asian dictionaries 0.72 MB.
  assert.ok(gz.cjk > 1_400_000, `cjk pack ${gz.cjk}`);
  assert.ok(gz.sea > 500_000, `sea pack ${gz.sea}`);
  assert.ok(gz.thai > 50_000 && gz.thai < 200_000, `thai pack ${gz.thai}`);
  assert.ok(gz.base < 300_000, `base pack ${gz.base}`);
  // The tagger's models of the cased scripts (the shared one and six of single languages) and Thai.
  assert.ok(gz.tagger > 1_500_000 && gz.tagger < 2_400_000, `tagger pack ${gz.tagger}`);
});

test('every model of the tagger is within the 400 KB gzipped a model may take', async () => {
  const dir = path.join(root, 'core/data/tagger');
  const models = readdirSync(dir).filter((f) => f.endsWith('.model'));
  assert.ok(models.length >= 10, `the models: ${models.join(' ')}`);
  for (const model of models) {
    const gz = gzipSync(readFileSync(path.join(dir, model)), { level: 9 }).length;
    assert.ok(gz <= 400_000, `${model}: ${gz} bytes gzipped`);
  }
});

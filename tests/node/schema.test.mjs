// The analysis JSON is a contract: schema/crosswire-1.schema.json describes it, npm/crosswire.d.ts types it. The
// seeds' analysis from both builds (the CLI and the wasm module under node) must validate, the schema must refuse
// changed fields, and the schema and the declarations must list the same fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_DIST ?? path.join(root, 'build/wasm/dist');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
const seedsDir = path.join(root, 'tests/golden/seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const schema = JSON.parse(readFileSync(path.join(root, 'schema/crosswire-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function assertValid(analysis, what) {
  const ok = validate(analysis);
  assert.ok(ok, `${what} does not match the schema:\n${JSON.stringify(validate.errors, null, 2)}`);
}

// A batch that exercises what the seeds do not: a rejected input, warnings, legacy encodings, HTML.
function mixedBatch() {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-schema-'));
  const inputs = { 'broken-utf8.bin': 'broken-utf8.txt', 'cp1251.bin': 'cp1251.txt', 'page.html.bin': 'page.html', 'utf16.bin': 'utf16.txt' };
  for (const [from, to] of Object.entries(inputs)) copyFileSync(path.join(root, 'tests/fuzz/corpus/text_core', from), path.join(dir, to));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x49, 0x48]));
  return dir;
}

test('the seeds expected output validates', () => {
  assertValid(JSON.parse(readFileSync(path.join(root, 'tests/golden/seeds.expected.json'), 'utf8')), 'tests/golden/seeds.expected.json');
});

test('the CLI output validates, for the seeds and for a batch with rejections and warnings', () => {
  const seedsRun = spawnSync(cli, ['analyze', seedsDir], { encoding: 'utf8' });
  assert.equal(seedsRun.status, 0, seedsRun.stderr);
  assertValid(JSON.parse(seedsRun.stdout), 'the CLI analysis of the seeds');

  const mixed = spawnSync(cli, ['analyze', mixedBatch()], { encoding: 'utf8' });
  assert.equal(mixed.status, 1, mixed.stderr);
  const analysis = JSON.parse(mixed.stdout);
  assert.deepEqual(analysis.rejected.map((r) => r.code), ['binary_input']);
  assert.ok(analysis.articles.some((a) => a.warnings.length > 0), 'some article has a warning');
  assertValid(analysis, 'the CLI analysis of the mixed batch');
});

test('the wasm module output validates, for the seeds and for a batch with rejections', async () => {
  const { createAnalyzer } = await import(path.join(dist, 'crosswire.js'));
  const analyzer = await createAnalyzer();
  for (const name of seeds) analyzer.addArticle({ id: name, text: readFileSync(path.join(seedsDir, name), 'utf8') });
  assertValid(analyzer.analyze(), 'the wasm analysis of the seeds');
  analyzer.clear();
  const dir = mixedBatch();
  for (const name of readdirSync(dir).sort()) {
    try {
      analyzer.addFile(readFileSync(path.join(dir, name)), name);
    } catch (error) {
      assert.equal(error.code, 'binary_input');
    }
  }
  assertValid(analyzer.analyze(), 'the wasm analysis of the mixed batch');
  analyzer.dispose();
});

test('the schema refuses changed fields', () => {
  const good = JSON.parse(readFileSync(path.join(root, 'tests/golden/seeds.expected.json'), 'utf8'));
  const changes = {
    'an extra field on a mention': (a) => { a.articles[0].mentions[0].confidence = 0.9; },
    'a missing date_reason': (a) => { delete a.articles[0].date_reason; },
    'an unknown entity type': (a) => { a.entities[0].type = 'ANIMAL'; },
    'a date in another format': (a) => { a.stories[0].date = '13/09/2024'; },
    'a link without shared entities': (a) => { delete a.stories.find((s) => s.links.length).links[0].shared; },
    'a rejection with an unknown code': (a) => { a.rejected.push({ id: 'x.txt', code: 'oops', message: 'no' }); },
    'another schema version': (a) => { a.schema = 'crosswire/2'; },
    'a top-level extra': (a) => { a.version = '1'; },
  };
  for (const [what, change] of Object.entries(changes)) {
    const copy = structuredClone(good);
    change(copy);
    assert.equal(validate(copy), false, `the schema accepts ${what}`);
  }
});

test('the TypeScript declarations list the same fields as the schema', () => {
  const file = path.join(root, 'npm/crosswire.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    interfaces.set(node.name.text, node.members.filter(ts.isPropertySignature).map((member) => ({
      name: member.name.text,
      optional: !!member.questionToken,
    })));
  });
  const pairs = {
    Analysis: schema, Article: schema.$defs.article, RemovedSpan: schema.$defs.removed, Mention: schema.$defs.mention,
    DateMention: schema.$defs.dateMention, Entity: schema.$defs.entity, Variant: schema.$defs.variant,
    VariantLink: schema.$defs.variantLink,
    Story: schema.$defs.story, Link: schema.$defs.link, Rejected: schema.$defs.rejected,
  };
  for (const [name, definition] of Object.entries(pairs)) {
    const members = interfaces.get(name);
    assert.ok(members, `npm/crosswire.d.ts declares ${name}`);
    assert.deepEqual(members.map((m) => m.name).sort(), Object.keys(definition.properties).sort(), `${name}: fields`);
    assert.deepEqual(members.filter((m) => !m.optional).map((m) => m.name).sort(), [...definition.required].sort(),
      `${name}: required fields`);
    assert.equal(definition.additionalProperties, false, `${name}: the schema allows no other fields`);
  }
});

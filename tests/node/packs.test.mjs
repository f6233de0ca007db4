// The data packs of the JS module (wasm/crosswire.js, toolchain/icu-data/): with packs "auto" only the base
// pack is loaded; loadDataFor loads what texts and files need, once; a text is refused (data_needed) rather
// than read without its pack; a pack's named data entries reach the analyzer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_DIST ?? path.join(root, 'build/wasm/dist');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
const { createAnalyzer, packsFor } = await import(path.join(dist, 'crosswire.js'));
const zh = readFileSync(path.join(root, 'tests/cjk/zh.txt'), 'utf8');
const ja = readFileSync(path.join(root, 'tests/cjk/ja.txt'), 'utf8');
const thai = readFileSync(path.join(root, 'tests/golden/seeds/001_59c1b46c6166327f.txt'), 'utf8');
// A wasm instance of its own for each test (createAnalyzer shares one unless given the bytes): what one
// test loads is not there for the next.
const fresh = () => ({ packs: 'auto', wasmBinary: readFileSync(path.join(dist, 'crosswire-core.wasm')) });

test('the packs a text needs come from its scripts and its language', () => {
  assert.deepEqual([...packsFor('Minsk and Tehran')], []);
  assert.deepEqual([...packsFor(ja)], ['cjk']);
  assert.deepEqual([...packsFor('ソウル')], ['cjk']);
  assert.deepEqual([...packsFor(thai)], ['thai']);
  assert.deepEqual([...packsFor('ພາສາລາວ ແລະ ភាសាខ្មែរ')], ['sea']);
  assert.deepEqual([...packsFor('plain text', 'ja-JP')], ['cjk']);
  assert.deepEqual([...packsFor('plain text', 'th')], ['thai']);
});

test('with packs "auto" a Japanese article waits for its pack, then matches the CLI byte for byte', async () => {
  const analyzer = await createAnalyzer(fresh());
  analyzer.addArticle({ id: 'en.txt', text: 'Minsk and Tehran urged stronger ties on Monday.' });
  analyzer.analyze();
  analyzer.clear();
  const bytes = new TextEncoder().encode(ja);
  assert.throws(() => analyzer.addFile(bytes, 'ja.txt'), (error) => error.code === 'data_needed' && /cjk/.test(error.message));
  assert.throws(() => analyzer.tokenize('バイデン'), { code: 'data_needed' });
  assert.deepEqual(await analyzer.loadDataFor([bytes]), ['cjk']);
  assert.deepEqual(await analyzer.loadDataFor([zh, bytes]), [], 'a loaded pack is not loaded again');
  analyzer.addFile(bytes, 'ja.txt');
  const expected = execFileSync(cli, ['analyze', path.join(root, 'tests/cjk/ja.txt')], { encoding: 'utf8' });
  assert.equal(analyzer.analyzeJson(), expected);
  // Words, not characters: the dictionary is in place.
  const words = analyzer.tokenize('岸田文雄首相は東京都内で会談した').map(([s, e]) => e - s);
  assert.ok(words.some((length) => length > 1), JSON.stringify(words));
  analyzer.dispose();
});

test('a file in a legacy encoding loads the legacy pack; UTF-16 needs none', async () => {
  const analyzer = await createAnalyzer(fresh());
  const utf16 = new Uint8Array([0xFF, 0xFE, ...new Uint8Array(Uint16Array.from('Minsk and Tehran urged ties.', (c) => c.charCodeAt(0)).buffer)]);
  assert.deepEqual(await analyzer.loadDataFor([utf16]), []);
  assert.equal(analyzer.addFile(utf16, 'utf16.txt').encoding, 'UTF-16LE');
  // UTF-16 without a byte order mark, with Kana: the core decodes it for the scan, which finds them.
  const mixed = 'Prime Minister Fumio Kishida met President Joe Biden (バイデン) in Tokyo on Monday.\n'.repeat(3);
  const jaUtf16 = new Uint8Array(Uint16Array.from(mixed, (c) => c.charCodeAt(0)).buffer);
  assert.throws(() => analyzer.addFile(jaUtf16, 'ja16.txt'), { code: 'data_needed' });
  assert.deepEqual(await analyzer.loadDataFor([jaUtf16]), ['cjk']);
  assert.equal(analyzer.addFile(jaUtf16, 'ja16.txt').encoding, 'UTF-16LE');
  // "Лукашенко встретился с Ахмадяном в Минске." in windows-1251.
  const cp1251 = new Uint8Array([0xCB, 0xF3, 0xEA, 0xE0, 0xF8, 0xE5, 0xED, 0xEA, 0xEE, 0x20, 0xE2, 0xF1, 0xF2, 0xF0, 0xE5,
    0xF2, 0xE8, 0xEB, 0xF1, 0xFF, 0x20, 0xF1, 0x20, 0xC0, 0xF5, 0xEC, 0xE0, 0xE4, 0xFF, 0xED, 0xEE, 0xEC, 0x20, 0xE2, 0x20,
    0xCC, 0xE8, 0xED, 0xF1, 0xEA, 0xE5, 0x2E, 0x0A]);
  assert.throws(() => analyzer.addFile(cp1251, 'ru.txt'), (error) => error.code === 'data_needed' && /legacy/.test(error.message));
  assert.deepEqual(await analyzer.loadDataFor([cp1251]), ['legacy']);
  const info = analyzer.addFile(cp1251, 'ru.txt');
  assert.equal(info.encoding, 'windows-1251');
  assert.match(info.text, /Лукашенко/);
  analyzer.dispose();
});

test("a pack's named data entries reach an analyzer that has no articles yet", async () => {
  // A copy of the module whose CJK pack also carries an aliases file, as a tagger model would come.
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-packs-'));
  try {
    cpSync(dist, dir, { recursive: true });
    const { default: packs } = await import(path.join(dist, 'crosswire-packs.js'));
    const aliases = path.join(dir, 'zz-aliases.tsv');
    writeFileSync(aliases, 'PLACE\tZembla\t泽姆布拉\n');
    const icuData = path.join(root, 'build/icu-data/cjk/icudt72l.dat');
    const file = execFileSync('python3', [path.join(root, 'toolchain/make_pack.py'), dir, 'cjk',
      `icu/icudt72l.dat=${icuData}`, `aliases/zz-extra.tsv=${aliases}`], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(dir, 'crosswire-packs.js'), `export default ${JSON.stringify({ ...packs, cjk: { file, bytes: 0 } })};\n`);
    const copy = await import(path.join(dir, 'crosswire.js'));
    const analyzer = await copy.createAnalyzer({ packs: 'auto' });
    analyzer.addAliases('PLACE\tMinsk\tMensk\n');
    const text = '泽姆布拉官员周一表示，谈判将在Mensk恢复。\n';
    assert.deepEqual(await analyzer.loadDataFor([text]), ['cjk']);
    analyzer.addArticle({ id: 'zh.txt', text });
    const names = analyzer.analyze().entities.map((entity) => entity.name);
    assert.ok(names.includes('Zembla'), `the pack's aliases file is read: ${names}`);
    assert.ok(names.includes('Minsk'), `corrections added before survive: ${names}`);
    analyzer.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

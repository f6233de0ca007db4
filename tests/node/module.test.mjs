// The public JS module under Node 20: loading, the API contract, errors, and parity with the CLI
// (byte-identical analysis JSON for the seed articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.CROSSWIRE_WASM_DIST ?? path.join(root, 'build/wasm/dist');
const cli = process.env.CROSSWIRE_CLI ?? path.join(root, 'build/native/crosswire');
const seedsDir = path.join(root, 'tests/golden/seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();

const { createAnalyzer, AnalyzerError, taskNames } = await import(path.join(dist, 'crosswire.js'));

test('the module loads and analyses an article', async () => {
  const analyzer = await createAnalyzer();
  analyzer.addArticle({ id: 'a.txt', text: 'Minsk and Tehran urged stronger ties.\nMore text follows here.' });
  const analysis = analyzer.analyze();
  assert.equal(analysis.schema, 'crosswire/1');
  assert.equal(analysis.articles.length, 1);
  assert.equal(analysis.articles[0].id, 'a.txt');
  assert.equal(analysis.stories.length, 1);
  analyzer.dispose();
});

test('offsets count UTF-16 code units, as String.prototype.slice does', async () => {
  const analyzer = await createAnalyzer();
  // An astral emoji before the names shifts UTF-16 offsets by two units per character.
  const text = '😀😀 Ali Akbar Ahmadian met Alexander Volfovich in Minsk on 13 September 2024.\n';
  analyzer.addArticle({ id: 'emoji.txt', text });
  const [article] = analyzer.analyze().articles;
  assert.equal(article.text_length, text.length);
  assert.ok(article.mentions.length > 0, 'mentions found');
  for (const m of article.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const d of article.dates) assert.equal(text.slice(d.start, d.end), d.text);
  analyzer.dispose();
});

test('errors are AnalyzerError with a code, never strings', async () => {
  const analyzer = await createAnalyzer({ maxArticleBytes: 1000 });
  analyzer.addArticle({ id: 'x', text: 'hello world' });
  assert.throws(() => analyzer.addArticle({ id: 'x', text: 'again' }),
    (e) => e instanceof AnalyzerError && e.code === 'invalid_argument' && /duplicate/.test(e.message));
  assert.throws(() => analyzer.addArticle({ id: 'big', text: 'x'.repeat(2000) }),
    (e) => e instanceof AnalyzerError && e.code === 'too_large');
  assert.throws(() => analyzer.addFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'img.png'),
    (e) => e instanceof AnalyzerError && e.code === 'binary_input');
  assert.throws(() => analyzer.addArticle({ id: 3 }), (e) => e instanceof AnalyzerError);
  // The rejected inputs are reported, the good article is still analysed.
  const analysis = analyzer.analyze();
  assert.deepEqual(analysis.articles.map((a) => a.id), ['x']);
  assert.deepEqual(analysis.rejected.map((r) => [r.id, r.code]), [['big', 'too_large'], ['img.png', 'binary_input']]);
  analyzer.dispose();
  assert.throws(() => analyzer.analyze(), (e) => e instanceof AnalyzerError);
});

test('addArticle takes the article\'s publication date', async () => {
  const analyzer = await createAnalyzer();
  const text = 'Voters went to the polls on March 3. Turnout was high, officials said.\n';
  analyzer.addArticle({ id: 'given.txt', text, published: '2021-03-05' });
  analyzer.addArticle({ id: 'none.txt', text: 'Another article without any date in it at all.\n' });
  assert.throws(() => analyzer.addArticle({ id: 'bad.txt', text, published: '05/03/2021' }),
    (e) => e instanceof AnalyzerError && e.code === 'invalid_argument' && /YYYY-MM-DD/.test(e.message));
  assert.throws(() => analyzer.addArticle({ id: 'num.txt', text, published: 20210305 }),
    (e) => e instanceof AnalyzerError && e.code === 'invalid_argument');
  const [given, none] = analyzer.analyze().articles;
  assert.equal(given.published, '2021-03-05');
  assert.equal(given.event_date, '2021-03-03');
  assert.match(given.date_reason, /given with the article/);
  assert.equal(none.published, null);
  analyzer.dispose();
});

test('addFile decodes legacy encodings in the core and returns the text', async () => {
  const analyzer = await createAnalyzer();
  const russian = 'Президент Белоруссии Александр Лукашенко встретился в Минске с секретарем Высшего совета ' +
    'национальной безопасности Ирана. Стороны обсудили сотрудничество в области промышленности и торговли.';
  // windows-1251 puts А..я at 0xC0..0xFF; the sentence has no Ё/ё.
  const bytes = Uint8Array.from(russian, (ch) => {
    const code = ch.codePointAt(0);
    return code >= 0x410 && code <= 0x44f ? code - 0x350 : code;
  });
  const info = analyzer.addFile(bytes, 'ru.txt');
  assert.equal(info.encoding, 'windows-1251');
  assert.equal(info.text, russian);
  const [article] = analyzer.analyze().articles;
  assert.equal(article.lang, 'ru');
  analyzer.dispose();
});

test('CLI and wasm give byte-identical JSON for the seed articles', async () => {
  const fromCli = execFileSync(cli, ['analyze', ...seeds.map((s) => path.join(seedsDir, s))], { encoding: 'utf8' });
  const analyzer = await createAnalyzer();
  for (const s of seeds) analyzer.addFile(new Uint8Array(readFileSync(path.join(seedsDir, s))), s);
  const json = analyzer.analyzeJson();
  const analysis = analyzer.analyze();
  analyzer.dispose();
  assert.equal(json, fromCli);
  assert.ok(analysis.entities.length > 0);
  assert.equal(analysis.articles.length, 5);
});

test('mapArticle lines added to another analyzer with addRecord analyse as the articles do', async () => {
  const articles = seeds.map((s) => ({ id: s, text: readFileSync(path.join(seedsDir, s), 'utf8') }));
  articles.push({ id: 'dated.txt', text: 'Lukashenko met Putin in Minsk on Friday.\n', published: '2024-09-13' });
  articles.push({ id: 'blank.txt', text: '  \n' });                                  // refused by the core
  articles.push({ id: 'bad-date.txt', text: 'Text.', published: '13 September' });  // refused by the core
  const direct = await createAnalyzer();
  for (const article of articles) {
    try {
      direct.addArticle(article);
    } catch (error) {
      assert.ok(error instanceof AnalyzerError);
    }
  }
  const expected = direct.analyzeJson();
  direct.dispose();

  const mapper = await createAnalyzer();
  const lines = articles.map((article) => mapper.mapArticle(article));
  const records = lines.map((line) => JSON.parse(line));
  assert.ok(records.every((r) => r.record === 'crosswire-record/2'));
  assert.deepEqual(records.filter((r) => r.rejected).map((r) => [r.id, r.rejected.code]),
    [['blank.txt', 'invalid_argument'], ['bad-date.txt', 'invalid_argument']]);
  // The mapper keeps nothing: it analyses an empty batch.
  assert.equal(mapper.analyze().articles.length, 0);
  // An empty id is refused before the core reads the article: thrown, not a record.
  assert.throws(() => mapper.mapArticle({ id: '', text: 'x' }), (e) => e instanceof AnalyzerError && e.code === 'invalid_argument');
  mapper.addArticle({ id: 'held.txt', text: 'Some text.' });
  assert.throws(() => mapper.mapArticle(articles[0]), /holds no articles/);
  mapper.dispose();

  const reducer = await createAnalyzer();
  for (const line of lines) reducer.addRecord(line);
  assert.throws(() => reducer.addRecord(lines[0]), /duplicate article id/);
  assert.throws(() => reducer.addRecord('{"record":"crosswire-record/9"}'), (e) => e.code === 'invalid_argument');
  assert.equal(reducer.analyzeJson(), expected);
  reducer.dispose();
});

// Both map rounds in JS, as the page's pool runs them: two mappers read halves of the batch with their casing
// counts, the counts are summed, each mapper turns its records into records of version 3, and the reducer
// given the sums analyses them as the articles are analysed; the CLI's two-round map writes the same lines.
test('mapArticle with casing counts, mapRecord with their sums, and addRecord analyse as the articles do', async () => {
  const articles = seeds.map((s) => ({ id: s, text: readFileSync(path.join(seedsDir, s), 'utf8') }));
  articles.push({ id: 'blank.txt', text: '  \n' });  // refused by the core: its rejection line passes through
  const direct = await createAnalyzer();
  for (const article of articles.slice(0, -1)) direct.addArticle(article);
  assert.throws(() => direct.addArticle(articles.at(-1)), AnalyzerError);
  const expected = direct.analyzeJson();
  direct.dispose();

  const halves = [articles.slice(0, 3), articles.slice(3)];
  const mappers = await Promise.all(halves.map(() => createAnalyzer()));
  const lines = halves.map((half, k) => half.map((article) => mappers[k].mapArticle(article, { countCasing: true })));
  const casing = mappers.map((mapper) => mapper.takeCasing());
  assert.ok(casing.every((line) => JSON.parse(line).casing === 'crosswire-casing/1'));
  assert.deepEqual(JSON.parse(mappers[0].takeCasing()).lower, {}, 'takeCasing starts the tally again');
  assert.throws(() => mappers[0].mapRecord(lines[0][0]), /casing counts/);
  const records = [];
  halves.forEach((half, k) => {
    for (const line of [...casing].reverse()) mappers[k].addCasingCounts(line);
    records.push(...lines[k].map((line) => mappers[k].mapRecord(line)));
  });
  const kinds = records.map((line) => JSON.parse(line)).map((r) => (r.rejected ? `rejected ${r.id}` : r.record));
  assert.deepEqual([...new Set(kinds)], ['crosswire-record/3', 'rejected blank.txt']);
  assert.equal(mappers[0].analyze().articles.length, 0, 'the mapper keeps no article');
  mappers[1].addArticle({ id: 'held.txt', text: 'Some text.' });
  assert.throws(() => mappers[1].mapRecord(lines[1][0]), /holds no articles/);
  mappers.forEach((mapper) => mapper.dispose());

  const reducer = await createAnalyzer();
  for (const line of casing) reducer.addCasingCounts(line);
  for (const line of records) reducer.addRecord(line);
  assert.equal(reducer.analyzeJson(), expected);
  assert.throws(() => reducer.addCasingCounts('{"casing":"crosswire-casing/7"}'), (e) => e.code === 'invalid_argument' && /crosswire-casing\/7/.test(e.message));
  reducer.dispose();

  // The CLI's two rounds on the same articles write the same records of version 3.
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-rounds-'));
  for (const { id, text } of articles.slice(0, -1)) writeFileSync(path.join(dir, id), text);
  const casingFile = path.join(dir, 'casing.json');
  const round1 = spawnSync(cli, ['map', '--casing-out', casingFile, ...articles.slice(0, -1).map((a) => path.join(dir, a.id))], { encoding: 'utf8' });
  assert.equal(round1.status, 0, round1.stderr);
  const round2 = spawnSync(cli, ['map', '--casing', casingFile], { encoding: 'utf8', input: round1.stdout });
  assert.equal(round2.status, 0, round2.stderr);
  assert.deepEqual(round2.stdout.trim().split('\n'), records.slice(0, -1));
});

test('articles kept with prepare() and records of another analyzer analyse as the articles do', async () => {
  // The page's batch worker: the first articles added to its own analyzer (round 1 run as they come), the rest
  // mapped elsewhere; the casing counts of both summed; round 2 of its own articles run ahead of analyze().
  const articles = seeds.map((s) => ({ id: s, text: readFileSync(path.join(seedsDir, s), 'utf8') }));
  const direct = await createAnalyzer();
  for (const article of articles) direct.addArticle(article);
  const expected = direct.analyzeJson();
  direct.dispose();
  const own = articles.slice(0, 3);
  const mapped = articles.slice(3);
  const other = await createAnalyzer();
  const lines = mapped.map((article) => other.mapArticle(article, { countCasing: true }));
  const otherCasing = other.takeCasing();
  for (const roundTwoAhead of [false, true]) {
    const keeper = await createAnalyzer();
    for (const article of own) {
      keeper.addArticle(article);
      keeper.prepare();
    }
    const ownCasing = keeper.casingCounts();
    const words = (line) => Object.keys(JSON.parse(line).lower).length;
    assert.ok(words(ownCasing) > 20, 'round 1 counted the kept articles\' words');
    keeper.addCasingCounts(ownCasing);
    keeper.addCasingCounts(otherCasing);
    assert.ok(words(keeper.casingCounts()) > words(ownCasing), 'the given counts replace its own');
    if (roundTwoAhead) keeper.prepare({ round: 2 });
    for (const line of lines) keeper.addRecord(line);
    assert.equal(keeper.analyzeJson(), expected, `round 2 ${roundTwoAhead ? 'ahead' : 'in analyze()'}`);
    assert.throws(() => keeper.prepare({ round: 3 }), (e) => e.code === 'invalid_argument');
    keeper.dispose();
  }
  other.dispose();
});

test('the analysis in two calls, its name pairs scored in pieces by another module, is analyze()\'s', async () => {
  // The page's batch step: the batch worker stops before the scoring of the name pairs; another worker's module
  // (an instance of its own, with the base pack only, as in a browser) scores a piece from its task after loading
  // the packs its names need (the seeds spell Lukashenko in Thai); the batch worker scores its piece and finishes.
  const articles = seeds.map((s) => ({ id: s, text: readFileSync(path.join(seedsDir, s), 'utf8') }));
  const direct = await createAnalyzer();
  for (const article of articles) direct.addArticle(article);
  const expected = direct.analyzeJson();
  direct.dispose();
  const other = await createAnalyzer({ packs: 'auto', wasmBinary: new Uint8Array(readFileSync(path.join(dist, 'crosswire-core.wasm'))) });
  const batch = await createAnalyzer();
  for (const article of articles) batch.addArticle(article);
  batch.beginAnalysis();
  const task = batch.pairTask(1, 2);
  assert.ok(task instanceof Uint8Array && task.length > 16);
  assert.deepEqual(await other.loadDataFor([taskNames(task)]), ['thai']);
  const scores = other.scorePairs(task);
  assert.ok(scores instanceof Float64Array && scores.length > 0, 'the piece has pairs to score');
  batch.givePairScores(1, 2, scores);
  batch.scorePairPiece(0, 2);
  assert.equal(batch.finishAnalysisJson(), expected);
  // Refusals say why; the analysis is not spoiled by them.
  assert.throws(() => batch.pairTask(2, 2), (e) => e instanceof AnalyzerError && e.code === 'invalid_argument' && /0 to parts - 1/.test(e.message));
  assert.throws(() => other.scorePairs(new Uint8Array([1, 2, 3])), (e) => e.code === 'invalid_argument' && /crosswire-pairs\/1/.test(e.message));
  batch.beginAnalysis();
  assert.throws(() => batch.givePairScores(1, 2, new Float64Array(3)), (e) => e.code === 'invalid_argument' && /two for each/.test(e.message));
  assert.equal(batch.finishAnalysisJson(), expected);
  batch.dispose();
  other.dispose();
});

test('packs loaded on demand reach the analysis as the CLI\'s data does (Thai)', async () => {
  // A wasm instance of its own that starts with the base pack only, as in a browser: the thai pack
  // arrives with loadDataFor, after the analyzer was created.
  const analyzer = await createAnalyzer({ packs: 'auto', wasmBinary: new Uint8Array(readFileSync(path.join(dist, 'crosswire-core.wasm'))) });
  assert.deepEqual(await analyzer.loadDataFor(seeds.map((s) => readFileSync(path.join(seedsDir, s), 'utf8'))), ['thai']);
  for (const s of seeds) analyzer.addArticle({ id: s, text: readFileSync(path.join(seedsDir, s), 'utf8') });
  const json = analyzer.analyzeJson();
  analyzer.dispose();
  assert.equal(json, execFileSync(cli, ['analyze', ...seeds.map((s) => path.join(seedsDir, s))], { encoding: 'utf8' }));
});

test('tagger: true loads the tagger pack and gives the JSON of the CLI\'s --tagger', async () => {
  // Seeds plus articles where the tagger's models of the cased scripts decide (German nouns are all
  // capitalised; Polish case endings), written to files for the CLI.
  const dir = mkdtempSync(path.join(tmpdir(), 'crosswire-tagger-'));
  const extra = {
    'de.txt': 'Die Bundeskanzlerin traf am Montag in Berlin den Vorstand der Deutschen Bahn. ' +
      'Nach dem Gespräch sagte Olaf Scholz, die Regierung werde die Verträge prüfen.\n',
    'pl.txt': 'Prezydent Andrzej Duda spotkał się w Warszawie z przedstawicielami Komisji Europejskiej. ' +
      'Rozmowy dotyczyły Funduszu Odbudowy i sytuacji na Ukrainie.\n',
  };
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  const files = [...seeds.map((s) => path.join(seedsDir, s)), ...Object.keys(extra).map((n) => path.join(dir, n))];
  const fromCli = execFileSync(cli, ['analyze', '--tagger', ...files], { encoding: 'utf8' });
  const withoutTagger = execFileSync(cli, ['analyze', ...files], { encoding: 'utf8' });
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  rmSync(dir, { recursive: true });
  assert.notEqual(fromCli, withoutTagger, 'the tagger changes these analyses');
  // A wasm instance of its own that starts with the base pack only, as in a browser: the tagger
  // pack is fetched when the analyzer is created.
  const analyzer = await createAnalyzer({ tagger: true, packs: 'auto', wasmBinary: new Uint8Array(readFileSync(path.join(dist, 'crosswire-core.wasm'))) });
  await analyzer.loadDataFor(bytes);
  files.forEach((f, i) => analyzer.addFile(bytes[i], path.basename(f)));
  assert.equal(analyzer.analyzeJson(), fromCli);
  analyzer.dispose();
  await assert.rejects(createAnalyzer({ tagger: 'yes' }), (e) => e instanceof AnalyzerError && e.code === 'invalid_argument');
});

test('several analyzers coexist without sharing state', async () => {
  const a = await createAnalyzer();
  const b = await createAnalyzer();
  a.addArticle({ id: 'one', text: 'Tehran and Minsk signed an agreement on Monday in Tehran.' });
  assert.equal(b.analyze().articles.length, 0);
  assert.equal(a.analyze().articles.length, 1);
  a.dispose();
  b.dispose();
});

test('tokenize gives the core segmenter\'s words as UTF-16 spans', async () => {
  const analyzer = await createAnalyzer();
  const text = '😀 Minsk, 13 กันยายน ทั้งสองฝ่าย';
  const spans = analyzer.tokenize(text, 'th');
  const words = spans.map(([s, e]) => text.slice(s, e));
  assert.deepEqual(words, ['Minsk', '13', 'กันยายน', 'ทั้ง', 'สอง', 'ฝ่าย']);
  assert.deepEqual(spans[0], [3, 8]);  // the emoji before counts two UTF-16 units
  analyzer.dispose();
});

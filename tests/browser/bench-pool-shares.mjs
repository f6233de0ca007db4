#!/usr/bin/env node
// The shares of the page's worker pool (web/src/engine.js), each on one thread under Node (the same V8 and wasm
// module as the page's workers): map round 1 of every article (mapArticle with its casing counts), map round 2
// of every record with the batch's summed counts (mapRecord), the reduce step over the records of version 3
// (addCasingCounts + addRecord + analyze) and the direct analysis (addArticle + analyze), on the end-to-end
// batches of bench-e2e.mjs; best of 2. The bound of n workers is direct / ((map 1 + map 2) / n + reduce): the
// time a pool would take on n free cores, with the reduce step alone in the first worker and nothing lost
// to copying between threads; and, for a pool of two (round 1 only in the pool), the reduce step over the records
// of round 1 with the summed counts, bound direct / (map 1 / 2 + that reduce). Single-thread times, so the ratios hold up better than the pool's own wall
// times when other work shares the machine; each is given as wall time and as the process's CPU time
// (process.cpuUsage: the wasm runs on this thread), which holds up better still.
// Then what web/src/engine.js runs: the batch step's worker keeping the articles of its own shares (addArticle +
// prepare) while the other maps the rest from the back; round 2 of its own (prepare({ round: 2 })) and of the
// round-1 records it takes next, while the other writes records of version 3 of the rest; the reduce step over
// those. The splits are where both workers end together at the measured paces; bound = direct / (the longer
// side of round 1 + the casing sum + the longer side of round 2 + that reduce step); and with the reduce step's
// name pairs scored in two pieces, one in each worker (the longer piece counts).
//   node tests/browser/bench-pool-shares.mjs [--dist=DIR] [--sizes=1000,5000]
//   --dist: another build's wasm dist folder (default build/wasm/dist), to compare builds in one run.
import { join, resolve } from 'node:path';
import { benchFiles } from './bench-lib.mjs';
import { root } from './helpers.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dist = resolve(option('dist', join(root, 'build/wasm/dist')));
const sizes = option('sizes', '1000,5000').split(',').map(Number);
const { createAnalyzer } = await import(join(dist, 'crosswire.js'));
const files = await benchFiles();
const ms = (x) => `${x.toFixed(0)} ms`;
// The sum of casing lines, as the page's CasingSum makes it.
function sumCasing(lines) {
  const [lower, inside] = [new Map(), new Map()];
  for (const line of lines) {
    const counts = JSON.parse(line);
    for (const [into, from] of [[lower, counts.lower], [inside, counts.capitalized_inside]]) {
      for (const [word, n] of Object.entries(from)) into.set(word, (into.get(word) ?? 0) + n);
    }
  }
  return JSON.stringify({ casing: 'crosswire-casing/1', lower: Object.fromEntries(lower), capitalized_inside: Object.fromEntries(inside) });
}
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
// Runs `work`, returning its result and adding its wall and CPU milliseconds to `into[key]`.
function timed(into, key, work) {
  const [wall, cpu] = [performance.now(), cpuMs()];
  const result = work();
  into[key] = (into[key] ?? 0) + performance.now() - wall;
  into[`${key}Cpu`] = (into[`${key}Cpu`] ?? 0) + cpuMs() - cpu;
  return result;
}
for (const size of sizes) {
  const articles = files[`batch-${size}.json`];
  const rows = [];
  for (let run = 0; run < 2; run += 1) {
    const row = {};
    const direct = await createAnalyzer();
    const json = timed(row, 'd', () => {
      for (const a of articles) direct.addArticle(a);
      return direct.analyzeJson();
    });
    direct.dispose();

    const mapper = await createAnalyzer();
    const [lines, casing] = timed(row, 'm1', () => [articles.map((a) => mapper.mapArticle(a, { countCasing: true })), mapper.takeCasing()]);
    const lines3 = timed(row, 'm2', () => {
      mapper.addCasingCounts(casing);
      return lines.map((l) => mapper.mapRecord(l));
    });
    mapper.dispose();

    const reducer = await createAnalyzer();
    timed(row, 'r', () => {
      reducer.addCasingCounts(casing);
      for (const l of lines3) reducer.addRecord(l);
    });
    const json2 = timed(row, 'b', () => reducer.analyzeJson());
    row.r += row.b;
    row.rCpu += row.bCpu;
    reducer.dispose();
    // The reduce step of a pool of two (web/src/engine.js): records of round 1 with the summed counts, round 2
    // in the batch step's worker.
    const reducer1 = await createAnalyzer();
    const json1 = timed(row, 'r1', () => {
      reducer1.addCasingCounts(casing);
      for (const l of lines) reducer1.addRecord(l);
      return reducer1.analyzeJson();
    });
    reducer1.dispose();
    // The batch step's worker reading its own share (web/src/engine.js): round 1 of every article kept in an
    // analyzer (addArticle + prepare) gives its pace; the shares of round 1 then split the batch so that both
    // workers end together: the first k articles kept by the batch worker, the rest mapped by the other.
    const keeperAll = await createAnalyzer();
    timed(row, 'o1', () => {
      for (const a of articles) {
        keeperAll.addArticle(a);
        keeperAll.prepare();
      }
    });
    keeperAll.dispose();
    const k = Math.round(articles.length * row.m1Cpu / (row.m1Cpu + row.o1Cpu));
    row.k = k;
    const tail = articles.slice(k);
    // Two keepers of the first k articles: one runs round 2 of its own while the other worker runs round 2 of
    // the tail (version-3 records), one runs round 2 of everything in the batch step (version-2 records).
    const [keeper, keeperA] = [await createAnalyzer(), await createAnalyzer()];
    timed(row, 'ok', () => {
      for (const a of articles.slice(0, k)) {
        keeper.addArticle(a);
        keeper.prepare();
      }
    });
    for (const a of articles.slice(0, k)) keeperA.addArticle(a);
    keeperA.prepare();
    const other = await createAnalyzer();
    const [tailLines, tailCasing] = timed(row, 'mt', () => [tail.map((a) => other.mapArticle(a, { countCasing: true })), other.takeCasing()]);
    const sum = timed(row, 'sum', () => sumCasing([keeper.casingCounts(), tailCasing]));
    const tailLines3 = timed(row, 'm2t', () => {
      other.addCasingCounts(sum);
      return tailLines.map((l) => other.mapRecord(l));
    });
    other.dispose();
    timed(row, 'o2', () => {
      keeper.addCasingCounts(sum);
      keeper.prepare({ round: 2 });
    });
    // Then, as in the page, it takes round-1 records from the front of the rest (round 2 there) while the other
    // maps round 2 from the back: the pace of both gives the split j of the tail at which they end together.
    const paced = await createAnalyzer();
    paced.addCasingCounts(sum);
    timed(row, 'kr', () => {
      for (const l of tailLines) paced.addRecord(l);
      paced.prepare({ round: 2 });
    });
    paced.dispose();
    const [o2, kr, m2t] = [row.o2Cpu, row.krCpu, row.m2tCpu];
    // o2 + j kr / T = (T - j) m2t / T
    row.j = Math.max(0, Math.min(tail.length, Math.round(tail.length * (m2t - o2) / (kr + m2t))));
    timed(row, 'kj', () => {
      for (const l of tailLines.slice(0, row.j)) keeper.addRecord(l);
      keeper.prepare({ round: 2 });
    });
    // The reduce step with its name pairs in two pieces: the batch worker stops before scoring them (with the
    // task of the second piece written), scores the first piece while the other worker scores the second from its
    // task (its own analyzer: the names' keys made again there), and finishes with those scores. For the reduce
    // step without the split, the batch worker also scores the second piece itself (own1).
    const task = timed(row, 'rB1', () => {
      for (const l of tailLines3.slice(row.j)) keeper.addRecord(l);
      keeper.beginAnalysis();
      return keeper.pairTask(1, 2);
    });
    row.taskBytes = task.length;
    timed(row, 'own', () => keeper.scorePairPiece(0, 2));
    const helper = await createAnalyzer();
    const scores = timed(row, 'help', () => helper.scorePairs(task));
    helper.dispose();
    timed(row, 'own1', () => keeper.scorePairPiece(1, 2));
    const jsonB = timed(row, 'fin', () => {
      keeper.givePairScores(1, 2, scores);
      return keeper.finishAnalysisJson();
    });
    for (const suffix of ['', 'Cpu']) row[`rB${suffix}`] = row[`rB1${suffix}`] + row[`own${suffix}`] + row[`own1${suffix}`] + row[`fin${suffix}`];
    keeper.dispose();
    const jsonA = timed(row, 'rA', () => {
      keeperA.addCasingCounts(sum);
      for (const l of tailLines) keeperA.addRecord(l);
      return keeperA.analyzeJson();
    });
    keeperA.dispose();
    if (json !== json2 || json !== json1 || json !== jsonA || json !== jsonB) {
      throw new Error(`${size} articles: the records' analysis differs from the direct one`);
    }
    rows.push(row);
  }
  for (const [kind, suffix] of [['wall', ''], ['CPU', 'Cpu']]) {
    const best = (k) => Math.min(...rows.map((x) => x[k + suffix]));
    const [d, m1, m2, r, b, r1] = [best('d'), best('m1'), best('m2'), best('r'), best('b'), best('r1')];
    const m = m1 + m2;
    const bound = (n) => (d / (m / n + r)).toFixed(2);
    console.log(`${size} (${kind}): direct ${ms(d)}, map round 1 ${ms(m1)}, round 2 ${ms(m2)} (map ${(100 * m / d).toFixed(0)}% of direct), ` +
      `reduce ${ms(r)} (${(100 * r / d).toFixed(0)}%; its batch step ${ms(b)}, ${(100 * b / d).toFixed(0)}%); bound 2 workers ${bound(2)}x, 4 workers ${bound(4)}x; ` +
      `reduce of round-1 records ${ms(r1)}: bound of a pool of two with round 2 in the batch step's worker ${(d / (m1 / 2 + r1)).toFixed(2)}x`);
    // The batch worker's own share, from the best run's parts (one run: their sum must fit together).
    const row = rows.reduce((a, b) => (a[`d${suffix}`] + a[`rB${suffix}`] <= b[`d${suffix}`] + b[`rB${suffix}`] ? a : b));
    const t = (key) => row[key + suffix];
    const round1 = Math.max(t('ok'), t('mt')) + t('sum');
    const tailLength = articles.length - row.k;
    const ownB = round1 + Math.max(t('o2') + t('kj'), t('m2t') * (tailLength - row.j) / tailLength) + t('rB');
    const ownA = round1 + t('rA');
    const ownP = ownB - t('rB') + t('rB1') + Math.max(t('own'), t('help')) + t('fin');
    console.log(`${size} (${kind}), the batch worker's own share: round 1 of all kept ${ms(t('o1'))} (map round 1 ${ms(t('m1'))}); ` +
      `split ${row.k} own + ${tailLength} mapped: round 1 ${ms(t('ok'))} own | ${ms(t('mt'))} mapped, casing sum ${ms(t('sum'))}; ` +
      `round 2 ${ms(t('o2'))} own + ${ms(t('kj'))} for ${row.j} records taken | ${ms(t('m2t') * (tailLength - row.j) / tailLength)} mapped (pro rata), then reduce ${ms(t('rB'))}: bound ${(t('d') / ownB).toFixed(2)}x; ` +
      `round 2 in the batch step (reduce of version-2 records ${ms(t('rA'))}): bound ${(t('d') / ownA).toFixed(2)}x (direct ${ms(t('d'))}); ` +
      `the name pairs in two pieces: reduce up to them ${ms(t('rB1'))} (task of the second ${(row.taskBytes / 1e6).toFixed(1)} MB), ` +
      `first piece ${ms(t('own'))} here | second ${ms(t('help'))} in the other worker (${ms(t('own1'))} here), finish ${ms(t('fin'))}: bound ${(t('d') / ownP).toFixed(2)}x`);
  }
}

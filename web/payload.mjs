// The payload of the web app: every file that ships, raw and gzipped, and what a visitor downloads on a
// first visit by the scripts of the articles, against the budget. Printed by web/build.mjs and checked by
// tests/node/payload.test.mjs, which fails past the budget.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

// A first visit without CJK or Southeast Asian text: app + worker + module + base data, gzipped.
export const FIRST_VISIT_BUDGET = 1_500_000;

// What every first visit loads; a pack comes on top when the articles need it.
const FIRST_VISIT = /^(index\.html|page\.css|crosswire-app\.js|crosswire-shared-[^/]+\.js|worker\.js|sw\.js|crosswire\.js|crosswire-packs\.js|crosswire-core\.(js|wasm))$/;

/** The data packs of a build folder: { name: file name }, from its crosswire-packs.js. */
export async function packFiles(dir) {
  const url = pathToFileURL(join(dir, 'crosswire-packs.js'));
  url.search = `?${Date.now()}`; // a rebuilt list, not the one imported before
  const { default: packs } = await import(url.href);
  return Object.fromEntries(Object.entries(packs).map(([name, pack]) => [name, pack.file]));
}

// The files under `dir`, as paths relative to it, sorted.
export async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), path)));
    else out.push(path);
  }
  return out.sort();
}

/**
 * Sizes of a built web/dist: { files: [{ path, raw, gz }], visits: [{ label, gz, budget? }] }. The visits
 * are the first visit without CJK/Southeast Asian text, and with each script pack on top.
 */
export async function payload(distDir) {
  const files = [];
  for (const path of await listFiles(distDir)) {
    const bytes = await readFile(join(distDir, path));
    files.push({ path, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
  }
  const packs = await packFiles(distDir);
  const gzOf = (path) => files.find((file) => file.path === path)?.gz ?? 0;
  const base = files.filter((file) => FIRST_VISIT.test(file.path)).reduce((sum, file) => sum + file.gz, 0) + gzOf(packs.base);
  const visits = [
    { label: 'first visit, no CJK/SE Asian text (app + worker + module + base pack)', gz: base, budget: FIRST_VISIT_BUDGET },
    { label: 'first visit with Chinese/Japanese (+ cjk pack)', gz: base + gzOf(packs.cjk) },
    { label: 'first visit with Thai (+ thai pack)', gz: base + gzOf(packs.thai) },
    { label: 'first visit with Lao/Khmer/Burmese (+ sea pack)', gz: base + gzOf(packs.sea) },
    { label: 'a dropped file in a legacy encoding (+ legacy pack)', gz: gzOf(packs.legacy) },
    { label: 'the trained tagger of the other scripts, when asked for (+ tagger pack)', gz: gzOf(packs.tagger) },
  ];
  return { files, visits, packs };
}

/** The payload as the table the build prints. */
export function formatPayload({ files, visits }) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(12);
  const lines = files.map(({ path, raw, gz }) => `  ${path.padEnd(52)}${kb(raw)}${kb(gz)} gz`);
  for (const { label, gz, budget } of visits) {
    const verdict = budget ? ` (budget ${kb(budget).trim()} gz${gz > budget ? ', OVER' : ''})` : '';
    lines.push(`  ${label.padEnd(76)}${kb(gz)} gz${verdict}`);
  }
  return lines.join('\n');
}

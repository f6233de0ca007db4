// The aliases file (docs/ARCHITECTURE.md) and the list of corrections it is made from. Every merge, split,
// rename and article move made in the page is one correction: a dated entry with the aliases lines that say it.
// The list is the single source; the aliases text the core reads (and the file the user exports) is generated
// from it, so the CLI (`crosswire analyze --aliases FILE`) gives the same entities and stories the page shows.
// Lines: `TYPE<TAB>canonical<TAB>variant…` (one entity), `APART<TAB>spelling<TAB>spelling…` (never one entity),
// `STORY<TAB>article<TAB>article of the story it joins`; a later line wins over an earlier one.

const types = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);
const kinds = new Set([...types, 'APART', 'STORY']);

/** Parses aliases text into lines, skipping comments and malformed lines (counted in `skipped`). */
export function parseAliases(text) {
  const entries = [];
  let skipped = 0;
  for (const rawLine of String(text).split(/\r?\n/)) {
    const line = rawLine.replace(/^\uFEFF/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const fields = line.split('\t').map((field) => field.trim()).filter(Boolean);
    const ok = kinds.has(fields[0]) && (types.has(fields[0]) ? fields.length >= 2 : fields[0] === 'STORY' ? fields.length === 3 : fields.length >= 3);
    if (!ok) {
      skipped += 1;
      continue;
    }
    entries.push({ type: fields[0], name: fields[1], variants: fields.slice(2), line: fields.join('\t') });
  }
  return { entries, skipped };
}

// Tabs and line breaks would break the line format; names never need them.
const clean = (text) => String(text).replace(/[\t\r\n]+/g, ' ').trim();

export function formatAliasLine({ type, name, variants }) {
  const unique = [...new Set(variants.map(clean).filter((variant) => variant && variant !== clean(name)))];
  return [type, clean(name), ...unique].join('\t');
}

/** The line that makes two entities one: the first entity's name stays canonical. */
export function mergeLine(first, second) {
  return formatAliasLine({
    type: first.type,
    name: first.name,
    variants: [first.name, second.name, ...first.variants.map((v) => v.text), ...second.variants.map((v) => v.text)],
  });
}

/**
 * The line that takes one spelling out of an entity: the spelling and the entity's name (or, when the spelling
 * is the name, its next spelling) are kept apart. Being later, it also undoes an earlier merge of the two.
 */
export function splitLine(entity, variantText) {
  const keep = entity.name === variantText ? entity.variants.map((v) => v.text).find((text) => text !== variantText) ?? entity.name : entity.name;
  return ['APART', clean(keep), clean(variantText)].join('\t');
}

/** The line that gives an entity another canonical name (and keeps every spelling it has). */
export function renameLine(entity, newName) {
  return formatAliasLine({ type: entity.type, name: newName, variants: [entity.name, ...entity.variants.map((v) => v.text)] });
}

export function moveLine(articleId, withArticleId) {
  return ['STORY', clean(articleId), clean(withArticleId)].join('\t');
}

let counter = 0;

/** A correction: {id, kind (merge, split, rename, move, import), label, lines, time (ms since the epoch)}. */
export function makeCorrection(kind, label, lines, time = Date.now()) {
  counter += 1;
  return { id: `c${time.toString(36)}-${counter}`, kind, label: clean(label), lines: [...lines], time };
}

/** The aliases text of a list of corrections, oldest first, each under a dated comment. */
export function aliasesText(corrections) {
  const blocks = corrections.map((c) => `# ${new Date(c.time).toISOString()} ${c.kind}: ${c.label}\n${c.lines.join('\n')}\n`);
  return `# Crosswire aliases: TYPE<TAB>canonical<TAB>variant… · APART<TAB>spelling<TAB>spelling… · STORY<TAB>article<TAB>article\n${blocks.join('')}`;
}

/** The STORY lines of the corrections, as {articleId, withArticleId}; the last one of an article wins. */
export function storyMoves(corrections) {
  const moves = new Map();
  for (const c of corrections) {
    for (const line of c.lines) {
      const [kind, articleId, withArticleId] = line.split('\t');
      if (kind === 'STORY' && articleId && withArticleId) {
        moves.delete(articleId);
        moves.set(articleId, { articleId, withArticleId });
      }
    }
  }
  return [...moves.values()];
}

/**
 * Corrections from the aliases text of an older workspace (version 1 kept one text: `# comment` blocks of lines,
 * and article moves as `#@move<TAB>article<TAB>article` comments).
 */
export function correctionsFromAliases(text, time = Date.now()) {
  const corrections = [];
  let label = 'correction';
  let lines = [];
  const flush = () => {
    if (lines.length) corrections.push(makeCorrection(kindOf(label, lines), label, lines, time));
    lines = [];
  };
  for (const raw of String(text ?? '').split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.startsWith('#@move\t')) {
      const [articleId, withArticleId] = line.slice('#@move\t'.length).split('\t');
      if (articleId && withArticleId) lines.push(moveLine(articleId, withArticleId));
    } else if (line.startsWith('#')) {
      flush();
      label = line.replace(/^#\s*/, '') || 'correction';
    } else if (line.trim()) {
      lines.push(line);
    }
  }
  flush();
  return corrections;
}

function kindOf(label, lines) {
  if (lines.every((line) => line.startsWith('STORY\t'))) return 'move';
  const word = label.split(' ')[0];
  return ['merged', 'split', 'renamed', 'moved', 'imported'].includes(word) ? { merged: 'merge', split: 'split', renamed: 'rename', moved: 'move', imported: 'import' }[word] : 'import';
}

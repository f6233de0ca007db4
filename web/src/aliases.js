// The aliases file (docs/ARCHITECTURE.md): `TYPE<TAB>canonical<TAB>variant…` per line, `#` starts a comment.
// Merges and splits made in the page become lines of this file, so a user's corrections are portable: the
// CLI (`crosswire analyze --aliases FILE`) gives the same entities the page shows.

const types = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

/** Parses aliases text into entries, skipping comments and malformed lines (counted in `skipped`). */
export function parseAliases(text) {
  const entries = [];
  let skipped = 0;
  for (const rawLine of String(text).split(/\r?\n/)) {
    const line = rawLine.replace(/^\uFEFF/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const fields = line.split('\t').map((field) => field.trim()).filter(Boolean);
    if (fields.length < 2 || !types.has(fields[0])) {
      skipped += 1;
      continue;
    }
    entries.push({ type: fields[0], name: fields[1], variants: fields.slice(2) });
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
 * The lines that take one spelling out of an entity: the rest stay together under the old name, and the
 * spelling becomes an entity of its own.
 */
export function splitLines(entity, variantText) {
  const rest = entity.variants.map((v) => v.text).filter((text) => text !== variantText);
  const keptName = entity.name === variantText ? rest[0] ?? entity.name : entity.name;
  return [
    formatAliasLine({ type: entity.type, name: keptName, variants: rest }),
    formatAliasLine({ type: entity.type, name: variantText, variants: [] }),
  ];
}

/** Appends lines with a dated comment so an exported file says where each correction came from. */
export function appendCorrection(aliasesText, comment, lines) {
  const head = aliasesText && !aliasesText.endsWith('\n') ? `${aliasesText}\n` : aliasesText ?? '';
  return `${head}# ${clean(comment)}\n${lines.join('\n')}\n`;
}

// Moving an article to another story is not something the core's aliases can say, so it is kept as a
// directive in a comment: the core ignores it and the page applies it after each analysis.
const movePrefix = '#@move\t';

export function moveLine(articleId, withArticleId) {
  return `${movePrefix}${clean(articleId)}\t${clean(withArticleId)}`;
}

export function parseMoves(aliasesText) {
  const moves = [];
  for (const line of String(aliasesText ?? '').split(/\r?\n/)) {
    if (!line.startsWith(movePrefix)) continue;
    const [articleId, withArticleId] = line.slice(movePrefix.length).split('\t');
    if (articleId && withArticleId) moves.push({ articleId, withArticleId });
  }
  return moves;
}

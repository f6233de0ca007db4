// Exports of what the views show: the analysis JSON and CSV tables of entities, mentions and stories.

// RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never evaluates an article's text as a formula.
function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// A UTF-8 byte order mark first: without it, Excel reads the file in the local code page and garbles Cyrillic,
// Thai and every other non-Latin name.
function csv(header, rows) {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function entitiesCsv(model) {
  return csv(
    ['id', 'type', 'name', 'variants', 'languages', 'mentions', 'articles'],
    model.analysis.entities.map((entity) => [
      entity.id,
      entity.type,
      entity.name,
      entity.variants.map((v) => v.text).join(' | '),
      [...new Set(entity.variants.map((v) => v.lang))].join(' '),
      entity.mentions,
      entity.articles.join(' '),
    ]),
  );
}

export function mentionsCsv(model) {
  const rows = [];
  for (const article of model.analysis.articles) {
    for (const mention of article.mentions) {
      rows.push([article.id, mention.start, mention.end, mention.text, mention.type, mention.entity,
        model.entityName(mention.entity)]);
    }
  }
  return csv(['article', 'start', 'end', 'text', 'type', 'entity', 'entity_name'], rows);
}

export function storiesCsv(model) {
  return csv(
    ['id', 'label', 'date', 'languages', 'articles', 'entities'],
    model.analysis.stories.map((story) => [
      story.id,
      story.label,
      story.date ?? '',
      model.storyLanguages(story).join(' '),
      story.articles.join(' '),
      story.entities.map((id) => model.entityName(id)).join(' | '),
    ]),
  );
}

export function analysisJson(model) {
  return `${JSON.stringify(model.analysis, null, 2)}\n`;
}

/** Offers text as a file download. */
export function download(name, text, type, parent = document.body) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The Article view: the article's text with mentions, dates and removed boilerplate marked. The text is cut at
// the analysis' UTF-16 offsets (String.prototype.slice counts the same units) and every piece is a text node.
import { h } from '../dom.js';
import { rovingList } from '../roving.js';

const typeNames = { PERSON: 'person', ORG: 'organisation', PLACE: 'place', MISC: 'other name' };
export const typeLabel = (type) => typeNames[type] ?? String(type).toLowerCase();

/** For each elementary piece of [0, length), the index of the span covering it in `spans`, or -1. */
function coverage(points, spans, length) {
  const cover = new Int32Array(points.length - 1).fill(-1);
  const indexOf = (offset) => {
    let low = 0;
    let high = points.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (points[middle] < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  spans.forEach((span, spanIndex) => {
    const start = Math.max(0, Math.min(length, span.start));
    const end = Math.max(start, Math.min(length, span.end));
    for (let i = indexOf(start); i < indexOf(end); i += 1) if (cover[i] === -1) cover[i] = spanIndex;
  });
  return cover;
}

/**
 * The article's text as DOM: removed passages wrap their pieces in one collapsible span; mentions are focusable
 * <mark>s that name their entity in data attributes; dates are <time>s.
 */
export function renderMarkedText(text, article) {
  const mentions = article?.mentions ?? [];
  const dates = article?.dates ?? [];
  const removed = article?.removed ?? [];
  const length = text.length;
  const offsets = new Set([0, length]);
  for (const span of [...mentions, ...dates, ...removed]) {
    offsets.add(Math.max(0, Math.min(length, span.start)));
    offsets.add(Math.max(0, Math.min(length, span.end)));
  }
  const points = [...offsets].sort((a, b) => a - b);
  const byMention = coverage(points, mentions, length);
  const byDate = coverage(points, dates, length);
  const byRemoved = coverage(points, removed, length);

  const root = h('div', { class: 'article-text', lang: article?.lang && article.lang !== 'und' ? article.lang : undefined });
  let removedBox = null;
  let removedIndex = -1;
  let i = 0;
  while (i < points.length - 1) {
    // Merge neighbouring pieces covered by the same mention, date and removed span.
    let j = i + 1;
    while (j < points.length - 1 && byMention[j] === byMention[i] && byDate[j] === byDate[i] && byRemoved[j] === byRemoved[i]) j += 1;
    const piece = text.slice(points[i], points[j]);
    const mention = mentions[byMention[i]];
    const date = dates[byDate[i]];
    let node;
    if (mention) {
      node = h('mark', {
        class: `mention type-${String(mention.type).toLowerCase()}${date ? ' date' : ''}`,
        tabindex: '-1',
        dataset: date?.value ? { entity: mention.entity, type: mention.type, value: date.value } : { entity: mention.entity, type: mention.type },
      }, piece);
    } else if (date) {
      // The resolved value is shown after the text by CSS (data-value), so the element's text stays the article's.
      node = h('time', { class: 'date', datetime: date.value ?? undefined, title: date.value ? `date: ${date.value}` : 'date', dataset: date.value ? { value: date.value } : {} }, piece);
    } else {
      node = document.createTextNode(piece);
    }
    if (byRemoved[i] !== -1) {
      if (byRemoved[i] !== removedIndex) {
        removedIndex = byRemoved[i];
        const reason = removed[removedIndex].reason ?? 'removed';
        removedBox = h('span', { class: 'removed', title: `removed: ${reason}`, dataset: { reason } });
        // The marker's label comes from CSS, so the element's text stays exactly the article's text.
        root.append(h('span', { class: 'removed-marker', 'aria-hidden': 'true', dataset: { reason } }), removedBox);
      }
      removedBox.append(node);
    } else {
      removedIndex = -1;
      root.append(node);
    }
    i = j;
  }
  return root;
}

/** The tooltip's content for one entity: canonical name, type and every spelling with its language. */
export function entityCard(entity, mentionText) {
  if (!entity) return [h('strong', {}, mentionText)];
  return [
    h('strong', {}, entity.name),
    h('span', { class: 'tip-type' }, ` · ${typeLabel(entity.type)}`),
    h('ul', { class: 'tip-variants' }, entity.variants.slice(0, 12).map((variant) =>
      h('li', {}, variant.text, h('span', { class: 'lang' }, variant.lang ?? '')))),
    entity.variants.length > 12 ? h('div', {}, `+ ${entity.variants.length - 12} more spellings`) : null,
    h('div', { class: 'tip-count' }, `${entity.mentions} mentions in ${entity.articles.length} article(s)`),
  ];
}

export function renderArticleView(ctx) {
  const { model, articles, view } = ctx;
  const selectedId = articles.some((a) => a.id === view.articleId) ? view.articleId : articles[0]?.id;
  const list = h('nav', { class: 'article-list', 'aria-label': 'Articles' },
    h('ul', {}, articles.map((stored) => {
      const analysed = model?.articles.get(stored.id);
      return h('li', {}, h('button', {
        type: 'button',
        class: 'article-link',
        'aria-current': stored.id === selectedId ? 'true' : undefined,
        onclick: () => ctx.openArticle(stored.id),
      },
      h('span', { class: 'article-link-title' }, analysed?.title || stored.id),
      h('span', { class: 'article-link-meta' }, [analysed?.lang, model?.articleDate(analysed), stored.id].filter(Boolean).join(' · '))));
    })));

  const stored = articles.find((a) => a.id === selectedId);
  if (!stored) return h('div', { class: 'article-view' }, list, h('p', { class: 'empty' }, 'No article selected.'));
  const analysed = model?.articles.get(stored.id);
  const story = model?.storyOfArticle.get(stored.id);
  const removedCount = analysed?.removed?.length ?? 0;
  // One tab stop for the article's names and one for the list; the arrow keys move inside each.
  const textBox = rovingList(renderMarkedText(stored.text, analysed), 'mark.mention');
  rovingList(list, '.article-link');
  if (!view.showRemoved) textBox.classList.add('hide-removed');

  const counts = {};
  for (const mention of analysed?.mentions ?? []) counts[mention.type] = (counts[mention.type] ?? 0) + 1;

  const header = h('header', { class: 'article-head' },
    h('h2', { class: 'article-title' }, analysed?.title || stored.id),
    h('dl', { class: 'facts' },
      fact('File', stored.id),
      fact('Language', analysed?.lang),
      publishedField(stored, analysed, ctx),
      fact('Event date', analysed?.event_date),
      fact('Why these dates', analysed?.date_reason),
      fact('Encoding', stored.encoding),
      story ? h('div', {}, h('dt', {}, 'Story'), h('dd', {}, h('button', { type: 'button', class: 'link', onclick: () => ctx.openStory(story.id) }, story.label || story.id))) : null),
    [...(stored.warnings ?? []), ...(analysed?.warnings ?? [])].length
      ? h('ul', { class: 'warnings' }, [...new Set([...(stored.warnings ?? []), ...(analysed?.warnings ?? [])])].map((w) => h('li', {}, w)))
      : null,
    h('div', { class: 'legend', 'aria-label': 'Highlight legend' },
      ['PERSON', 'ORG', 'PLACE', 'MISC'].map((type) => h('span', { class: `mention type-${type.toLowerCase()} legend-item` }, `${typeLabel(type)} ${counts[type] ?? 0}`)),
      h('time', { class: 'date legend-item' }, `date ${analysed?.dates?.length ?? 0}`),
      removedCount ? h('button', {
        type: 'button',
        class: 'toggle-removed',
        'aria-pressed': view.showRemoved ? 'true' : 'false',
        onclick: () => ctx.setView({ showRemoved: !view.showRemoved }),
      }, view.showRemoved ? `Collapse removed text (${removedCount})` : `Show removed text (${removedCount})`) : null));

  return h('div', { class: 'article-view' }, list, h('article', { class: 'article-body', 'aria-label': 'Article text' }, header, textBox));
}

// The publication date: the date given with the article (editable; a change re-runs the analysis), and the one the
// analysis used when the text states it.
function publishedField(stored, analysed, ctx) {
  // A text field (one tab stop: a date input has one per part, which would put the article's names out of
  // keyboard reach); the value is checked when it is set.
  // Enter and the change that follows on leaving the field set the same value once.
  let committed = stored.published ?? '';
  const commit = (event) => {
    const value = event.target.value.trim();
    if (value === committed) return;
    committed = value;
    ctx.setPublished(stored.id, value);
  };
  const input = h('input', {
    type: 'text',
    id: 'article-published',
    class: 'published-input',
    inputmode: 'numeric',
    placeholder: 'YYYY-MM-DD',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
    size: '10',
    value: stored.published ?? '',
    onchange: commit,
    onkeydown: (event) => {
      if (event.key === 'Enter') commit(event);
    },
  });
  const stated = !stored.published && analysed?.published ? `stated in the text: ${analysed.published}` : null;
  return h('div', { class: 'published-field' },
    h('dt', {}, h('label', { for: 'article-published' }, 'Published')),
    h('dd', {}, input, stated ? h('span', { class: 'published-stated' }, ` ${stated}`) : null));
}

function fact(label, value) {
  return value ? h('div', {}, h('dt', {}, label), h('dd', {}, value)) : null;
}


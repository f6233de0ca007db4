// The Entities view: every entity with its type, canonical name, spellings (with languages) and counts;
// sortable and filterable (by any spelling or its standard form); two can be merged, a spelling split off, an
// entity renamed. Each becomes a correction. Only one page of rows is in the DOM, so tens of thousands of
// entities cost no more to show than a hundred.
import { h } from '../dom.js';
import { looseKey } from '../model.js';
import { typeLabel } from './article.js';

// Why a spelling belongs to its entity (the analysis' variants[].link), short and in full.
const LINK_LABELS = {
  'known-name': 'known name',
  abbreviation: 'abbreviation',
  stated: 'given as equal',
  'same-spelling': 'same spelling',
  similar: 'similar',
  'part-of': 'part of name',
};
function linkLabel(link) {
  const label = LINK_LABELS[link.rule] ?? link.rule;
  return link.rule === 'similar' || link.rule === 'part-of' ? `${label} ${link.score.toFixed(2)}` : label;
}
function linkSentence(variant) {
  const { rule, with: other, score } = variant.link;
  const what = `“${variant.text}”`;
  switch (rule) {
    case 'known-name': return `${what} is a known name of ${other} (place names from CLDR, curated aliases).`;
    case 'abbreviation': return `${what} abbreviates “${other}”, as an article defines it in parentheses.`;
    case 'stated': return `${what} is given in parentheses beside “${other}”: the article says they are one.`;
    case 'same-spelling': return `${what} is written like “${other}” once case and script are set aside.`;
    case 'similar': return `${what} and “${other}” are the same name to the name matcher (score ${score.toFixed(2)}).`;
    case 'part-of': return `${what} stands for the full name “${other}” (score ${score.toFixed(2)}).`;
    default: return `${what} joined “${other}”.`;
  }
}

const columns = [
  { key: 'type', label: 'Type' },
  { key: 'name', label: 'Name' },
  { key: 'variants', label: 'Spellings' },
  { key: 'mentions', label: 'Mentions' },
  { key: 'articles', label: 'Articles' },
];

const sortValue = {
  type: (e) => e.type,
  name: (e) => e.name.toLocaleLowerCase(),
  variants: (e) => e.variants.length,
  mentions: (e) => e.mentions,
  articles: (e) => e.articles.length,
};

// Rows per page: a screenful or two to scan, and a render well inside a frame budget.
export const pageSize = 100;

// The loose key (model.js) finds other scripts' spellings by sound; under four letters it would find too much.
const looseMinLength = 4;

/** A test of entities for a filter query: by any spelling, its standard form, or the loose key of those. */
export function queryMatcher(model, query) {
  const needle = String(query ?? '').trim().toLocaleLowerCase();
  if (!needle) return () => true;
  const loose = needle.length >= looseMinLength ? looseKey(needle) : '';
  const useLoose = loose.length >= 3;
  return (entity) => {
    const text = model.searchText(entity);
    return text.includes(needle) || (useLoose && text.indexOf(loose, text.lastIndexOf('\u0002') + 1) !== -1);
  };
}

const collator = new Intl.Collator();

// Per model: every entity sorted (once per sort order) and the last filtered list. A filter keeps the sorted
// order, so typing costs one pass over the entities and no sort; a click that changes neither (selecting a row,
// turning a page) costs nothing.
const cache = new WeakMap();

export function filteredEntities(model, view) {
  const sort = view.sort ?? { key: 'mentions', dir: 'desc' };
  const sortKey = `${sort.key} ${sort.dir}`;
  const key = JSON.stringify([view.query ?? '', view.entityType ?? '', sortKey]);
  let entry = cache.get(model);
  if (!entry) cache.set(model, (entry = { sortKey: null, sorted: null, key: null, rows: null }));
  if (entry.key === key) return entry.rows;
  if (entry.sortKey !== sortKey) {
    const direction = sort.dir === 'asc' ? 1 : -1;
    const value = sortValue[sort.key] ?? sortValue.mentions;
    // Sort keys computed once per entity, not once per comparison.
    const keyed = model.analysis.entities.map((entity) => ({ entity, value: value(entity) }));
    keyed.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) * direction || collator.compare(a.entity.name, b.entity.name));
    entry.sorted = keyed.map((k) => k.entity);
    entry.sortKey = sortKey;
  }
  const matches = queryMatcher(model, view.query);
  entry.rows = entry.sorted.filter((entity) => (!view.entityType || entity.type === view.entityType) && matches(entity));
  entry.key = key;
  return entry.rows;
}

/** The merge button for the current selection (the view replaces it alone when a row is selected). */
export function mergeButton(ctx) {
  const { model, selection } = ctx;
  const selected = [...selection].filter((id) => model.entities.has(id));
  return h('button', {
    type: 'button',
    class: 'primary merge',
    disabled: selected.length !== 2 ? true : undefined,
    onclick: () => ctx.merge(selected[0], selected[1]),
  }, selected.length === 2 ? `Merge ${model.entityName(selected[0])} + ${model.entityName(selected[1])}` : 'Select two to merge');
}

/** The rows shown for the current view: {rows (all matching), shown (this page), pageIndex, pages}. */
function currentPage(model, view) {
  const rows = filteredEntities(model, view);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const pageIndex = Math.min(Math.max(0, view.entityPage ?? 0), pages - 1);
  return { rows, shown: rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), pageIndex, pages };
}

const countText = (model, rows) => `${rows.length} of ${model.analysis.entities.length} entities`;

// Filtering, choosing a type and turning a page change only the rows, the count and the pager: they are
// replaced in place, so the filter field keeps its focus and caret and the header is not rebuilt (with 10,000
// entities a whole re-render cost ~150 ms a key).
function updateRows(ctx) {
  const { model, view } = ctx;
  const root = ctx.panel?.querySelector('.entities-view');
  if (!root) return;
  const { rows, shown, pageIndex, pages } = currentPage(model, view);
  root.querySelector('.entity-count').textContent = countText(model, rows);
  root.querySelector('table.entities tbody').replaceWith(tableBody(ctx, shown));
  const next = pages > 1 ? pager(ctx, pageIndex, pages, rows.length) : h('nav', { class: 'pager', hidden: true });
  root.querySelector('.pager').replaceWith(next);
}

export function renderEntitiesView(ctx) {
  const { model, view } = ctx;
  const { rows, shown, pageIndex, pages } = currentPage(model, view);
  const sort = view.sort ?? { key: 'mentions', dir: 'desc' };
  const merge = mergeButton(ctx);

  const toolbar = h('div', { class: 'toolbar' },
    h('label', {}, 'Filter ', h('input', {
      type: 'search',
      class: 'entity-filter',
      value: view.query ?? '',
      placeholder: 'name or spelling',
      'aria-label': 'Filter entities by any spelling',
      oninput: (event) => ctx.setView({ query: event.target.value, entityPage: 0 }, { debounce: 40, update: updateRows }),
    })),
    h('label', {}, 'Type ', h('select', {
      class: 'entity-type',
      onchange: (event) => ctx.setView({ entityType: event.target.value || null, entityPage: 0 }, { update: updateRows }),
    }, h('option', { value: '' }, 'all'), ['PERSON', 'ORG', 'PLACE', 'MISC'].map((type) =>
      h('option', { value: type, selected: view.entityType === type ? true : undefined }, typeLabel(type))))),
    merge,
    h('span', { class: 'muted entity-count', role: 'status' }, countText(model, rows)));

  const head = h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Select')),
    columns.map((column) => {
      const active = sort.key === column.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined },
        h('button', {
          type: 'button',
          class: 'sort',
          onclick: () => ctx.setView({ entityPage: 0, sort: { key: column.key, dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : column.key === 'name' || column.key === 'type' ? 'asc' : 'desc' } }),
        }, column.label, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
    }));

  return h('div', { class: 'entities-view' }, toolbar,
    h('div', { class: 'table-scroll' }, h('table', { class: 'entities' }, h('caption', { class: 'visually-hidden' }, 'Entities found in the articles'), h('thead', {}, head), tableBody(ctx, shown))),
    pages > 1 ? pager(ctx, pageIndex, pages, rows.length) : h('nav', { class: 'pager', hidden: true }));
}

function tableBody(ctx, shown) {
  const { model, selection } = ctx;
  return h('tbody', {}, shown.map((entity) => h('tr', { dataset: { entity: entity.id }, class: selection.has(entity.id) ? 'selected' : undefined },
    h('td', {}, h('input', {
      type: 'checkbox',
      checked: selection.has(entity.id),
      'aria-label': `Select ${entity.name}`,
      onchange: (event) => ctx.select(entity.id, event.target.checked),
    })),
    h('td', {}, h('span', { class: `chip type-${entity.type.toLowerCase()}` }, typeLabel(entity.type))),
    h('td', { class: 'entity-name' }, h('span', {}, entity.name), h('button', {
      type: 'button',
      class: 'rename quiet',
      'aria-label': `Rename ${entity.name}`,
      title: 'Rename',
      onclick: () => ctx.rename(entity.id),
    }, '✎')),
    h('td', {}, h('ul', { class: 'variants' }, entity.variants.map((variant) => h('li', { class: 'variant' },
      h('span', { class: 'variant-text', lang: variant.lang && variant.lang !== 'und' ? variant.lang : undefined }, variant.text),
      h('span', { class: 'lang' }, variant.lang ?? ''),
      variant.count > 1 ? h('span', { class: 'muted' }, `×${variant.count}`) : null,
      variant.link ? h('span', { class: 'why-link muted', title: linkSentence(variant) }, linkLabel(variant.link)) : null,
      entity.variants.length > 1 ? h('button', {
        type: 'button',
        class: 'split',
        title: 'Split this spelling off into its own entity',
        'aria-label': `Split “${variant.text}” off ${entity.name}`,
        onclick: () => ctx.split(entity.id, variant.text),
      }, '✂') : null)))),
    h('td', { class: 'num' }, entity.mentions),
    h('td', {}, h('details', {
      // The list of articles is built when it is first opened: a place named in hundreds of articles would
      // otherwise add hundreds of buttons to every page of rows it appears on.
      ontoggle: (event) => {
        const details = event.currentTarget;
        if (!details.open || details.querySelector('.entity-articles')) return;
        details.append(h('ul', { class: 'entity-articles' }, entity.articles.map((id) => h('li', {},
          h('button', { type: 'button', class: 'link', onclick: () => ctx.openArticle(id) }, model.articles.get(id)?.title || id)))));
      },
    }, h('summary', {}, `${entity.articles.length}`))))));
}

function pager(ctx, pageIndex, pages, total) {
  const go = (index) => {
    ctx.setView({ entityPage: index }, { update: updateRows });
    ctx.panel?.querySelector('.pager .current')?.focus();
  };
  return h('nav', { class: 'pager', 'aria-label': 'Pages of entities' },
    h('button', { type: 'button', class: 'prev', disabled: pageIndex === 0 ? true : undefined, onclick: () => go(pageIndex - 1) }, '‹ Previous'),
    h('span', { class: 'current', tabindex: '-1' }, `${pageIndex * pageSize + 1}–${Math.min(total, (pageIndex + 1) * pageSize)} of ${total} (page ${pageIndex + 1} of ${pages})`),
    h('button', { type: 'button', class: 'next', disabled: pageIndex === pages - 1 ? true : undefined, onclick: () => go(pageIndex + 1) }, 'Next ›'));
}

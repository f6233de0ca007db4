// The Entities view: every entity with its type, canonical name, spellings (with languages) and counts;
// sortable and filterable; two can be merged, and a spelling can be split off. Both become aliases lines.
import { h } from '../dom.js';
import { typeLabel } from './article.js';

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

// Enough to scan; beyond it, filtering is quicker than scrolling, and rendering stays well under a frame budget.
const rowLimit = 250;

export function matchesQuery(entity, query) {
  if (!query) return true;
  const needle = query.toLocaleLowerCase();
  return entity.name.toLocaleLowerCase().includes(needle) || entity.variants.some((v) => v.text.toLocaleLowerCase().includes(needle));
}

export function filteredEntities(model, view) {
  const sort = view.sort ?? { key: 'mentions', dir: 'desc' };
  const direction = sort.dir === 'asc' ? 1 : -1;
  const value = sortValue[sort.key] ?? sortValue.mentions;
  return model.analysis.entities
    .filter((entity) => (!view.entityType || entity.type === view.entityType) && matchesQuery(entity, view.query))
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * direction || a.name.localeCompare(b.name);
    });
}

export function renderEntitiesView(ctx) {
  const { model, view, selection } = ctx;
  const rows = filteredEntities(model, view);
  const sort = view.sort ?? { key: 'mentions', dir: 'desc' };
  const selected = [...selection].filter((id) => model.entities.has(id));
  const mergeButton = h('button', {
    type: 'button',
    class: 'primary',
    disabled: selected.length !== 2 ? true : undefined,
    onclick: () => ctx.merge(selected[0], selected[1]),
  }, selected.length === 2 ? `Merge ${model.entityName(selected[0])} + ${model.entityName(selected[1])}` : 'Select two to merge');

  const toolbar = h('div', { class: 'toolbar' },
    h('label', {}, 'Filter ', h('input', {
      type: 'search',
      class: 'entity-filter',
      value: view.query ?? '',
      placeholder: 'name or spelling',
      oninput: (event) => ctx.setView({ query: event.target.value }, { keepFocus: '.entity-filter', debounce: 120 }),
    })),
    h('label', {}, 'Type ', h('select', {
      class: 'entity-type',
      onchange: (event) => ctx.setView({ entityType: event.target.value || null }),
    }, h('option', { value: '' }, 'all'), ['PERSON', 'ORG', 'PLACE', 'MISC'].map((type) =>
      h('option', { value: type, selected: view.entityType === type ? true : undefined }, typeLabel(type))))),
    mergeButton,
    h('span', { class: 'muted', role: 'status' }, `${rows.length} of ${model.analysis.entities.length} entities`));

  const head = h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Select')),
    columns.map((column) => {
      const active = sort.key === column.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined },
        h('button', {
          type: 'button',
          class: 'sort',
          onclick: () => ctx.setView({ sort: { key: column.key, dir: active && sort.dir === 'desc' ? 'asc' : active ? 'desc' : column.key === 'name' || column.key === 'type' ? 'asc' : 'desc' } }),
        }, column.label, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
    }));

  const body = h('tbody', {}, rows.slice(0, rowLimit).map((entity) => h('tr', { dataset: { entity: entity.id }, class: selection.has(entity.id) ? 'selected' : undefined },
    h('td', {}, h('input', {
      type: 'checkbox',
      checked: selection.has(entity.id),
      'aria-label': `Select ${entity.name}`,
      onchange: (event) => ctx.select(entity.id, event.target.checked),
    })),
    h('td', {}, h('span', { class: `chip type-${entity.type.toLowerCase()}` }, typeLabel(entity.type))),
    h('td', { class: 'entity-name' }, entity.name),
    h('td', {}, h('ul', { class: 'variants' }, entity.variants.map((variant) => h('li', { class: 'variant' },
      h('span', { class: 'variant-text', lang: variant.lang && variant.lang !== 'und' ? variant.lang : undefined }, variant.text),
      h('span', { class: 'lang' }, variant.lang ?? ''),
      variant.count > 1 ? h('span', { class: 'muted' }, `×${variant.count}`) : null,
      entity.variants.length > 1 ? h('button', {
        type: 'button',
        class: 'split',
        title: 'Split this spelling off into its own entity',
        'aria-label': `Split “${variant.text}” off ${entity.name}`,
        onclick: () => ctx.split(entity.id, variant.text),
      }, '✂') : null)))),
    h('td', { class: 'num' }, entity.mentions),
    h('td', {}, h('details', {}, h('summary', {}, `${entity.articles.length}`),
      h('ul', { class: 'entity-articles' }, entity.articles.map((id) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => ctx.openArticle(id) }, model.articles.get(id)?.title || id)))))))));

  return h('div', { class: 'entities-view' }, toolbar,
    h('div', { class: 'table-scroll' }, h('table', { class: 'entities' }, h('caption', { class: 'visually-hidden' }, 'Entities found in the articles'), h('thead', {}, head), body)),
    rows.length > rowLimit ? h('p', { class: 'muted' }, `Showing the first ${rowLimit}; filter to see the others.`) : null);
}

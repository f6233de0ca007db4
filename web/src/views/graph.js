// The co-occurrence graph, as an answer to "who is named with this entity, and where?". With an entity selected,
// it sits in the centre and the entities named in the same articles sit on rings around it, the more articles
// they share the closer; each line carries that count. With none selected, the most-mentioned entities are shown
// the same way around the most-mentioned one. Beside the figure: the entities (one tab stop, arrow keys inside,
// Enter re-centres) and the articles that connect them (Enter or a click opens one). The layout is a pure
// function of the analysis, so the same batch always draws the same picture.
import { h, s } from '../dom.js';
import { rovingList } from '../roving.js';
import { typeLabel } from './article.js';

// Rings hold 8 and 16 entities: at this size every label fits without overlapping its neighbours.
const ringSizes = [8, 16];
const maxNeighbours = ringSizes[0] + ringSizes[1];
// The overview: the centre and the entities around it, about 25 in all.
const overviewSize = maxNeighbours + 1;
const maxArticles = 60;
const width = 1000;
const height = 640;
const radii = [150, 275];

const byMentions = (a, b) => b.mentions - a.mentions || b.articles.length - a.articles.length || a.name.localeCompare(b.name);

/** The entities named in the same articles as `centre`: [{entity, weight, articles}], strongest first. */
export function neighbourhood(model, centre) {
  const shared = new Map();
  for (const articleId of centre.articles) {
    const article = model.articles.get(articleId);
    if (!article) continue;
    for (const id of new Set(article.mentions.map((m) => m.entity))) {
      if (id === centre.id) continue;
      if (!shared.has(id)) shared.set(id, []);
      shared.get(id).push(articleId);
    }
  }
  return [...shared].map(([id, articles]) => ({ entity: model.entities.get(id), weight: articles.length, articles }))
    .filter((n) => n.entity)
    .sort((a, b) => b.weight - a.weight || byMentions(a.entity, b.entity));
}

/** Positions on the rings, strongest first on the inner ring, clockwise from the top. */
function ringPositions(count) {
  const positions = [];
  let placed = 0;
  ringSizes.forEach((size, ring) => {
    const onRing = Math.min(size, count - placed);
    for (let i = 0; i < onRing; i += 1) {
      // The outer ring is turned half a step so its labels fall between the inner ring's.
      const angle = ((i + (ring ? 0.5 : 0)) / onRing) * Math.PI * 2 - Math.PI / 2;
      positions.push({ x: width / 2 + radii[ring] * 1.25 * Math.cos(angle), y: height / 2 + radii[ring] * Math.sin(angle), angle });
    }
    placed += onRing;
  });
  return positions;
}

export function renderGraphView(ctx) {
  const { model, view } = ctx;
  const focused = view.graphFocus ? model.entities.get(view.graphFocus) : null;
  const ranked = focused ? null : [...model.analysis.entities].sort(byMentions).slice(0, overviewSize);
  const centre = focused ?? ranked?.[0];
  if (!centre) return h('div', { class: 'graph-view' }, h('p', { class: 'empty' }, 'No entities to draw.'));

  const around = neighbourhood(model, centre);
  const weightOf = new Map(around.map((n) => [n.entity.id, n]));
  // Selected: its strongest neighbours. Overview: the next most-mentioned entities, whatever they share.
  const shown = focused
    ? around.slice(0, maxNeighbours)
    : ranked.slice(1).map((entity) => weightOf.get(entity.id) ?? { entity, weight: 0, articles: [] });
  const positions = ringPositions(shown.length);
  const centrePoint = { x: width / 2, y: height / 2 };
  const heaviest = Math.max(1, ...shown.map((n) => n.weight));
  const maxMentions = Math.max(centre.mentions, ...shown.map((n) => n.entity.mentions));
  const select = (id) => ctx.setView({ graphFocus: id }, { keepFocus: '.graph-nodes [aria-current=true]' });

  const edges = shown.map((n, index) => {
    if (!n.weight) return null;
    const p = positions[index];
    const label = `${centre.name} – ${n.entity.name}: named together in ${n.weight} article${n.weight === 1 ? '' : 's'}`;
    // The count sits two thirds of the way out, where the lines of the inner ring are far enough apart.
    const mx = centrePoint.x + (p.x - centrePoint.x) * 0.62;
    const my = centrePoint.y + (p.y - centrePoint.y) * 0.62;
    return s('g', { class: 'edge-group', dataset: { entity: n.entity.id } },
      s('title', {}, label),
      s('line', { class: 'edge', x1: centrePoint.x, y1: centrePoint.y, x2: p.x, y2: p.y, 'stroke-width': 1 + (n.weight / heaviest) * 7 }),
      s('text', { class: 'weight', x: mx, y: my + 4, 'text-anchor': 'middle' }, String(n.weight)));
  });

  const node = (entity, p, role, weight) => {
    const outward = Math.cos(p.angle ?? 0) >= 0;
    const label = entity.name.length > 26 ? `${entity.name.slice(0, 25)}…` : entity.name;
    const r = 6 + 12 * Math.sqrt(entity.mentions / maxMentions);
    const text = role === 'centre'
      ? s('text', { x: p.x, y: p.y - r - 8, 'text-anchor': 'middle', class: 'centre-label' }, label)
      : s('text', { x: p.x + (outward ? r + 5 : -r - 5), y: p.y + 4, 'text-anchor': outward ? 'start' : 'end' }, label);
    return s('g', {
      class: `node type-${entity.type.toLowerCase()}${role === 'centre' ? ' centre' : ''}`,
      dataset: { entity: entity.id },
      onclick: () => select(entity.id),
    },
    s('circle', { cx: p.x, cy: p.y, r }),
    text,
    s('title', {}, `${entity.name} (${typeLabel(entity.type)}), ${entity.mentions} mentions` +
      (role === 'centre' ? '' : weight ? `; with ${centre.name} in ${weight} article${weight === 1 ? '' : 's'}` : `; never with ${centre.name}`)));
  };

  const svg = s('svg', {
    class: 'graph',
    // A margin each side for the labels of the outer ring.
    viewBox: `-80 0 ${width + 160} ${height}`,
    role: 'img',
    'aria-label': `${centre.name} and ${shown.length} entities around it; the list beside the figure holds the same`,
  },
  s('g', { class: 'edges' }, edges),
  s('g', { class: 'nodes' }, shown.map((n, index) => node(n.entity, positions[index], 'neighbour', n.weight)), node(centre, centrePoint, 'centre')));

  // The node list: the centre first, then the others in the figure's order.
  const nodeItem = (entity, detail, current) => h('li', {},
    h('button', {
      type: 'button',
      class: `graph-node${current ? ' current' : ''}`,
      'aria-current': current ? 'true' : undefined,
      dataset: { entity: entity.id },
      onclick: () => select(entity.id),
    },
    h('span', { class: `chip type-${entity.type.toLowerCase()}` }, typeLabel(entity.type)),
    h('span', { class: 'graph-node-name' }, entity.name),
    h('span', { class: 'muted' }, detail)));
  const nodeList = rovingList(h('ul', { class: 'graph-nodes', 'aria-label': 'Entities in the graph; Enter puts one in the centre' },
    nodeItem(centre, `${centre.mentions} mentions`, true),
    shown.map((n) => nodeItem(n.entity, focused ? `${n.weight} shared` : `${n.entity.mentions} mentions`, false))), '.graph-node');

  // The articles that connect the centre to the entities shown, with the most connections first.
  const shownIds = new Set(shown.map((n) => n.entity.id));
  const connecting = centre.articles.map((id) => model.articles.get(id)).filter(Boolean).map((article) => {
    const names = [...new Set(article.mentions.map((m) => m.entity))].filter((id) => shownIds.has(id));
    return { article, names };
  }).filter((c) => c.names.length)
    .sort((a, b) => b.names.length - a.names.length || (a.article.title || a.article.id).localeCompare(b.article.title || b.article.id));
  const articleList = connecting.length
    ? rovingList(h('ul', { class: 'graph-articles', 'aria-label': `Articles naming ${centre.name} with others` },
      connecting.slice(0, maxArticles).map(({ article, names }) => h('li', {},
        h('button', { type: 'button', class: 'link graph-article', dataset: { article: article.id }, onclick: () => ctx.openArticle(article.id) },
          article.title || article.id),
        h('span', { class: 'muted graph-article-names' }, ` with ${names.slice(0, 4).map((id) => model.entityName(id)).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''}`)))), '.graph-article')
    : h('p', { class: 'muted' }, `No article names ${centre.name} with another entity shown.`);

  const summary = focused
    ? `${centre.name} and the ${shown.length} entities named with it most often` +
      `${around.length > shown.length ? ` (of ${around.length})` : ''}; a line's number is the articles the two share.`
    : `The ${shown.length + 1} most-mentioned entities around the first, ${centre.name}; a line's number is the articles they share. ` +
      'Select an entity to see who is named with it.';

  return h('div', { class: 'graph-view' },
    h('p', { class: 'summary' }, summary),
    h('div', { class: 'toolbar' },
      focused ? h('button', { type: 'button', class: 'graph-overview', onclick: () => ctx.setView({ graphFocus: null }) }, 'Show the most mentioned') : null,
      h('button', { type: 'button', class: 'link', onclick: () => ctx.openEntity(centre.id) }, `Show ${centre.name} in the entities table`)),
    h('div', { class: 'graph-layout' },
      h('div', { class: 'figure-scroll' }, svg),
      h('div', { class: 'graph-side' },
        h('h3', {}, focused ? `Named with ${centre.name}` : 'Most mentioned'),
        nodeList,
        h('h3', {}, 'Articles that connect them'),
        articleList,
        connecting.length > maxArticles ? h('p', { class: 'muted' }, `and ${connecting.length - maxArticles} more`) : null)));
}

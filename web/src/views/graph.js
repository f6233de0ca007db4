// The co-occurrence graph: the most-mentioned entities on a circle, joined when they are named in the same
// article (thicker when in more). A circle keeps it deterministic and readable without a physics engine.
import { h, s } from '../dom.js';
import { typeLabel } from './article.js';

const maxNodes = 28;
const maxEdges = 120;

export function renderGraphView(ctx) {
  const { model } = ctx;
  const nodes = [...model.analysis.entities]
    .sort((a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name))
    .slice(0, maxNodes);
  if (nodes.length < 2) return h('div', { class: 'graph-view' }, h('p', { class: 'empty' }, 'Too few entities to draw.'));
  // One long article joins everything it names; keeping the strongest links keeps the picture readable.
  const allEdges = model.coOccurrences(nodes.map((n) => n.id)).sort((a, b) => b.weight - a.weight);
  const edges = allEdges.slice(0, maxEdges);
  const width = 900;
  const height = 640;
  const rx = 270;
  const ry = 245;
  const position = new Map(nodes.map((node, index) => {
    const angle = (index / nodes.length) * Math.PI * 2 - Math.PI / 2;
    return [node.id, { x: width / 2 + rx * Math.cos(angle), y: height / 2 + ry * Math.sin(angle), angle }];
  }));
  const heaviest = Math.max(1, ...edges.map((e) => e.weight));
  const maxMentions = Math.max(...nodes.map((n) => n.mentions));
  const highlight = ctx.view.graphFocus;

  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Entities named in the same articles' },
    s('g', { class: 'edges' }, edges.map((edge) => {
      const a = position.get(edge.a);
      const b = position.get(edge.b);
      const lit = highlight && (edge.a === highlight || edge.b === highlight);
      return s('line', {
        class: lit ? 'edge lit' : 'edge',
        x1: a.x, y1: a.y, x2: b.x, y2: b.y,
        'stroke-width': 0.6 + (edge.weight / heaviest) * 4,
      }, s('title', {}, `${model.entityName(edge.a)} – ${model.entityName(edge.b)}: ${edge.weight} article(s)`));
    })),
    s('g', { class: 'nodes' }, nodes.map((node) => {
      const p = position.get(node.id);
      const outward = Math.cos(p.angle) >= 0;
      // Labels near the top and bottom move up or down with the ellipse so neighbours do not collide.
      const lift = Math.sin(p.angle) * 12;
      const label = node.name.length > 26 ? `${node.name.slice(0, 25)}…` : node.name;
      const select = () => ctx.setView({ graphFocus: highlight === node.id ? null : node.id });
      return s('g', {
        class: `node type-${node.type.toLowerCase()}${highlight === node.id ? ' focus' : ''}`,
        tabindex: '0',
        role: 'button',
        'aria-pressed': highlight === node.id ? 'true' : 'false',
        'aria-label': `${node.name}, ${typeLabel(node.type)}, ${node.mentions} mentions`,
        dataset: { entity: node.id },
        onclick: select,
        onkeydown: (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            select();
          }
        },
      },
      s('circle', { cx: p.x, cy: p.y, r: 5 + 9 * Math.sqrt(node.mentions / maxMentions) }),
      s('text', { x: p.x + (outward ? 16 : -16), y: p.y + 4 + lift, 'text-anchor': outward ? 'start' : 'end' }, label),
      s('title', {}, `${node.name} (${typeLabel(node.type)}): ${node.variants.map((v) => v.text).join(', ')}`));
    })));

  const focused = highlight ? model.entities.get(highlight) : null;
  return h('div', { class: 'graph-view' },
    h('p', { class: 'summary' }, `The ${nodes.length} entities named in the most articles; a line joins two named in the same article` +
      `${allEdges.length > edges.length ? ` (the ${edges.length} strongest of ${allEdges.length} links)` : ''}. Select one to light its links.`),
    h('div', { class: 'legend' }, ['PERSON', 'ORG', 'PLACE', 'MISC'].map((type) => h('span', { class: `chip type-${type.toLowerCase()}` }, typeLabel(type)))),
    h('div', { class: 'figure-scroll' }, svg),
    focused ? h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => ctx.openEntity(focused.id) }, `Show ${focused.name} in the entities table`)) : null);
}

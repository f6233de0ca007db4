// The timeline: one row per story, one dot per article at its event date (or publication date), so a reader
// sees at a glance which stories are one-day events and which drag on.
import { h, s } from '../dom.js';

const day = 86_400_000;
const maxRows = 40;
const toTime = (date) => {
  const time = Date.parse(`${String(date).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
};

export function renderTimelineView(ctx) {
  const { model } = ctx;
  const rows = model.analysis.stories.map((story) => ({
    story,
    points: story.articles.map((id) => ({ id, article: model.articles.get(id), time: toTime(model.articleDate(model.articles.get(id))) })),
  }));
  const times = rows.flatMap((row) => row.points.map((p) => p.time)).filter((t) => t !== null);
  const undated = rows.flatMap((row) => row.points.filter((p) => p.time === null));
  if (!times.length) return h('div', { class: 'timeline-view' }, h('p', { class: 'empty' }, 'No article states a date, so there is nothing to place on a timeline.'));

  let first = Math.min(...times);
  let last = Math.max(...times);
  if (last - first < 2 * day) {
    first -= day;
    last += day;
  }
  const width = 900;
  const left = 220;
  const right = 30;
  const rowHeight = 34;
  const top = 36;
  // Many one-article stories would make the picture a wall of dots: the largest stories are drawn.
  const datedAll = rows.filter((row) => row.points.some((p) => p.time !== null));
  const dated = [...datedAll].sort((a, b) => b.points.length - a.points.length).slice(0, maxRows)
    .sort((a, b) => Math.min(...a.points.map((p) => p.time ?? Infinity)) - Math.min(...b.points.map((p) => p.time ?? Infinity)));
  const height = top + dated.length * rowHeight + 10;
  const x = (time) => left + ((time - first) / (last - first)) * (width - left - right);

  // About six ticks, on whole days.
  const step = Math.max(1, Math.round((last - first) / day / 6)) * day;
  const ticks = [];
  for (let t = first; t <= last + 1; t += step) ticks.push(t);

  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Timeline of articles by event date, one row per story' },
    ticks.map((t) => s('g', { class: 'tick' },
      s('line', { x1: x(t), x2: x(t), y1: top - 10, y2: height - 6 }),
      s('text', { x: x(t), y: top - 16, 'text-anchor': 'middle' }, new Date(t).toISOString().slice(0, 10)))),
    dated.map((row, index) => {
      const y = top + index * rowHeight + rowHeight / 2;
      const label = row.story.label || row.story.id;
      // Articles on the same day are fanned out vertically so none hides another.
      const seen = new Map();
      return s('g', { class: 'timeline-row', dataset: { story: row.story.id } },
        s('line', { class: 'row-line', x1: left, x2: width - right, y1: y, y2: y }),
        s('text', { class: 'row-label', x: left - 10, y: y + 4, 'text-anchor': 'end' }, label.length > 30 ? `${label.slice(0, 29)}…` : label),
        row.points.filter((p) => p.time !== null).map((point) => {
          const n = seen.get(point.time) ?? 0;
          seen.set(point.time, n + 1);
          const title = `${point.article?.title || point.id} · ${point.article?.lang ?? ''} · ${model.articleDate(point.article)}`;
          const open = () => ctx.openArticle(point.id);
          return s('circle', {
            class: 'dot',
            cx: x(point.time) + n * 7,
            cy: y + (n % 2 ? -5 : 0),
            r: 6,
            tabindex: '0',
            role: 'button',
            'aria-label': title,
            onclick: open,
            onkeydown: (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                open();
              }
            },
          }, s('title', {}, title));
        }));
    }));

  return h('div', { class: 'timeline-view' },
    h('p', { class: 'summary' }, 'Each row is a story; each dot an article at the date of the event it reports. Select a dot to read it.'),
    h('div', { class: 'figure-scroll' }, svg),
    datedAll.length > dated.length ? h('p', { class: 'muted' }, `The ${dated.length} largest of ${datedAll.length} dated stories are drawn.`) : null,
    undated.length ? h('p', { class: 'muted' }, `${undated.length} article(s) state no date: `,
      undated.slice(0, 20).map((p) => p.article?.title || p.id).join(', '), undated.length > 20 ? ', …' : '') : null);
}

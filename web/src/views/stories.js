// The Stories view: one card per story with its label, languages, dates and articles, and why the articles
// belong together (the links the core found, with the entities they share). Stories can be sorted and filtered,
// and come a page at a time, so a batch of a thousand stories renders as fast as a batch of ten.
import { h } from '../dom.js';
import { rovingList } from '../roving.js';

const percent = (score) => (typeof score === 'number' ? `${Math.round(score * 100)}%` : '');
const plural = (count, word, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

export const storiesPerPage = 20;

const sorts = {
  size: { label: 'most articles', compare: (m) => (a, b) => b.articles.length - a.articles.length },
  date: { label: 'newest event', compare: (m) => (a, b) => String(storyDate(m, b)).localeCompare(String(storyDate(m, a))) },
  languages: { label: 'most languages', compare: (m) => (a, b) => m.storyLanguages(b).length - m.storyLanguages(a).length },
};
const filters = {
  all: { label: 'all stories', keep: () => true },
  multi: { label: 'more than one article', keep: () => (story) => story.articles.length > 1 },
  languages: { label: 'more than one language', keep: (m) => (story) => m.storyLanguages(story).length > 1 },
};
filters.all.keep = () => () => true;

function storyDate(model, story) {
  return story.date ?? model.storyDates(story)?.last ?? '';
}

const cache = new WeakMap();

/** The stories the view lists, in order, for the view's sort and filter. */
export function listedStories(model, view) {
  const sort = sorts[view.storySort] ? view.storySort : 'size';
  const filter = filters[view.storyFilter] ? view.storyFilter : 'all';
  const key = `${sort} ${filter}`;
  const hit = cache.get(model);
  if (hit?.key === key) return hit.stories;
  const compare = sorts[sort].compare(model);
  const stories = model.analysis.stories.filter(filters[filter].keep(model))
    .sort((a, b) => compare(a, b) || b.articles.length - a.articles.length || String(storyDate(model, a)).localeCompare(String(storyDate(model, b))) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  cache.set(model, { key, stories });
  return stories;
}

export function renderStoriesView(ctx) {
  const { model, view } = ctx;
  const all = model.analysis.stories;
  const stories = listedStories(model, view);
  const multi = all.filter((story) => story.articles.length > 1).length;
  const pages = Math.max(1, Math.ceil(stories.length / storiesPerPage));
  const pageIndex = Math.min(Math.max(0, view.storyPage ?? 0), pages - 1);
  const shown = stories.slice(pageIndex * storiesPerPage, (pageIndex + 1) * storiesPerPage);
  const choose = (name, options, value, key) => h('label', {}, `${name} `, h('select', {
    class: `story-${key}`,
    onchange: (event) => ctx.setView({ [key === 'sort' ? 'storySort' : 'storyFilter']: event.target.value, storyPage: 0 }, { keepFocus: `.story-${key}` }),
  }, Object.entries(options).map(([id, option]) => h('option', { value: id, selected: id === value ? true : undefined }, option.label))));
  const go = (index) => ctx.setView({ storyPage: index }, { keepFocus: '.story-pager .current' });
  return h('div', { class: 'stories-view' },
    h('p', { class: 'summary' }, `${plural(all.length, 'story', 'stories')} from ${plural(model.analysis.articles.length, 'article')}` +
      (multi ? ` · ${multi} reported by more than one article` : '')),
    h('div', { class: 'toolbar' },
      choose('Sort by', sorts, view.storySort ?? 'size', 'sort'),
      choose('Show', filters, view.storyFilter ?? 'all', 'filter'),
      h('span', { class: 'muted story-count', role: 'status' }, `${stories.length} shown`)),
    h('ol', { class: 'story-cards', start: String(pageIndex * storiesPerPage + 1) }, shown.map((story) => storyCard(ctx, story, all))),
    pages > 1 ? h('nav', { class: 'pager story-pager', 'aria-label': 'Pages of stories' },
      h('button', { type: 'button', class: 'prev', disabled: pageIndex === 0 ? true : undefined, onclick: () => go(pageIndex - 1) }, '‹ Previous'),
      h('span', { class: 'current', tabindex: '-1' }, `page ${pageIndex + 1} of ${pages}`),
      h('button', { type: 'button', class: 'next', disabled: pageIndex === pages - 1 ? true : undefined, onclick: () => go(pageIndex + 1) }, 'Next ›')) : null);
}

function storyCard(ctx, story, stories) {
  const { model } = ctx;
  const languages = model.storyLanguages(story);
  const dates = model.storyDates(story);
  const titleId = `story-${story.id}`;
  const articleTitle = (id) => model.articles.get(id)?.title || id;
  return h('li', { class: 'story-card', 'aria-labelledby': titleId, dataset: { story: story.id } },
    h('h3', { id: titleId }, story.label || articleTitle(story.articles[0])),
    h('div', { class: 'story-meta' },
      h('span', {}, `${story.articles.length} article${story.articles.length === 1 ? '' : 's'}`),
      languages.map((lang) => h('span', { class: 'chip lang' }, lang)),
      story.date ? h('span', {}, `event ${story.date}`) : null,
      dates && dates.first !== dates.last ? h('span', {}, `${dates.first} – ${dates.last}`) : null),
    story.entities.length ? rovingList(h('div', { class: 'story-entities', role: 'group', 'aria-label': 'Main entities (arrow keys move between them)' },
      story.entities.slice(0, 10).map((id) => {
        const entity = model.entities.get(id);
        return h('button', { type: 'button', class: `chip entity type-${String(entity?.type).toLowerCase()}`, onclick: () => ctx.openEntity(id) }, entity?.name ?? id);
      })), 'button') : null,
    h('ul', { class: 'story-articles' }, story.articles.map((id) => {
      const article = model.articles.get(id);
      const others = stories.length > 1 ? () => stories.filter((other) => other !== story) : null;
      return h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => ctx.openArticle(id) }, articleTitle(id)),
        h('span', { class: 'muted' }, ` ${[article?.lang, model.articleDate(article)].filter(Boolean).join(' · ')}`),
        others ? moveSelect(ctx, id, articleTitle(id), others) : null);
    })),
    story.links.length ? h('details', { class: 'why', open: story.links.length <= 6 ? true : undefined },
      h('summary', {}, 'Why these belong together'),
      h('ul', {}, story.links.map((link) => h('li', {},
        h('span', { class: 'pair' }, `${articleTitle(link.a)} ↔ ${articleTitle(link.b)}`),
        link.manual ? h('span', { class: 'chip' }, 'moved by you') : h('span', { class: 'score' }, ` ${percent(link.score)}`),
        link.shared?.length ? h('span', { class: 'shared' }, ' share: ', link.shared.map((id) => model.entityName(id)).join(', ')) : null)))) : null);
}

// The list of other stories is built when the control is first used: with hundreds of stories, building every
// card's full list up front would cost more than the rest of the view.
function moveSelect(ctx, articleId, title, others) {
  let filled = false;
  const fill = (event) => {
    if (filled) return;
    filled = true;
    event.currentTarget.append(...others().map((other) => h('option', { value: other.id }, (other.label || other.id).slice(0, 60))));
  };
  return h('select', {
    class: 'move',
    'aria-label': `Move “${title}” to another story`,
    onfocus: fill,
    onmousedown: fill,
    onchange: (event) => {
      const target = others().find((other) => other.id === event.target.value);
      if (target) ctx.moveArticle(articleId, target.articles[0]);
    },
  }, h('option', { value: '' }, 'Move to…'));
}

// The Stories view: one card per story with its label, languages, dates and articles, and why the articles
// belong together (the links the core found, with the entities they share).
import { h } from '../dom.js';

const percent = (score) => (typeof score === 'number' ? `${Math.round(score * 100)}%` : '');

export function renderStoriesView(ctx) {
  const { model } = ctx;
  const stories = [...model.analysis.stories].sort((a, b) => b.articles.length - a.articles.length || String(a.date ?? '').localeCompare(String(b.date ?? '')));
  const multi = stories.filter((story) => story.articles.length > 1).length;
  return h('div', { class: 'stories-view' },
    h('p', { class: 'summary' }, `${stories.length} ${stories.length === 1 ? 'story' : 'stories'} from ${model.analysis.articles.length} articles` +
      (multi ? ` · ${multi} reported by more than one article` : '')),
    h('ol', { class: 'story-cards' }, stories.map((story) => storyCard(ctx, story, stories))));
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
    story.entities.length ? h('div', { class: 'story-entities', 'aria-label': 'Main entities' },
      story.entities.slice(0, 10).map((id) => {
        const entity = model.entities.get(id);
        return h('button', { type: 'button', class: `chip entity type-${String(entity?.type).toLowerCase()}`, onclick: () => ctx.openEntity(id) }, entity?.name ?? id);
      })) : null,
    h('ul', { class: 'story-articles' }, story.articles.map((id) => {
      const article = model.articles.get(id);
      const others = stories.length > 1 ? stories.filter((other) => other !== story) : [];
      return h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => ctx.openArticle(id) }, articleTitle(id)),
        h('span', { class: 'muted' }, ` ${[article?.lang, model.articleDate(article)].filter(Boolean).join(' · ')}`),
        others.length ? moveSelect(ctx, id, articleTitle(id), others) : null);
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
    event.currentTarget.append(...others.map((other) => h('option', { value: other.id }, (other.label || other.id).slice(0, 60))));
  };
  return h('select', {
    class: 'move',
    'aria-label': `Move “${title}” to another story`,
    onfocus: fill,
    onmousedown: fill,
    onchange: (event) => {
      const target = others.find((other) => other.id === event.target.value);
      if (target) ctx.moveArticle(articleId, target.articles[0]);
    },
  }, h('option', { value: '' }, 'Move to…'));
}

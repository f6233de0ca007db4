// Indexes over one analysis (schema crosswire/1) that the views share, built once per analysis.

/**
 * The core places moved articles itself (STORY lines); this marks the links those lines made, so the page can
 * say "moved by you" instead of showing a score.
 */
export function markMovedLinks(analysis, moves) {
  if (!moves.length) return analysis;
  const moved = new Set(moves.map(({ articleId, withArticleId }) => `${articleId}\u0000${withArticleId}`));
  const stories = analysis.stories.map((story) => ({
    ...story,
    links: story.links.map((link) => (moved.has(`${link.a}\u0000${link.b}`) ? { ...link, manual: true } : link)),
  }));
  return { ...analysis, stories };
}

// A loose key for finding names across spellings: lower case, accents and apostrophes gone, vowels after the
// first letter dropped and doubled letters single, so "Trump" (trmp) finds Трамп (standard form "tramp": trmp)
// and Тръмп, and "Lukashenko" finds "Lukashenka".
export function looseKey(text) {
  const folded = String(text).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '');
  return folded.split(' ').filter(Boolean).map((word) => word[0] + word.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1')).join(' ');
}

export class Model {
  constructor(analysis) {
    this.analysis = analysis;
    this.articles = new Map(analysis.articles.map((article) => [article.id, article]));
    this.entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    this.stories = new Map(analysis.stories.map((story) => [story.id, story]));
    this.storyOfArticle = new Map();
    this.searchCache = new Map();
    for (const story of analysis.stories) for (const id of story.articles) this.storyOfArticle.set(id, story);
  }

  storyLanguages(story) {
    return [...new Set(story.articles.map((id) => this.articles.get(id)?.lang).filter(Boolean))];
  }

  storyDates(story) {
    const dates = story.articles.map((id) => this.articleDate(this.articles.get(id))).filter(Boolean).sort();
    return dates.length ? { first: dates[0], last: dates.at(-1) } : null;
  }

  /** The date an article is placed at on the timeline: its event, else its publication. */
  articleDate(article) {
    return article?.event_date ?? article?.published ?? null;
  }

  prepareSearch() {
    for (const entity of this.analysis.entities) this.searchText(entity);
  }

  /** What the entity filter compares: every spelling, lower case, and the loose keys of their standard forms. */
  searchText(entity) {
    let text = this.searchCache.get(entity.id);
    if (text === undefined) {
      const spellings = [entity.name, ...entity.variants.map((v) => v.text)].map((t) => t.toLocaleLowerCase());
      const standard = entity.variants.map((v) => v.latin ?? '').filter(Boolean);
      const loose = [...new Set([...standard, entity.name].map(looseKey))];
      text = `${spellings.join('\u0001')}\u0002${standard.join('\u0001')}\u0002${loose.join('\u0001')}`;
      this.searchCache.set(entity.id, text);
    }
    return text;
  }

  entityName(id) {
    return this.entities.get(id)?.name ?? id;
  }

  /** Pairs of entities mentioned in the same article, with how many articles they share. */
  coOccurrences(entityIds) {
    const wanted = new Set(entityIds);
    const pairs = new Map();
    for (const article of this.analysis.articles) {
      const present = [...new Set(article.mentions.map((m) => m.entity))].filter((id) => wanted.has(id)).sort();
      for (let i = 0; i < present.length; i += 1) {
        for (let j = i + 1; j < present.length; j += 1) {
          const key = `${present[i]}\u0000${present[j]}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
      }
    }
    return [...pairs].map(([key, weight]) => {
      const [a, b] = key.split('\u0000');
      return { a, b, weight };
    });
  }
}

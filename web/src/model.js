// Indexes over one analysis (schema crosswire/1) that the views share, built once per analysis.

/** Applies "move article to another story" corrections to a copy of the analysis' stories. */
export function applyMoves(analysis, moves) {
  if (!moves.length) return analysis;
  const stories = analysis.stories.map((story) => ({ ...story, articles: [...story.articles], links: [...story.links] }));
  const storyOf = (articleId) => stories.find((story) => story.articles.includes(articleId));
  for (const { articleId, withArticleId } of moves) {
    const from = storyOf(articleId);
    const to = storyOf(withArticleId);
    if (!from || !to || from === to) continue;
    from.articles = from.articles.filter((id) => id !== articleId);
    from.links = from.links.filter((link) => link.a !== articleId && link.b !== articleId);
    to.articles.push(articleId);
    to.links.push({ a: withArticleId, b: articleId, score: 1, shared: [], manual: true });
  }
  return { ...analysis, stories: stories.filter((story) => story.articles.length > 0) };
}

export class Model {
  constructor(analysis) {
    this.analysis = analysis;
    this.articles = new Map(analysis.articles.map((article) => [article.id, article]));
    this.entities = new Map(analysis.entities.map((entity) => [entity.id, entity]));
    this.stories = new Map(analysis.stories.map((story) => [story.id, story]));
    this.storyOfArticle = new Map();
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

// A host page's script, as a package user writes it: bare imports from the installed package, bundled by esbuild.
import { createAnalyzer, AnalyzerError } from 'crosswire';
import 'crosswire/element';

const summary = document.getElementById('summary');

// The analyzer module on the page's main thread: the sample articles, then a binary file it must refuse.
async function analyzeSamples() {
  const names = await (await fetch('samples/index.json')).json();
  const analyzer = await createAnalyzer();
  const texts = await Promise.all(names.map(async (name) => (await fetch(`samples/${name}`)).text()));
  // The data packs the texts need (the Thai sample: the Southeast Asian one), fetched once.
  await analyzer.loadDataFor(texts);
  names.forEach((name, index) => analyzer.addArticle({ id: name, text: texts[index] }));
  const analysis = analyzer.analyze();
  let refused = null;
  try {
    analyzer.addFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image.png');
  } catch (error) {
    refused = error instanceof AnalyzerError ? error.code : `not an AnalyzerError: ${error}`;
  }
  const words = analyzer.tokenize('Minsk and Tehran, 13 September.', 'en').length;
  analyzer.dispose();
  summary.textContent = `${analysis.articles.length} articles, ${analysis.stories.length} stories`;
  return {
    articles: analysis.articles.map((article) => [article.id, article.lang]),
    stories: analysis.stories.map((story) => story.articles.length).sort(),
    entities: analysis.entities.map((entity) => entity.name),
    refused,
    words,
  };
}

document.getElementById('summary').dataset.ready = 'true';
document.addEventListener('crosswire-analysis', (event) => {
  summary.dataset.elementArticles = String(event.detail.analysis.articles.length);
});
// The test drives the page through this one function.
Object.defineProperty(window, 'analyzeSamples', { value: analyzeSamples });

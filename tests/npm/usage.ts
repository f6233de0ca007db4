// Type-checked (tsc --noEmit) against the installed package's declarations by tests/npm/package.test.mjs: it uses
// the whole JS API the way a TypeScript project would, and the @ts-expect-error lines prove that misuse is caught.
import { createAnalyzer, AnalyzerError } from 'crosswire';
import type { Analysis, Article, Entity, EntityType, ErrorCode, Link, Mention, PackName, Rejected, Story } from 'crosswire';
import { CrosswireAnalyzerElement } from 'crosswire/element';
import type { CorrectedAnalysis } from 'crosswire/element';

export async function run(texts: Record<string, string>, file: Uint8Array): Promise<string[]> {
  const analyzer = await createAnalyzer({
    wasmUrl: new URL('./crosswire-core.wasm', import.meta.url),
    dataUrl: './',
    language: '',
    assumedPublished: '2024-09-14',
    maxArticleBytes: 1 << 20,
  });
  const loaded: PackName[] = await analyzer.loadDataFor([...Object.values(texts), file]);
  void loaded;
  for (const [id, text] of Object.entries(texts)) analyzer.addArticle({ id, text });
  try {
    const decoded = analyzer.addFile(file, 'upload.txt');
    const encoding: string = decoded.encoding;
    void encoding;
  } catch (error) {
    if (error instanceof AnalyzerError) {
      const code: ErrorCode = error.code;
      void code;
    }
  }
  analyzer.addAliases('PERSON\tAlexander Volfovich\tVolfovitch\n');
  const analysis: Analysis = analyzer.analyze();
  const json: string = analyzer.analyzeJson();
  const { score, same } = analyzer.match('Lukashenko', 'Лукашенко');
  const tokens = analyzer.tokenize('Minsk and Tehran', 'en');
  const [start, end]: [number, number] = tokens[0];
  analyzer.clear();
  analyzer.clearAliases();
  analyzer.dispose();

  const lines: string[] = [json.slice(0, 10), `${score} ${same} ${start}-${end}`];
  for (const article of analysis.articles) {
    const a: Article = article;
    const published: string | null = a.published;
    const mention: Mention | undefined = a.mentions[0];
    const type: EntityType | undefined = mention?.type;
    lines.push(`${a.id} ${a.lang} ${published ?? 'undated'} ${type ?? ''} ${a.removed.length} ${a.date_reason}`);
  }
  const entity: Entity | undefined = analysis.entities[0];
  const story: Story | undefined = analysis.stories[0];
  const link: Link | undefined = story?.links[0];
  const rejected: Rejected[] = analysis.rejected;
  lines.push(`${entity?.variants[0]?.text} ${story?.date} ${link?.shared.join(',')} ${rejected.length}`);

  // @ts-expect-error: addArticle takes an object, not two strings
  analyzer.addArticle('a.txt', 'text');
  // @ts-expect-error: entity types are upper case
  const lower: EntityType = 'person';
  // @ts-expect-error: articles have no `language` field (it is `lang`)
  void analysis.articles[0].language;
  // @ts-expect-error: createAnalyzer returns a promise
  createAnalyzer().analyze();
  void lower;
  return lines;
}

export function embed(host: HTMLElement): CrosswireAnalyzerElement {
  const element = document.createElement('crosswire-analyzer');
  element.setAttribute('workspace', 'review');
  element.addEventListener('crosswire-analysis', (event) => {
    const analysis: CorrectedAnalysis = event.detail.analysis;
    const manual = analysis.stories.flatMap((story) => story.links).filter((link) => 'manual' in link && link.manual);
    host.dataset.summary = `${analysis.articles.length} articles, ${manual.length} moved`;
  });
  element.addEventListener('crosswire-ready', () => void element.loadSamples());
  host.append(element);
  void element.addArticles([{ id: 'a.txt', text: 'Minsk' }]).then(() => element.saved());
  const current: CorrectedAnalysis | null = element.analysis;
  void current;
  // @ts-expect-error: the analysis is read-only
  element.analysis = null;
  return element;
}

// No bundler: the modules straight from node_modules; the wasm, data and worker are found next to them.
import { createAnalyzer } from './node_modules/crosswire/crosswire.js';
import './node_modules/crosswire/element.js';

async function analyzeText(id, text) {
  const analyzer = await createAnalyzer();
  analyzer.addArticle({ id, text });
  const analysis = analyzer.analyze();
  analyzer.dispose();
  return analysis;
}
Object.defineProperty(window, 'analyzeText', { value: analyzeText });

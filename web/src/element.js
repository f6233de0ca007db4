// <crosswire-analyzer>: the whole app as one custom element. The page (index.html) is just this element full
// screen; a host page embeds the same element. Shadow DOM keeps its styles in and the host's out, and the module
// defines no globals besides the element's name.
import styles from './styles.css';
import { h, replace } from './dom.js';
import { Engine } from './engine.js';
import { WorkspaceStore } from './store.js';
import { readFile, checkText, checkPublished, IngestError, contentKey, limits } from './ingest.js';
import { Model, markMovedLinks } from './model.js';
import { parseAliases, mergeLine, splitLine, renameLine, moveLine, makeCorrection, aliasesText, storyMoves } from './aliases.js';
import { analysisJson, entitiesCsv, mentionsCsv, storiesCsv, download } from './exports.js';
import { renderStoriesView } from './views/stories.js';
import { renderEntitiesView, mergeButton } from './views/entities.js';
import { renderCorrectionsView } from './views/corrections.js';
import { articleTools } from './views/articles.js';
import { renderArticleView, entityCard } from './views/article.js';
import { renderTimelineView } from './views/timeline.js';
import { renderGraphView } from './views/graph.js';

// The single-file build sets this to true and inlines the worker, the wasm and the data into the page.
/* global CROSSWIRE_STANDALONE */
const standalone = typeof CROSSWIRE_STANDALONE !== 'undefined' && CROSSWIRE_STANDALONE;

const tabs = [
  { id: 'stories', label: 'Stories' },
  { id: 'entities', label: 'Entities' },
  { id: 'articles', label: 'Articles' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'graph', label: 'Graph' },
  { id: 'corrections', label: 'Corrections' },
];

const plural = (count, word, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

const defaultView = () => ({ tab: 'stories', articleId: null, query: '', entityType: null, sort: { key: 'mentions', dir: 'desc' }, showRemoved: true, graphFocus: null, entityPage: 0, storyPage: 0, storySort: 'size', storyFilter: 'all' });

let sheet = null;
function styleSheet() {
  // One constructed sheet shared by every instance; CSP-friendly, since no <style> element is needed.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
  }
  return sheet;
}

let inlined = null;
function inlineAssets() {
  // Parsed once: the JSON holds the wasm and data as base64, megabytes of it.
  inlined ??= JSON.parse(document.getElementById('crosswire-assets').textContent);
  return inlined;
}

function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// `workers`: the size of the analysis worker pool (the element's workers attribute, else one per core, at most 4).
// `tagger`: the trained tagger in Latin, Cyrillic, Greek and Thai text too (the element's tagger attribute).
function makeEngine(workers, tagger) {
  const pool = workers ? { workers } : {};
  const options = tagger ? { tagger: true } : {};
  if (standalone) {
    const assets = inlineAssets();
    const workerUrl = URL.createObjectURL(new Blob([assets.worker], { type: 'text/javascript' }));
    return new Engine(() => new Worker(workerUrl), {
      ...options,
      wasmBytes: base64Bytes(assets.wasm),
      packBytes: Object.fromEntries(Object.entries(assets.packs).map(([name, data]) => [name, base64Bytes(data)])),
    }, pool);
  }
  return new Engine(() => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }), options, pool);
}

// The Settings choice of the trained tagger, per workspace; null where none was made or storage is unavailable.
const taggerKey = (workspace) => `crosswire:${workspace}:tagger`;
function taggerPreference(workspace) {
  try {
    const value = localStorage.getItem(taggerKey(workspace));
    return value === null ? null : value === 'on';
  } catch {
    return null;
  }
}
function setTaggerPreference(workspace, on) {
  try {
    localStorage.setItem(taggerKey(workspace), on ? 'on' : 'off');
  } catch {
    // Private windows and storage quotas: the choice holds for this visit only.
  }
}

async function sampleFiles() {
  if (standalone) {
    return Object.entries(inlineAssets().samples).map(([name, text]) => new File([text], name, { type: 'text/plain' }));
  }
  const base = new URL('./samples/', import.meta.url);
  const names = await (await fetch(new URL('index.json', base))).json();
  return Promise.all(names.map(async (name) => new File([await (await fetch(new URL(name, base))).arrayBuffer()], name, { type: 'text/plain' })));
}

export class CrosswireAnalyzerElement extends HTMLElement {
  #root;
  #engine = null;
  #store = null;
  #articles = [];
  #corrections = [];
  #redo = [];
  #view = defaultView();
  #model = null;
  #selection = new Set();
  #messages = [];
  #running = false;
  #dirty = false;
  #ui = {};
  #renderTimer = 0;
  #lastTyped = -Infinity;
  #focusResult = false;
  #pendingFocus = false;
  #workers = 0;
  #engineStale = false;

  constructor() {
    super();
    // Open, so tests and assistive tooling can reach inside; scoping of styles is what matters to a host.
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
  }

  static get observedAttributes() {
    return ['tagger'];
  }

  connectedCallback() {
    if (this.#engine) return; // moved within the page: still running
    if (!this.#ui.app) this.#buildShell();
    this.#store = this.hasAttribute('ephemeral') ? null : new WorkspaceStore(this.getAttribute('workspace') || 'default');
    // The user's choice in Settings, kept per workspace in this browser; a host's tagger attribute wins.
    if (!this.hasAttribute('tagger') && this.#store && taggerPreference(this.#workspaceName()) === true) {
      this.setAttribute('tagger', '');
    }
    this.#ui.taggerToggle.checked = this.hasAttribute('tagger');
    const workers = Number(this.getAttribute('workers'));
    this.#workers = Number.isInteger(workers) && workers >= 1 && workers <= 16 ? workers : 0;
    const engineReady = this.#startEngine({ first: true });
    this.#restore().then(() => engineReady).then(() => {
      // A host that added articles when the element became ready (crosswire-ready is dispatched just before
      // this) has started their analysis already: analysing again here would run the whole batch twice.
      if (this.#running || this.dataset.runs) return undefined;
      return this.#articles.length ? this.#analyze() : this.#finishIdle();
    });
  }

  // The tagger attribute set or removed (by the host, or by Settings): a new engine with or without the trained
  // tagger, and the articles analysed again with it; an analysis under way finishes first.
  attributeChangedCallback(name, before, after) {
    if (name !== 'tagger' || (before === null) === (after === null) || !this.#engine) return;
    if (this.#ui.taggerToggle) this.#ui.taggerToggle.checked = after !== null;
    if (this.#running) {
      this.#engineStale = true;
      return;
    }
    this.#replaceEngine();
  }

  #workspaceName() {
    return this.getAttribute('workspace') || 'default';
  }

  async #replaceEngine() {
    this.#engineStale = false;
    this.#engine.dispose();
    delete this.dataset.workersStarted;
    await this.#startEngine();
    if (this.dataset.engine === 'ready' && this.#articles.length) await this.#analyze();
    else this.#finishIdle();
  }

  // Makes and starts the engine (with the trained tagger when the element has the tagger attribute); resolves
  // when it is ready or has failed. crosswire-ready is the first engine's only.
  #startEngine({ first = false } = {}) {
    this.#engine = makeEngine(this.#workers, this.hasAttribute('tagger'));
    this.dataset.workers = String(this.#engine.workers);
    this.dataset.engine = 'starting';
    this.dataset.tagger = String(this.hasAttribute('tagger'));
    this.#setState('starting');
    this.#status('Starting the analyzer…');
    return this.#engine.start().then((ms) => {
      this.dataset.engine = 'ready';
      this.dataset.engineMs = String(Math.round(ms));
      if (first) this.dispatchEvent(new CustomEvent('crosswire-ready', { bubbles: true, composed: true }));
      // The other pool workers start in the background; an analysis uses those that are up by then.
      this.#engine.startAll().then(() => { this.dataset.workersStarted = 'true'; });
    }, (error) => {
      this.dataset.engine = 'failed';
      this.#message('error', `The analyzer could not start: ${error.message}`);
    });
  }

  disconnectedCallback() {
    // An element moved within the page is reconnected at once; only a removed one lets its worker go.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this.#engine?.dispose();
        this.#engine = null;
      }
    });
  }

  // ---- public API for host pages ----

  /** The current analysis (schema crosswire/1, corrections applied), or null. */
  get analysis() {
    return this.#model?.analysis ?? null;
  }

  /** Resolves when the workspace is saved in this browser (e.g. before the host navigates away). */
  saved() {
    return this.#store?.settled() ?? Promise.resolve();
  }

  /** Adds articles given as {id, text, published?} and re-runs the analysis. */
  async addArticles(list) {
    for (const { id, text, published } of list) {
      try {
        checkText(id, text, this.#batchBytes());
        this.#addArticle({ name: id, text, encoding: 'text', warnings: [], source: 'api', published: checkPublished(published) });
      } catch (error) {
        this.#message('error', error.message);
      }
    }
    await this.#articlesChanged();
  }

  /** The corrections, oldest first: {id, kind, label, lines, time}. */
  get corrections() {
    return this.#corrections.map((c) => ({ ...c, lines: [...c.lines] }));
  }

  /** Takes back the newest correction (Ctrl+Z); resolves when the analysis is done. */
  async undo() {
    const last = this.#corrections.pop();
    if (!last) return;
    this.#redo.push(last);
    this.#status(`Undid: ${last.label}.`);
    await this.#correctionsChanged();
  }

  /** Makes the last undone correction again (Ctrl+Shift+Z). */
  async redo() {
    const next = this.#redo.pop();
    if (!next) return;
    this.#corrections.push(next);
    this.#status(`Redid: ${next.label}.`);
    await this.#correctionsChanged();
  }

  /** Removes one correction, wherever it is in the list, and re-runs the analysis. */
  async removeCorrection(id) {
    const index = this.#corrections.findIndex((c) => c.id === id);
    if (index < 0) return;
    const [removed] = this.#corrections.splice(index, 1);
    this.#status(`Removed the correction: ${removed.label}.`);
    await this.#correctionsChanged();
  }

  /** Removes articles by id (rejected ones too) and re-runs the analysis. */
  async removeArticles(ids) {
    const gone = new Set(ids);
    const before = this.#articles.length;
    this.#articles = this.#articles.filter((a) => !gone.has(a.id));
    for (const id of gone) this.#selection.delete(id);
    this.#messages = this.#messages.filter((m) => !m.articleId || !gone.has(m.articleId));
    this.#renderMessages();
    const removed = before - this.#articles.length;
    if (!removed) return;
    this.#status(`Removed ${plural(removed, 'article')}.`);
    if (!this.#articles.length) this.#model = null;
    await this.#articlesChanged();
  }

  /** Adds File objects as if dropped. */
  async addFiles(files) {
    const list = [...files];
    if (!list.length) return;
    this.#status(`Reading ${list.length} file${list.length === 1 ? '' : 's'}…`);
    const read = [];
    for (const file of list) {
      try {
        read.push(await readFile(file, (bytes, name) => this.#engine.decode(bytes, name), this.#batchBytes(read)));
      } catch (error) {
        this.#message('error', error instanceof IngestError ? error.message : `${file.name}: ${error.message}`);
      }
    }
    const known = new Map(this.#articles.map((a) => [a.hash ?? contentKey(a.text), a.id]));
    const fresh = [];
    const duplicates = [];
    for (const article of read) {
      const key = contentKey(article.text);
      if (known.has(key)) duplicates.push({ article, of: known.get(key) });
      else {
        known.set(key, article.name);
        fresh.push(article);
      }
    }
    const addDuplicates = duplicates.length ? await this.#askDuplicates(duplicates) : false;
    for (const article of fresh) this.#addArticle(article);
    if (addDuplicates) for (const { article } of duplicates) this.#addArticle(article);
    else if (duplicates.length) this.#status(`Skipped ${plural(duplicates.length, 'file')} already loaded.`);
    if (!fresh.length && !addDuplicates) {
      this.#render();
      return;
    }
    this.#focusResult = true;
    await this.#articlesChanged();
  }

  async loadSamples() {
    try {
      await this.addFiles(await sampleFiles());
    } catch (error) {
      this.#message('error', `The sample articles could not be loaded: ${error.message}`);
    }
  }

  async newWorkspace() {
    this.#articles = [];
    this.#corrections = [];
    this.#redo = [];
    this.#view = defaultView();
    this.#model = null;
    this.#selection.clear();
    this.#messages = [];
    await this.#store?.clear().catch(() => {});
    this.#finishIdle();
  }

  // ---- state ----

  async #restore() {
    const saved = await this.#store?.load();
    if (!saved) return;
    this.#articles = Array.isArray(saved.articles) ? saved.articles : [];
    this.#corrections = Array.isArray(saved.meta.corrections) ? saved.meta.corrections : [];
    this.#redo = Array.isArray(saved.meta.redo) ? saved.meta.redo : [];
    this.#view = { ...defaultView(), ...(saved.meta.view ?? {}) };
    if (this.#articles.length) this.#status(`Restored ${this.#articles.length} article(s) from your last session.`);
  }

  #addArticle(article) {
    const taken = new Set(this.#articles.map((a) => a.id));
    let id = article.name || `article-${this.#articles.length + 1}.txt`;
    for (let n = 2; taken.has(id); n += 1) id = article.name.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    this.#articles.push({ id, text: article.text, encoding: article.encoding, warnings: article.warnings ?? [], source: article.source, added: Date.now(), hash: contentKey(article.text), published: article.published || undefined });
  }

  /** UTF-8 bytes of the loaded articles (and of `extra`, articles read but not added yet). */
  #batchBytes(extra = []) {
    const encoder = new TextEncoder();
    let bytes = 0;
    for (const article of [...this.#articles, ...extra]) bytes += article.bytes ?? encoder.encode(article.text).length;
    return bytes;
  }

  #askDuplicates(duplicates) {
    const dialog = this.#ui.duplicateDialog;
    replace(dialog.querySelector('.duplicate-list'), duplicates.slice(0, 20).map(({ article, of }) => h('li', {}, `${article.name} has the same text as ${of}`)),
      duplicates.length > 20 ? h('li', {}, `and ${duplicates.length - 20} more`) : null);
    dialog.querySelector('.duplicate-title').textContent = `${plural(duplicates.length, 'file is', 'files are')} already loaded`;
    dialog.showModal();
    dialog.querySelector('button.primary').focus();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'add'), { once: true });
    });
  }

  /** Sets (or, with an empty value, clears) an article's publication date and re-runs the analysis. */
  async setPublished(id, published) {
    const article = this.#articles.find((a) => a.id === id);
    if (!article) return;
    const value = checkPublished(published);
    if ((article.published ?? '') === (value ?? '')) return;
    article.published = value;
    this.#status(value ? `${id}: publication date ${value}.` : `${id}: publication date cleared.`);
    await this.#articlesChanged();
  }

  async #articlesChanged() {
    await this.#saveArticles();
    await this.#analyze();
  }

  #saveArticles() {
    return this.#store?.saveArticles(this.#articles).catch((error) => this.#message('error', `Your articles could not be saved in this browser: ${error.message}`));
  }

  #saveMeta() {
    return this.#store?.saveMeta({ corrections: this.#corrections, redo: this.#redo, view: this.#view }).catch(() => {});
  }

  async #correct(kind, label, lines) {
    this.#corrections.push(makeCorrection(kind, label, lines));
    this.#redo = [];
    this.#status(`Correction: ${label}.`);
    await this.#correctionsChanged();
  }

  async #correctionsChanged() {
    this.#selection.clear();
    await this.#saveMeta();
    await this.#analyze();
  }

  async #analyze() {
    if (this.#running) {
      this.#dirty = true;
      return;
    }
    if (!this.#articles.length) {
      this.#finishIdle();
      return;
    }
    this.#running = true;
    this.#setState('analyzing');
    this.#progress(0, this.#articles.length, 'reading');
    this.#render();
    try {
      const { analysis, ms, notes } = await this.#engine.analyze(
        this.#articles.map(({ id, text, published }) => ({ id, text, published })),
        this.#corrections.length ? aliasesText(this.#corrections) : '',
        (progress) => this.#progress(progress.done, progress.total, progress.phase),
      );
      this.#model = new Model(markMovedLinks(analysis, storyMoves(this.#corrections)));
      // The filter's search keys are built while the page is idle, so the first filtering is as quick as the next.
      const model = this.#model;
      (self.requestIdleCallback ?? setTimeout)(() => model.prepareSearch());
      // One message per rejected article, replaced on every run (not added again), until it is removed.
      this.#messages = this.#messages.filter((m) => !m.articleId);
      for (const note of notes ?? []) this.#messages.push({ kind: 'info', text: note });
      for (const rejected of analysis.rejected ?? []) {
        this.#messages.push({ kind: 'error', text: `${rejected.id} was not analysed: ${rejected.message}`, articleId: rejected.id });
      }
      this.#renderMessages();
      this.dataset.analysisMs = String(Math.round(ms));
      // A counter lets a host (and the tests) tell a fresh analysis from the previous one.
      this.dataset.runs = String(Number(this.dataset.runs ?? 0) + 1);
      this.#status(`Analysed ${plural(analysis.articles.length, 'article')} in ${Math.round(ms)} ms: ` +
        `${plural(analysis.stories.length, 'story', 'stories')}, ${plural(analysis.entities.length, 'entity', 'entities')}.`);
      this.#setState('ready');
      this.dispatchEvent(new CustomEvent('crosswire-analysis', { detail: { analysis: this.#model.analysis }, bubbles: true, composed: true }));
      if (this.#focusResult) this.#pendingFocus = true;
    } catch (error) {
      // The articles stay loaded and readable; the user can retry or add and remove articles.
      const advice = error.code === 'out_of_memory'
        ? ' Remove some articles (or the largest ones) and press Retry.'
        : '';
      this.#message('error', `The analysis failed (${error.code ?? 'error'}): ${error.message}. Your ${this.#articles.length} article(s) are still loaded.${advice}`, { retry: true });
      this.#status('Analysis failed.');
      this.#setState('error');
    } finally {
      this.#running = false;
      this.#ui.progress.hidden = true;
    }
    this.#render();
    if (this.#pendingFocus) {
      // After the user added articles, focus goes to the result, not back to the page's body.
      this.#pendingFocus = false;
      this.#focusResult = false;
      this.#ui.panel.focus();
    }
    if (this.#engineStale) {
      this.#dirty = false;
      await this.#replaceEngine();
    } else if (this.#dirty) {
      this.#dirty = false;
      await this.#analyze();
    }
  }

  #finishIdle() {
    this.#setState(this.#articles.length ? 'ready' : 'empty');
    if (!this.#articles.length) this.#status(this.dataset.engine === 'ready' ? 'Ready. Nothing leaves this browser.' : '');
    this.#render();
  }

  #setState(state) {
    this.dataset.state = state;
  }

  // `update(ctx)`, when given, brings the shown view up to date in place (a view's own partial re-render, such as
  // the entity table's rows) instead of rendering the whole panel again.
  #setView(patch, { keepFocus, debounce = 0, update } = {}) {
    this.#view = { ...this.#view, ...patch };
    this.#saveMeta();
    clearTimeout(this.#renderTimer);
    const run = () => (update ? update(this.#context()) : this.#render({ keepFocus }));
    // Typing in a filter: the first key shows its result at once; keys that follow within `debounce` ms of
    // one another are answered together once the typing pauses.
    const now = performance.now();
    const burst = debounce && now - this.#lastTyped < debounce;
    this.#lastTyped = debounce ? now : -Infinity;
    if (burst) this.#renderTimer = setTimeout(run, debounce);
    else run();
  }

  // ---- UI ----

  #buildShell() {
    const fileInput = h('input', { type: 'file', multiple: true, accept: '.txt,.md,.markdown,.html,.htm,.text,text/plain,text/html,text/markdown', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true', onchange: (event) => {
      const files = [...event.target.files];
      event.target.value = '';
      this.addFiles(files);
    } });
    const aliasInput = h('input', { type: 'file', accept: '.tsv,.txt,text/plain,text/tab-separated-values', class: 'visually-hidden', tabindex: '-1', 'aria-hidden': 'true', onchange: (event) => {
      const [file] = event.target.files;
      event.target.value = '';
      if (file) this.#importAliases(file);
    } });
    const menuItem = (label, action) => h('button', { type: 'button', onclick: (event) => {
      event.target.closest('details').open = false;
      action();
    } }, label);

    const exportMenu = h('details', { class: 'menu' },
      h('summary', { class: 'button' }, 'Export'),
      h('div', { class: 'menu-items' },
        menuItem('Analysis (JSON)', () => this.#export('crosswire-analysis.json', analysisJson, 'application/json')),
        menuItem('Entities (CSV)', () => this.#export('crosswire-entities.csv', entitiesCsv, 'text/csv')),
        menuItem('Mentions (CSV)', () => this.#export('crosswire-mentions.csv', mentionsCsv, 'text/csv')),
        menuItem('Stories (CSV)', () => this.#export('crosswire-stories.csv', storiesCsv, 'text/csv')),
        h('hr'),
        menuItem('Aliases file (corrections)', () => this.#exportAliases()),
        menuItem('Import aliases…', () => aliasInput.click())));

    const taggerToggle = h('input', { type: 'checkbox', id: 'tagger-toggle', onchange: (event) => {
      const on = event.target.checked;
      if (this.#store) setTaggerPreference(this.#workspaceName(), on);
      this.toggleAttribute('tagger', on);
    } });
    const settingsMenu = h('details', { class: 'menu' },
      h('summary', { class: 'button' }, 'Settings'),
      h('div', { class: 'menu-items' },
        h('label', { class: 'menu-check', for: 'tagger-toggle' }, taggerToggle,
          h('span', {}, 'Trained tagger in Latin, Cyrillic, Greek and Thai text',
            h('small', {}, 'Experimental: types names by context (better on English, Spanish, Dutch news); loads 2 MB of models, analyses about 1.3× slower. Chinese and Japanese always use it.')))));

    const pasteText = h('textarea', { id: 'paste-text', rows: '14', spellcheck: 'false' });
    const pasteName = h('input', { id: 'paste-name', type: 'text', placeholder: 'pasted-1.txt' });
    const pastePublished = h('input', { id: 'paste-published', type: 'date' });
    const pasteDialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'paste-title' },
      h('h2', { id: 'paste-title' }, 'Paste an article'),
      h('label', { for: 'paste-text' }, 'Article text (title on the first line)'), pasteText,
      h('label', { for: 'paste-name' }, 'Name (optional)'), pasteName,
      h('label', { for: 'paste-published' }, 'Publication date (optional: dates without a year, "yesterday" and weekdays count from it)'), pastePublished,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', onclick: () => pasteDialog.close() }, 'Cancel'),
        h('button', { type: 'button', class: 'primary', onclick: () => {
          const text = pasteText.value;
          if (!text.trim()) return pasteText.focus();
          const name = pasteName.value.trim() || `pasted-${this.#articles.filter((a) => a.source === 'paste').length + 1}.txt`;
          const published = pastePublished.value;
          pasteDialog.close();
          pasteText.value = '';
          pasteName.value = '';
          pastePublished.value = '';
          try {
            checkText(name, text, this.#batchBytes());
          } catch (error) {
            this.#message('error', error.message);
            return;
          }
          this.#addArticle({ name, text, encoding: 'text', warnings: [], source: 'paste', published });
          this.#focusResult = true;
          this.#articlesChanged();
        } }, 'Add article')));

    const confirmDialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'new-title' },
      h('h2', { id: 'new-title' }, 'Start a new workspace?'),
      h('p', {}, 'This removes the articles and corrections saved in this browser. Export the aliases file first if you want to keep your corrections.'),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', onclick: () => confirmDialog.close() }, 'Keep working'),
        h('button', { type: 'button', class: 'danger', onclick: () => {
          confirmDialog.close();
          this.newWorkspace();
        } }, 'Start new workspace')));

    const duplicateDialog = h('dialog', { class: 'dialog duplicate-dialog', 'aria-labelledby': 'duplicate-title' },
      h('form', { method: 'dialog' },
        h('h2', { id: 'duplicate-title', class: 'duplicate-title' }, 'Already loaded'),
        h('p', {}, 'These files have exactly the same text as articles you already loaded. Copies would form stories with their originals.'),
        h('ul', { class: 'duplicate-list' }),
        h('div', { class: 'dialog-actions' },
          h('button', { value: 'add' }, 'Add them anyway'),
          h('button', { value: 'skip', class: 'primary' }, 'Skip them'))));

    const renameInput = h('input', { id: 'rename-name', type: 'text' });
    const renameDialog = h('dialog', { class: 'dialog rename-dialog', 'aria-labelledby': 'rename-title' },
      h('form', { method: 'dialog', onsubmit: (event) => {
        if (event.submitter?.value !== 'rename') return;
        const entity = this.#model?.entities.get(renameDialog.dataset.entity);
        const name = renameInput.value.trim();
        if (entity && name && name !== entity.name) this.#correct('rename', `renamed ${entity.name} to ${name}`, [renameLine(entity, name)]);
      } },
      h('h2', { id: 'rename-title' }, 'Rename entity'),
      h('label', { for: 'rename-name' }, 'Name'), renameInput,
      h('div', { class: 'dialog-actions' },
        h('button', { value: 'cancel', formnovalidate: true }, 'Cancel'),
        h('button', { value: 'rename', class: 'primary' }, 'Rename'))));

    const tabList = h('div', { id: 'tabs', class: 'tabs', role: 'tablist', 'aria-label': 'Views', onkeydown: (event) => this.#tabKeys(event) },
      tabs.map((tab) => h('button', {
        type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': 'panel', dataset: { tab: tab.id },
        onclick: () => this.#setView({ tab: tab.id }),
      }, tab.label)));

    const panel = h('main', { id: 'panel', class: 'panel', role: 'tabpanel', tabindex: '-1' });
    const tooltip = h('div', { id: 'tip', class: 'tooltip', role: 'tooltip', hidden: true });
    panel.addEventListener('mouseover', (event) => this.#showTip(event.target));
    panel.addEventListener('focusin', (event) => this.#showTip(event.target));
    panel.addEventListener('mouseout', (event) => event.target.closest?.('.mention') && this.#hideTip());
    panel.addEventListener('focusout', (event) => event.target.closest?.('.mention') && this.#hideTip());
    panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#hideTip();
      const mention = event.target.closest?.('.mention[data-entity]');
      if (mention && event.key === 'Enter') this.#openEntity(mention.dataset.entity);
    });

    const progress = h('progress', { class: 'progress', max: '1', value: '0', hidden: true, 'aria-label': 'Analysis progress' });
    const status = h('span', { class: 'status-text' });
    const messages = h('ul', { class: 'messages', 'aria-live': 'assertive' });
    const dropOverlay = h('div', { class: 'drop-overlay', 'aria-hidden': 'true' }, h('div', {}, 'Drop articles to add them'));

    const skipTo = (target, label) => h('a', { class: 'skip-link', href: `#${target}`, onclick: (event) => {
      event.preventDefault();
      const element = this.#root.getElementById(target);
      (target === 'tabs' ? element.querySelector('[aria-selected=true]') ?? element : element).focus();
    } }, label);
    const app = h('div', { class: 'app', onkeydown: (event) => this.#shortcuts(event) },
      h('nav', { class: 'skip-links', 'aria-label': 'Skip links' }, skipTo('tabs', 'Skip to the views'), skipTo('panel', 'Skip to the results')),
      h('header', { class: 'bar' },
        h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '⨯'), h('h1', {}, 'Crosswire'),
          h('span', { class: 'tagline' }, 'news articles → entities and stories, across languages · offline')),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => fileInput.click() }, 'Add files…'),
          h('button', { type: 'button', onclick: () => {
            pasteDialog.showModal();
            pasteText.focus();
          } }, 'Paste text…'),
          exportMenu,
          settingsMenu,
          h('button', { type: 'button', class: 'quiet', onclick: () => confirmDialog.showModal() }, 'New workspace'))),
      h('div', { class: 'statusbar', role: 'status' }, progress, status),
      messages,
      tabList,
      panel,
      fileInput, aliasInput, pasteDialog, confirmDialog, duplicateDialog, renameDialog, tooltip, dropOverlay);
    this.#root.append(app);
    this.#ui = { app, fileInput, tabList, panel, tooltip, progress, status, messages, dropOverlay, pasteDialog, duplicateDialog, renameDialog, renameInput, taggerToggle };

    // Dropping anywhere on the element adds the files; the overlay says so while dragging.
    let depth = 0;
    this.addEventListener('dragenter', (event) => {
      if (!event.dataTransfer?.types?.includes('Files')) return;
      depth += 1;
      app.classList.add('dragging');
    });
    this.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) app.classList.remove('dragging');
    });
    this.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types?.includes('Files')) event.preventDefault();
    });
    this.addEventListener('drop', (event) => {
      depth = 0;
      app.classList.remove('dragging');
      if (!event.dataTransfer?.files?.length) return;
      event.preventDefault();
      this.addFiles(event.dataTransfer.files);
    });
  }

  // Ctrl+Z undoes the newest correction, Ctrl+Shift+Z (or Ctrl+Y) redoes; a text field keeps its own undo.
  #shortcuts(event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    const target = event.composedPath()[0];
    if (target?.matches?.('input[type=text], input[type=search], textarea, [contenteditable]')) return;
    event.preventDefault();
    if (key === 'y' || event.shiftKey) this.redo();
    else this.undo();
  }

  #tabKeys(event) {
    const index = tabs.findIndex((tab) => tab.id === this.#view.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    this.#setView({ tab: tab.id });
    this.#root.getElementById(`tab-${tab.id}`).focus();
  }

  #status(text) {
    this.#ui.status.textContent = text;
  }

  #progress(done, total, phase) {
    const { progress } = this.#ui;
    progress.hidden = false;
    progress.max = Math.max(1, total);
    progress.value = done;
    this.#status(phase === 'clustering' ? `Grouping ${total} article(s) into stories…`
      : phase === 'finding' ? `Finding names: ${done} of ${total}…` : `Reading articles: ${done} of ${total}…`);
  }

  #message(kind, text, { retry = false } = {}) {
    this.#messages.push({ kind, text, retry });
    this.#renderMessages();
  }

  #renderMessages() {
    replace(this.#ui.messages, this.#messages.map((message, index) => h('li', { class: `message ${message.kind}`, role: message.kind === 'error' ? 'alert' : undefined },
      h('span', {}, message.text),
      message.articleId && this.#articles.some((a) => a.id === message.articleId) ? h('button', { type: 'button', class: 'remove-rejected', onclick: () => this.removeArticles([message.articleId]) }, 'Remove it') : null,
      message.retry ? h('button', { type: 'button', onclick: () => {
        this.#messages.splice(index, 1);
        this.#renderMessages();
        this.#analyze();
      } }, 'Retry') : null,
      h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss message', onclick: () => {
        this.#messages.splice(index, 1);
        this.#renderMessages();
      } }, '×'))));
  }

  #context() {
    return {
      model: this.#model,
      panel: this.#ui.panel,
      articles: this.#articles,
      view: this.#view,
      selection: this.#selection,
      setView: (patch, options) => this.#setView(patch, options),
      setPublished: (id, published) => this.setPublished(id, published).catch((error) => this.#message('error', error.message)),
      openArticle: (id) => {
        this.#setView({ tab: 'articles', articleId: id });
        this.#ui.panel.querySelector('.article-body')?.focus?.();
        this.#ui.panel.querySelector('.article-text')?.scrollIntoView?.({ block: 'start' });
      },
      openEntity: (id) => this.#openEntity(id),
      openStory: (id) => {
        this.#setView({ tab: 'stories' });
        const card = this.#ui.panel.querySelector(`[data-story="${CSS.escape(id)}"]`);
        card?.scrollIntoView({ block: 'start' });
        card?.querySelector('button')?.focus();
      },
      select: (id, on) => {
        if (on) this.#selection.add(id);
        else this.#selection.delete(id);
        // Only the row and the merge button change: no re-render of the table.
        const panel = this.#ui.panel;
        panel.querySelector(`tr[data-entity="${CSS.escape(id)}"]`)?.classList.toggle('selected', on);
        panel.querySelector('.entities-view .merge')?.replaceWith(mergeButton(this.#context()));
      },
      merge: (a, b) => {
        const first = this.#model.entities.get(a);
        const second = this.#model.entities.get(b);
        if (first && second) this.#correct('merge', `merged ${first.name} + ${second.name}`, [mergeLine(first, second)]);
      },
      split: (id, variant) => {
        const entity = this.#model.entities.get(id);
        if (entity) this.#correct('split', `split ${variant} off ${entity.name}`, [splitLine(entity, variant)]);
      },
      rename: (id) => {
        const entity = this.#model.entities.get(id);
        if (!entity) return;
        const { renameDialog, renameInput } = this.#ui;
        renameDialog.dataset.entity = id;
        renameInput.value = entity.name;
        renameDialog.showModal();
        renameInput.select();
      },
      moveArticle: (articleId, withArticleId) => this.#correct('move', `moved ${articleId} to the story of ${withArticleId}`, [moveLine(articleId, withArticleId)]),
      corrections: this.#corrections,
      canRedo: this.#redo.length > 0,
      undo: () => this.undo(),
      redo: () => this.redo(),
      removeCorrection: (id) => this.removeCorrection(id),
      exportAliases: () => this.#exportAliases(),
      removeArticles: (ids) => this.removeArticles(ids),
      rejected: new Map((this.#model?.analysis.rejected ?? []).map((r) => [r.id, r])),
    };
  }

  #openEntity(id) {
    const entity = this.#model?.entities.get(id);
    this.#hideTip();
    this.#setView({ tab: 'entities', query: entity?.name ?? '', entityType: null });
    this.#ui.panel.querySelector('.entity-filter')?.focus();
  }

  #render({ keepFocus } = {}) {
    const { panel, tabList } = this.#ui;
    if (!panel) return;
    const active = keepFocus ? this.#root.activeElement : null;
    const caret = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
    const hasArticles = this.#articles.length > 0;
    tabList.hidden = !hasArticles;
    for (const button of tabList.querySelectorAll('[role=tab]')) {
      const selected = button.dataset.tab === this.#view.tab;
      if (button.dataset.tab === 'corrections') button.textContent = this.#corrections.length ? `Corrections (${this.#corrections.length})` : 'Corrections';
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', `tab-${this.#view.tab}`);
    this.#hideTip();
    replace(panel, hasArticles ? this.#renderView() : this.#renderWelcome());
    if (keepFocus) {
      const target = panel.querySelector(keepFocus);
      if (target) {
        target.focus();
        if (caret && 'setSelectionRange' in target) target.setSelectionRange(...caret);
      }
    }
  }

  #renderView() {
    const ctx = this.#context();
    const { tab } = this.#view;
    if (tab === 'articles') return [renderArticleView(ctx), articleTools(ctx)];
    if (tab === 'corrections') return renderCorrectionsView(ctx);
    if (!this.#model) {
      return h('p', { class: 'empty' }, this.dataset.state === 'analyzing' ? 'Analysing…' : 'No analysis yet. The articles are loaded; see the Articles tab.');
    }
    if (tab === 'entities') return renderEntitiesView(ctx);
    if (tab === 'timeline') return renderTimelineView(ctx);
    if (tab === 'graph') return renderGraphView(ctx);
    return renderStoriesView(ctx);
  }

  #renderWelcome() {
    return h('section', { class: 'welcome', 'aria-labelledby': 'welcome-title' },
      h('h2', { id: 'welcome-title' }, 'Drop news articles here'),
      h('p', {}, 'Text, Markdown or HTML files, in any language and script. Crosswire finds the people, organisations and places in them, merges their spellings across languages, and groups the articles into stories.'),
      h('p', { class: 'muted' }, 'Everything runs in this browser. Nothing is uploaded.'),
      h('div', { class: 'welcome-actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => this.#ui.fileInput.click() }, 'Choose files…'),
        h('button', { type: 'button', onclick: () => {
          this.#ui.pasteDialog.showModal();
        } }, 'Paste text…'),
        h('button', { type: 'button', class: 'samples', onclick: () => this.loadSamples() }, 'Try the sample articles')));
  }

  #showTip(target) {
    const mention = target?.closest?.('.mention[data-entity]');
    if (!mention || !this.#model) return;
    const { tooltip, app } = this.#ui;
    replace(tooltip, entityCard(this.#model.entities.get(mention.dataset.entity), mention.textContent));
    tooltip.hidden = false;
    mention.setAttribute('aria-describedby', 'tip');
    const box = mention.getBoundingClientRect();
    const frame = app.getBoundingClientRect();
    const left = Math.max(4, Math.min(box.left - frame.left, frame.width - tooltip.offsetWidth - 4));
    tooltip.style.setProperty('left', `${left}px`);
    tooltip.style.setProperty('top', `${box.bottom - frame.top + 6}px`);
  }

  #hideTip() {
    if (this.#ui.tooltip) this.#ui.tooltip.hidden = true;
  }

  #export(name, make, type) {
    if (!this.#model) return this.#message('error', 'There is no analysis to export yet.');
    download(name, make(this.#model), type, this.#root);
  }

  #exportAliases() {
    download('crosswire-aliases.tsv', aliasesText(this.#corrections), 'text/tab-separated-values', this.#root);
  }

  async #importAliases(file) {
    const text = await file.text();
    const { entries, skipped } = parseAliases(text);
    if (!entries.length) {
      this.#message('error', `${file.name} holds no aliases lines (TYPE<TAB>name<TAB>variant…, APART or STORY lines).`);
      return;
    }
    this.#message('info', `Imported ${plural(entries.length, 'alias line')} from ${file.name}${skipped ? `; ${plural(skipped, 'malformed line')} skipped` : ''}.`);
    await this.#correct('import', `imported from ${file.name}`, entries.map((entry) => entry.line));
  }
}

if (!customElements.get('crosswire-analyzer')) customElements.define('crosswire-analyzer', CrosswireAnalyzerElement);

// The workspace (articles, corrections, view state) in IndexedDB, so an analyst's work survives a reload or a
// closed tab. Articles and the small "meta" record (corrections, view) are kept apart: changing tabs rewrites a
// few bytes, not megabytes of text. Nothing leaves the browser.
//
// The database is versioned; each version's upgrade rewrites what the one before saved, so a workspace saved by
// an older page opens in a newer one:
//   1. one object store `workspaces`: `<name>:articles` (the articles) and `<name>:meta` ({aliases, view}, the
//      corrections as one aliases text, article moves as `#@move` comments);
//   2. `<name>:meta` is {version: 2, corrections: [{id, kind, label, lines, time}], redo: [...], view}.
import { correctionsFromAliases } from './aliases.js';

const dbName = 'crosswire';
const storeName = 'workspaces';
export const schemaVersion = 2;

/** A meta record of any version as the current version's. */
export function upgradeMeta(meta) {
  if (!meta || typeof meta !== 'object') return meta;
  if (meta.version === schemaVersion) return meta;
  const { aliases, ...rest } = meta;
  return { ...rest, version: schemaVersion, corrections: correctionsFromAliases(aliases ?? ''), redo: [] };
}

function upgrade(request, oldVersion) {
  if (oldVersion < 1) request.result.createObjectStore(storeName);
  if (oldVersion >= 1 && oldVersion < 2) {
    const store = request.transaction.objectStore(storeName);
    store.openCursor().onsuccess = (event) => {
      const cursor = event.target.result;
      if (!cursor) return;
      if (String(cursor.key).endsWith(':meta')) cursor.update(upgradeMeta(cursor.value));
      cursor.continue();
    };
  }
}

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, schemaVersion);
    request.onupgradeneeded = (event) => upgrade(request, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the workspace database is blocked by another tab'));
  });
}

function run(mode, body) {
  return openDb().then((db) => new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, mode);
    const result = body(transaction.objectStore(storeName));
    transaction.oncomplete = () => {
      db.close();
      resolve(Array.isArray(result) ? result.map((request) => request.result) : result?.result);
    };
    transaction.onerror = transaction.onabort = () => {
      db.close();
      reject(transaction.error ?? new Error('the workspace could not be saved'));
    };
  }));
}

export class WorkspaceStore {
  #articlesKey;
  #metaKey;
  #queue = Promise.resolve();

  constructor(name = 'default') {
    this.#articlesKey = `${name}:articles`;
    this.#metaKey = `${name}:meta`;
  }

  /** {articles, meta} as saved, or null when there is nothing or storage is unavailable (private windows). */
  async load() {
    try {
      const [articles, meta] = await run('readonly', (store) => [store.get(this.#articlesKey), store.get(this.#metaKey)]);
      return articles || meta ? { articles: articles ?? [], meta: upgradeMeta(meta ?? { version: schemaVersion }) } : null;
    } catch {
      return null;
    }
  }

  // Writes go through one queue so an older state can never land after a newer one.
  #enqueue(body) {
    this.#queue = this.#queue.catch(() => {}).then(() => run('readwrite', body));
    return this.#queue;
  }

  /** Resolves when every write so far has landed. */
  settled() {
    return this.#queue.catch(() => {});
  }

  saveArticles(articles) {
    return this.#enqueue((store) => store.put(articles, this.#articlesKey));
  }

  saveMeta(meta) {
    return this.#enqueue((store) => store.put({ ...meta, version: schemaVersion }, this.#metaKey));
  }

  clear() {
    return this.#enqueue((store) => [store.delete(this.#articlesKey), store.delete(this.#metaKey)]);
  }
}

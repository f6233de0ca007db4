// The workspace (articles, corrections, view state) in IndexedDB, so an analyst's work survives a reload or a
// closed tab. Articles and the small "meta" record (aliases, view) are kept apart: changing tabs rewrites a few
// bytes, not megabytes of text. Nothing leaves the browser.

const dbName = 'crosswire';
const storeName = 'workspaces';

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
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
      return articles || meta ? { articles: articles ?? [], meta: meta ?? {} } : null;
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
    return this.#enqueue((store) => store.put(meta, this.#metaKey));
  }

  clear() {
    return this.#enqueue((store) => [store.delete(this.#articlesKey), store.delete(this.#metaKey)]);
  }
}

// Caches the app on first visit so it opens offline afterwards. The build fills in the file list and a version
// derived from the files' contents; a new build gets a new cache and the old one is deleted.
/* global CROSSWIRE_PRECACHE, CROSSWIRE_VERSION */
const cacheName = `crosswire-${CROSSWIRE_VERSION}`;
const scope = new URL('./', self.location.href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName)
    .then((cache) => cache.addAll(CROSSWIRE_PRECACHE.map((path) => new URL(path, scope).href)))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    // crosswire-packs is the data packs' cache of crosswire.js (named by content, pruned by it).
    .then((names) => Promise.all(names.filter((name) => name.startsWith('crosswire-') && name !== cacheName && name !== 'crosswire-packs').map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    const lookup = request.mode === 'navigate' && new URL(request.url).pathname.endsWith('/') ? new URL('index.html', request.url).href : request;
    const cached = await cache.match(lookup, { ignoreSearch: true });
    if (cached) return cached;
    // Not part of the app (e.g. a page added later): the network, and the cache when it is gone.
    return fetch(request);
  })());
});

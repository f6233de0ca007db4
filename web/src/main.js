// The page's entry: the app is the <crosswire-analyzer> element; this adds offline use through a service worker.
import './element.js';

/* global CROSSWIRE_STANDALONE */
const standalone = typeof CROSSWIRE_STANDALONE !== 'undefined' && CROSSWIRE_STANDALONE;

// file:// (the single-file build) has no service workers, and needs none: everything is in the file.
// Registered once the analyzer is running, so its precache finds the wasm and data in the HTTP cache (a cheap
// revalidation) instead of downloading megabytes a second time alongside the page's own first load.
if (!standalone && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  document.addEventListener('crosswire-ready', () => {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch((error) => {
      console.warn(`crosswire: offline cache unavailable: ${error.message}`);
    });
  }, { once: true });
}

// The page's entry: the app is the <crosswire-analyzer> element; this adds offline use through a service worker.
import './element.js';

/* global CROSSWIRE_STANDALONE */
const standalone = typeof CROSSWIRE_STANDALONE !== 'undefined' && CROSSWIRE_STANDALONE;

// file:// (the single-file build) has no service workers, and needs none: everything is in the file.
if (!standalone && 'serviceWorker' in navigator && location.protocol.startsWith('http')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch((error) => {
      console.warn(`crosswire: offline cache unavailable: ${error.message}`);
    });
  });
}

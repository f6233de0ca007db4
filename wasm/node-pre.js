// Emscripten 3.1.6's loader fetch()es the .wasm by file path, which Node 18+ rejects ("Failed to
// parse URL"). Under node, the test binaries read their .wasm from disk instead.
if (typeof process === 'object' && process.versions && process.versions.node && typeof require === 'function') {
  Module['wasmBinary'] = require('fs').readFileSync(__filename.replace(/\.c?js$/, '.wasm'));
}

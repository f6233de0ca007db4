// Measuring hooks for the end-to-end benchmark, loaded before the app's worker and changing nothing it does:
// they note when a request arrives, find the wasm instance's memory as it is created, and add both, with the
// time each reply leaves, to every message the worker posts (as `bench`).
let memory = null;
let received = 0;

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function instantiateAndNote(source, imports) {
  const result = await instantiate.call(this, source, imports);
  const instance = result instanceof WebAssembly.Instance ? result : result.instance;
  const isMemory = (value) => value instanceof WebAssembly.Memory;
  memory = Object.values(instance.exports).find(isMemory) ?? Object.values(imports?.env ?? {}).find(isMemory) ?? null;
  return result;
};

self.addEventListener('message', () => {
  received = performance.now();
});

const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => post({
  ...message,
  bench: {
    received,
    sent: performance.now(),
    wasmBytes: memory ? memory.buffer.byteLength : null,
  },
}, ...rest);

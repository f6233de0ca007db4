// The app's own analysis worker (worker.js, beside this file in the served folder) with the benchmark's
// measuring hooks loaded first.
import './bench-hooks.js';
import './worker.js';

#!/usr/bin/env node
// A tiny static server for the built app: `node web/serve.mjs [--port 8080] [--host 127.0.0.1] DIR`.
// Dependency-free on purpose: it is what the README's one command runs, and the browser tests start it too.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const mimeTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.dat': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

// The page needs no inline script, no eval and no network beyond its own origin. 'wasm-unsafe-eval' is what
// WebAssembly compilation needs; blob: lets a host page build workers from the bundled module if it wants to.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');


/** Starts serving `root`; resolves with the listening server and its URL. */
export async function serve({ root, port = 8080, host = '127.0.0.1', log = console.log } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(response, 400, 'bad request');
    }
    const file = normalize(join(rootDir, path));
    // Never serve outside the root, whatever the URL says.
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(response, 403, 'forbidden');
    let target = file;
    let info = await stat(target).catch(() => null);
    if (info?.isDirectory()) {
      target = join(target, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info?.isFile()) return send(response, 404, 'not found');
    // Validators let the service worker's precache (and reloads) revalidate instead of downloading again.
    const etag = `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
    const common = {
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The service worker gives offline use; the HTTP cache would only make a rebuilt app look stale.
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Last-Modified': new Date(info.mtimeMs).toUTCString(),
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, common);
      return response.end();
    }
    response.writeHead(200, {
      'Content-Type': mimeTypes[extname(target).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      ...common,
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(target).pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`;
  log?.(`crosswire: serving ${rootDir} on ${url} (Ctrl-C stops)`);
  return { server, url };
}

function send(response, status, text) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy,
  });
  response.end(text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' } },
    allowPositionals: true,
  });
  const port = Number(values.port);
  if (positionals.length !== 1 || !Number.isInteger(port)) {
    console.error('usage: node web/serve.mjs [--port 8080] [--host 127.0.0.1] DIR');
    process.exit(2);
  }
  serve({ root: positionals[0], port, host: values.host }).catch((error) => {
    console.error(`crosswire: cannot serve: ${error.message}`);
    process.exit(1);
  });
}

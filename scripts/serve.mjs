// A small static server for the demo and the browser tests: www/ at /,
// pkg/ at /pkg/, with the right MIME types (application/wasm matters), no
// caching, and a hook for extra routes. Binds to 127.0.0.1 only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Maps a URL path to a file under `mounts` ({ '/pkg/': 'pkg', '/': 'www' };
 * directories relative to the repository root, or absolute), or null.
 */
function fileFor(pathname, mounts) {
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    if (rel.startsWith('..')) return null;
    return join(resolve(root, dir), rel);
  }
  return null;
}

/**
 * Starts the server. `routes` maps exact paths to handlers (req, res) tried
 * before files; `headers` are added to every file response (a CSP, say);
 * `transformHtml(text, pathname)`, if given, rewrites each HTML file served
 * (the browser tests add a probe script to pages this way).
 */
export async function startServer({ port = 0, routes = {}, headers = {}, mounts, transformHtml } = {}) {
  const table = mounts || { '/pkg/': 'pkg', '/': 'www' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = routes[url.pathname];
    if (route) return route(req, res, url);
    let file = fileFor(url.pathname, table);
    try {
      if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      if (transformHtml && extname(file) === '.html') body = transformHtml(body.toString('utf8'), url.pathname);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return { server, url: `http://127.0.0.1:${actual}`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT || 8080);
  const { url } = await startServer({ port });
  console.log(`incident-timeline demo: ${url}/  (examples: ${url}/examples.html, playground: ${url}/playground.html)  — Ctrl+C to stop`);
}

#!/usr/bin/env node
// A tiny, dependency-free static file server for dist/, used by scripts/serve, the
// end-to-end tests and the benchmark.
//
//   node scripts/static-server.mjs --root dist --port 8080 [--host 127.0.0.1] [--csp] [--cors]
//
// As a module:
//   const { url, port, close } = await startServer({ root, port: 0, csp, cors, routes });
//
// `csp`: a policy string (or `true` for RECOMMENDED_CSP) sent as Content-Security-Policy on
// every response. `cors`: send `Access-Control-Allow-Origin: *` on every response (and answer
// a preflight), so a page on another origin can load embed.js, its wasm and datasets, as
// from a CDN that allows it. `routes`: { '/path': (req, res) => void } handled before the files, for
// tests (a 404, an HTML error page, a slow response, ...). Routes match the URL path exactly,
// without the query string.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const RECOMMENDED_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self' https:";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function sendText(res, status, text, extraHeaders = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extraHeaders });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

// Maps a URL path to a file under root, or null when it would leave root.
function resolveInRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

async function serveFile(req, res, root) {
  const url = new URL(req.url, 'http://localhost');
  let file = resolveInRoot(root, url.pathname);
  if (file === null) return sendText(res, 404, 'Not found\n');
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      // Relative asset URLs (Trunk's public_url "./") need the trailing slash.
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
  } catch {
    return sendText(res, 404, 'Not found\n');
  }
  if (!info.isFile()) return sendText(res, 404, 'Not found\n');
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function startServer({ root, port = 0, host = '127.0.0.1', csp = null, cors = false, routes = {} } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const absRoot = path.resolve(root);
  const policy = csp === true ? RECOMMENDED_CSP : csp;
  const server = createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (policy) res.setHeader('Content-Security-Policy', policy);
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    try {
      const pathname = new URL(req.url, 'http://localhost').pathname;
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : null;
      if (route) return await route(req, res);
      if (cors && req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '600' });
        return res.end();
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      }
      await serveFile(req, res, absRoot);
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
      else res.destroy();
      console.error('static-server:', error);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: 'dist', port: 8080, host: '127.0.0.1', csp: null, cors: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--root') opts.root = value();
    else if (arg === '--port') opts.port = Number(value());
    else if (arg === '--host') opts.host = value();
    else if (arg === '--csp') opts.csp = RECOMMENDED_CSP;
    else if (arg.startsWith('--csp=')) opts.csp = arg.slice('--csp='.length);
    else if (arg === '--cors') opts.cors = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error('--port must be a number from 0 to 65535');
  }
  return opts;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`static-server: ${error.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node scripts/static-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--csp | --csp=POLICY] [--cors]\n' +
      '  --csp     send the recommended Content-Security-Policy (or POLICY)\n' +
      '  --cors    send Access-Control-Allow-Origin: * (a page on another origin may load embed.js and the data)');
    process.exit(0);
  }
  try {
    const info = await stat(opts.root);
    if (!info.isDirectory()) throw new Error();
  } catch {
    console.error(`static-server: ${opts.root} is not a directory`);
    process.exit(1);
  }
  const { url, close } = await startServer(opts).catch((error) => {
    console.error(`static-server: cannot listen on ${opts.host}:${opts.port}: ${error.message}`);
    process.exit(1);
  });
  const extras = [opts.csp && 'Content-Security-Policy', opts.cors && 'CORS for any origin'].filter(Boolean);
  console.log(`Serving ${opts.root} at ${url}${extras.length ? ` (with ${extras.join(' and ')})` : ''}; Ctrl+C stops.`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

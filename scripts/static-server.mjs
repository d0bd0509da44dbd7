#!/usr/bin/env node
// A tiny, dependency-free static file server for dist/, used by scripts/serve, the
// end-to-end tests and the benchmark.
//
//   node scripts/static-server.mjs --root dist --port 8080 [--host 127.0.0.1] [--csp] [--cors]
//                                  [--compress | --compress=gzip | --compress=br]
//
// As a module:
//   const { url, port, close } = await startServer({ root, port: 0, csp, cors, compress, routes });
//
// `csp`: a policy string (or `true` for RECOMMENDED_CSP) sent as Content-Security-Policy on
// every response. `cors`: send `Access-Control-Allow-Origin: *` on every response (and answer
// a preflight), so a page on another origin can load embed.js, its wasm and datasets, as
// from a CDN that allows it. `compress`: answer a request that accepts it with the file
// compressed, as a CDN would (Content-Encoding, Vary: Accept-Encoding): 'gzip' (level 9),
// 'br' (quality 11), or `true` for either, Brotli first; text, JSON, SVG and wasm only, each
// file compressed once (until it changes). Off by default: the tests and the benchmark's own
// tables see the files as they are. `routes`: { '/path': (req, res) => void } handled before the files, for
// tests (a 404, an HTML error page, a slow response, ...). Routes match the URL path exactly,
// without the query string.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

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

// What a CDN compresses: text, JSON, SVG and wasm, not images or fonts that are compressed already.
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.css', '.json', '.map', '.wasm', '.txt', '.md', '.csv', '.xml', '.svg']);
const ENCODERS = {
  br: (bytes) => promisify(brotliCompress)(bytes, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: 9 }),
};

/** The encodings `compress` (startServer's option) allows, in order of preference. */
function encodingsFor(compress) {
  if (!compress) return [];
  if (compress === true) return ['br', 'gzip'];
  if (!Object.hasOwn(ENCODERS, compress)) throw new Error(`startServer: compress must be true, 'gzip' or 'br', not ${compress}`);
  return [compress];
}

/** The first of `encodings` that an Accept-Encoding header accepts (q > 0), or null. */
export function chooseEncoding(acceptEncoding, encodings) {
  const accepted = new Map();
  for (const part of String(acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  return encodings.find((e) => (accepted.get(e) ?? (accepted.has('*') ? accepted.get('*') : 0)) > 0) ?? null;
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

async function serveFile(req, res, root, encodings, compressed) {
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
  const encoding = COMPRESSIBLE.has(path.extname(file).toLowerCase())
    ? chooseEncoding(req.headers['accept-encoding'], encodings)
    : null;
  if (encoding) {
    // Compressed once per file version, as a CDN caches its compressed copy.
    const key = `${encoding} ${file} ${info.size} ${info.mtimeMs}`;
    if (!compressed.has(key)) compressed.set(key, readFile(file).then(ENCODERS[encoding]));
    const body = await compressed.get(key);
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Encoding': encoding,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  }
  if (encodings.length) res.setHeader('Vary', 'Accept-Encoding');
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

export function startServer({ root, port = 0, host = '127.0.0.1', csp = null, cors = false, compress = false, routes = {} } = {}) {
  if (!root) throw new Error('startServer: root is required');
  const absRoot = path.resolve(root);
  const policy = csp === true ? RECOMMENDED_CSP : csp;
  const encodings = encodingsFor(compress);
  const compressed = new Map();
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
      await serveFile(req, res, absRoot, encodings, compressed);
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
  const opts = { root: 'dist', port: 8080, host: '127.0.0.1', csp: null, cors: false, compress: false };
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
    else if (arg === '--compress') opts.compress = true;
    else if (arg === '--compress=gzip' || arg === '--compress=br') opts.compress = arg.slice('--compress='.length);
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
      '                                  [--compress | --compress=gzip | --compress=br]\n' +
      '  --csp       send the recommended Content-Security-Policy (or POLICY)\n' +
      '  --cors      send Access-Control-Allow-Origin: * (a page on another origin may load embed.js and the data)\n' +
      '  --compress  send text and wasm compressed (Brotli or gzip, or only the one named) to a browser that accepts it');
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
  const extras = [
    opts.csp && 'Content-Security-Policy',
    opts.cors && 'CORS for any origin',
    opts.compress && `${opts.compress === true ? 'Brotli or gzip' : opts.compress} compression`,
  ].filter(Boolean);
  console.log(`Serving ${opts.root} at ${url}${extras.length ? ` (with ${extras.join(' and ')})` : ''}; Ctrl+C stops.`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

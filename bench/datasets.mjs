// The datasets measured (the bundled one and the generated gen-*.json files), the local server
// that serves them with dist/ and the reference page, and the check that every dataset loads in
// every page, which also decides the page kinds compared (the widget pages long matrices).

import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chooseEncoding, mimeType, startServer } from '../scripts/static-server.mjs';
import { MARKER, matchingIssues } from './generate.mjs';
import { BENCH_DIR, BUNDLED_FILE, log } from './options.mjs';
import { newInstrumentedPage, rowInfo, waitReady } from './page.mjs';

/** The bundled dataset, then every gen-*.json in opts.dataDir, smallest first; exits if none. */
export function loadDatasets(opts) {
  const bundled = JSON.parse(readFileSync(BUNDLED_FILE, 'utf8'));
  const generated = existsSync(opts.dataDir)
    ? readdirSync(opts.dataDir).filter((f) => /^gen-\d+x\d+\.json$/.test(f))
    : [];
  const bySize = (f) => f.match(/^gen-(\d+)x(\d+)/).slice(1).map(Number);
  generated.sort((a, b) => bySize(a)[0] * bySize(a)[1] - bySize(b)[0] * bySize(b)[1]);
  if (!generated.length) {
    console.error(`bench: no gen-*.json in ${opts.dataDir}; run node bench/generate.mjs ${opts.dataDir}`);
    process.exit(1);
  }

  const DATASETS = [
    {
      key: 'bundled',
      label: `bundled (${bundled.issues.length}×${bundled.parties.length})`,
      file: BUNDLED_FILE,
      widget: '/',
      query: 'crimea',
      data: bundled,
    },
    ...generated.map((f) => {
      const [issues, parties] = bySize(f);
      const data = JSON.parse(readFileSync(path.join(opts.dataDir, f), 'utf8'));
      return {
        key: `${issues}x${parties}`,
        label: `${issues}×${parties}`,
        file: path.join(opts.dataDir, f),
        widget: `/?data=/bench-data/${f}`,
        query: MARKER,
        data,
      };
    }),
  ];
  for (const d of DATASETS) {
    d.name = path.basename(d.file);
    d.reference = `/bench/reference.html?data=/bench-data/${d.name}`;
    d.issues = d.data.issues.length;
    d.expectedMatches = matchingIssues(d.data, d.query);
    d.toggleParty = d.data.parties[0].id;
    d.bytes = statSync(d.file).size;
    delete d.data;
  }
  return DATASETS;
}

/** Serves dist/ at /, the reference page and an article framing the widget at /bench/, and the
 *  datasets at /bench-data/. With `compress: 'gzip'`, every text file and wasm (the bench's own
 *  files too) goes gzip-compressed (level 9) to a browser that accepts it, as from a CDN. */
export function serveBench(opts, DATASETS, { compress = false } = {}) {
  const gzipped = new Map();
  function fileRoute(file) {
    return (req, res) => {
      const info = statSync(file);
      if (compress === 'gzip' && chooseEncoding(req.headers['accept-encoding'], ['gzip']) === 'gzip') {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
        const body = gzipped.get(file);
        res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': body.length, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    };
  }
  const routes = {};
  for (const f of ['reference.html', 'reference.js', 'article.html']) routes[`/bench/${f}`] = fileRoute(path.join(BENCH_DIR, f));
  for (const d of DATASETS) routes[`/bench-data/${d.name}`] = fileRoute(d.file);
  return startServer({ root: opts.dist, port: 0, host: '127.0.0.1', routes, compress });
}

// Validation: every dataset loads as "ready" in the widget (and the reference). The widget
// renders long matrices a page of rows at a time ("Show more"); each dataset's page size is
// read from it here, and the reference is then run with the same page size (like for like)
// and, where it makes a difference, also with every row.
// Returns the page kinds (PAGES, pagesFor), the page size, and the dataset-check table, which
// checkRows extends when the interaction pass loads the reference pages.
export async function checkPages({ browser, base, DATASETS }) {
  log('validating datasets in the widget');
  const validation = [];
  // Per dataset: wide tables get shorter pages (the widget lays out a bounded number of cells
  // per page), so each dataset's page size is read from the widget.
  const pageSizes = {};
  for (const d of DATASETS) {
    const { context, page } = await newInstrumentedPage(browser);
    await page.goto(base + d.widget);
    await waitReady(page);
    const info = await page.evaluate(rowInfo);
    await context.close();
    pageSizes[d.key] = info.more !== null ? info.rows : Infinity;
    if (info.state !== 'ready' || (info.more === null && info.rows !== d.issues) || info.rows > d.issues) {
      throw new Error(`widget ${d.label}: ${info.state}, ${info.rows} rows of ${d.issues}`);
    }
    validation.push([d.label, 'widget', `\`${info.state}\``, String(info.rows), info.count ?? '', info.more ?? '']);
  }
  const paged = DATASETS.some((d) => Number.isFinite(pageSizes[d.key]));
  const pageSize = DATASETS.filter((d) => Number.isFinite(pageSizes[d.key])).map((d) => `${pageSizes[d.key]} (${d.label})`).join(', ');
  const limitOf = (d) => pageSizes[d.key];

  const PAGES = [
    { key: 'widget', label: 'widget', limit: limitOf, url: (d) => d.widget, applies: () => true },
    {
      key: 'reference',
      label: paged ? 'reference (same pages)' : 'reference',
      limit: limitOf,
      url: (d) => d.reference + (Number.isFinite(limitOf(d)) ? `&limit=${limitOf(d)}` : ''),
      applies: () => true,
    },
    {
      key: 'full',
      label: 'reference (all rows)',
      limit: () => Infinity,
      url: (d) => d.reference,
      applies: (d) => d.issues > limitOf(d),
    },
  ];
  const pagesFor = (d) => PAGES.filter((p) => p.applies(d));

  // The reference pages are checked the same way when the interaction pass loads them.
  const checkRows = (p, d, info) => {
    if (info.state !== 'ready' || info.rows !== Math.min(d.issues, p.limit(d))) {
      throw new Error(`${p.key} ${d.label}: data-state ${info.state}, ${info.rows} rows, expected ${Math.min(d.issues, p.limit(d))}`);
    }
    if (p.key !== 'widget') validation.push([d.label, p.label, `\`${info.state}\``, String(info.rows), info.count ?? '', info.more ?? '']);
  };
  return { validation, pageSize, paged, PAGES, pagesFor, checkRows };
}

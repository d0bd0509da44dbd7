// Performance benchmark of the Stance Matrix widget against a plain-DOM reference page.
//
//   node bench/measure.mjs [--dist dist] [--data-dir target/bench-data] [--out BENCHMARKS.md]
//                          [--loads 20] [--reps 15] [--extra-loads 10] [--extra-reps 5] [--no-trace]
//
// Serves dist/ at /, bench/ at /bench/ and the datasets (the bundled one and the generated
// gen-*.json files in --data-dir) at /bench-data/, then drives headless Chromium
// (playwright-core, /usr/bin/chromium) through: transfer sizes, cold startup, filter and
// party-toggle latency, memory, and a Chromium trace of the largest dataset. It prints one
// markdown table per section and writes them all to --out. See BENCHMARKS.md for the method.

import { execFile, execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { mimeType, startServer } from '../scripts/static-server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';
import { MARKER, matchingIssues } from './generate.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(BENCH_DIR, '..');
const BUNDLED_FILE = path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json');

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = {
    dist: path.join(REPO_ROOT, 'dist'),
    dataDir: path.join(REPO_ROOT, 'target', 'bench-data'),
    out: path.join(REPO_ROOT, 'BENCHMARKS.md'),
    loads: 20,
    reps: 15,
    extraLoads: 10,
    extraReps: 5,
    trace: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? (() => { throw new Error(`${arg} needs a value`); })();
    if (arg === '--dist') opts.dist = path.resolve(value());
    else if (arg === '--data-dir') opts.dataDir = path.resolve(value());
    else if (arg === '--out') opts.out = path.resolve(value());
    else if (arg === '--loads') opts.loads = Number(value());
    else if (arg === '--reps') opts.reps = Number(value());
    else if (arg === '--extra-loads') opts.extraLoads = Number(value());
    else if (arg === '--extra-reps') opts.extraReps = Number(value());
    else if (arg === '--no-trace') opts.trace = false;
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

// What was built, read at the start (others may commit during the run): the commit, and how
// many build inputs differ from it.
const buildInfo = (() => {
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const inputs = ['src', 'styles', 'web', 'index.html', 'Trunk.toml', 'Cargo.toml', 'Cargo.lock', 'scripts/post-build.mjs'];
  return {
    commit: git('rev-parse', '--short', 'HEAD').trim() || 'unknown',
    dirty: git('status', '--porcelain', '--', ...inputs).split('\n').filter((l) => l.trim()).length,
  };
})();
const started = Date.now();
const log = (message) => console.error(`bench: [${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);

// ---------------------------------------------------------------------------------------------
// Small helpers: statistics, formatting, markdown

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Nearest-rank 95th percentile. */
function p95(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)];
}

const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms` : 'n/a');
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');

function mdTable(headers, rows, align = []) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const sep = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [line(headers), line(sep), ...rows.map(line)].join('\n');
}

const sections = [];
function section(title, intro, table, notes = '') {
  const text = `## ${title}\n\n${intro ? intro + '\n\n' : ''}${table}${notes ? '\n\n' + notes : ''}\n`;
  sections.push(text);
  console.log('\n' + text);
}

// ---------------------------------------------------------------------------------------------
// Datasets and server

if (!existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`bench: ${opts.dist}/index.html is missing; run trunk build --release first`);
  process.exit(1);
}

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

function fileRoute(file) {
  return (req, res) => {
    const info = statSync(file);
    res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
}
const routes = {};
for (const f of ['reference.html', 'reference.js']) routes[`/bench/${f}`] = fileRoute(path.join(BENCH_DIR, f));
for (const d of DATASETS) routes[`/bench-data/${d.name}`] = fileRoute(d.file);

const server = await startServer({ root: opts.dist, port: 0, host: '127.0.0.1', routes });
const base = server.url.replace(/\/$/, '');
log(`serving ${opts.dist} at ${server.url} (datasets: ${DATASETS.map((d) => d.label).join(', ')})`);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});

// Other work on the machine during the run, sampled every 2 s: builds (cargo, rustc, trunk by
// process name, not a fuzzer), a fuzzer, and the 1-minute load average.
const contention = { samples: 0, builds: 0, fuzzer: 0, load: [] };
const sampler = setInterval(() => {
  execFile('pgrep', ['-a', 'cargo|rustc|trunk|fuzz'], (error, stdout) => {
    const lines = (stdout ?? '').split('\n').filter(Boolean);
    contention.samples++;
    if (lines.some((l) => !/fuzz/.test(l))) contention.builds++;
    if (lines.some((l) => /fuzz/.test(l))) contention.fuzzer++;
    contention.load.push(loadavg()[0]);
  });
}, 2000);

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (installed before any page script runs)

// Records performance.now() (ms since navigation start) the first time a matrix row is in the
// DOM, the first time the page says it is ready (data-state="ready" with #sm-q present and
// enabled), and when it is interactive: after "ready", the next frame (requestAnimationFrame) has
// been rendered and a new task (setTimeout 0) gets the main thread, so the page can handle
// input. Also captures the wasm instance for the memory figures.
const INIT_SCRIPT = `(() => {
  const marks = { firstRow: null, ready: null, interactive: null, state: null };
  Object.defineProperty(window, '__bench', { value: marks });
  const check = () => {
    if (marks.firstRow === null && document.querySelector('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])')) {
      marks.firstRow = performance.now();
    }
    const root = document.getElementById('stance-matrix');
    marks.state = root ? root.getAttribute('data-state') : null;
    if (marks.ready === null && marks.state === 'ready') {
      const input = document.getElementById('sm-q');
      if (input && !input.disabled) {
        marks.ready = performance.now();
        requestAnimationFrame(() => setTimeout(() => { marks.interactive = performance.now(); }, 0));
      }
    }
    if (marks.firstRow !== null && marks.ready !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'disabled'] });
  const instances = [];
  Object.defineProperty(window, '__benchWasm', { value: instances });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        instances.push(result instanceof WebAssembly.Instance ? result : result.instance);
        return result;
      });
    };
  }
})();`;

// One interaction, run inside the page. The latency is the time of the LAST MutationObserver
// callback on the table (after it forced style and layout) minus performance.now() taken just
// before the event is dispatched. Waiting for the end: a double requestAnimationFrame plus an
// idle callback, repeated until a whole wait passes with no mutation; this only decides when
// it is over, the measured end stays the last forced layout.
async function pageOperation({ action, value, party }) {
  const table = document.querySelector('table[data-testid="matrix"]');
  let first = null;
  let last = null;
  let layout = 0;
  let callbacks = 0;
  let records = 0;
  const observer = new MutationObserver((list) => {
    const start = performance.now();
    if (first === null) first = start;
    document.body.getBoundingClientRect();
    void document.body.offsetHeight;
    last = performance.now();
    layout += last - start;
    callbacks++;
    records += list.length;
  });
  observer.observe(table, { subtree: true, childList: true, attributes: true, characterData: true });
  let t0;
  if (action === 'query') {
    const input = document.getElementById('sm-q');
    input.value = value;
    t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  } else {
    const box = document.querySelector(`input[type="checkbox"][data-party="${party}"]`);
    t0 = performance.now();
    box.click();
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));
  for (let round = 0; round < 50; round++) {
    const seen = callbacks;
    await frame();
    await frame();
    await idle();
    if (callbacks === seen && callbacks > 0) break;
    if (callbacks === 0 && round >= 3) break; // nothing changed at all
  }
  observer.disconnect();
  const rows = table.querySelectorAll('tbody tr[data-issue]:not([hidden])').length;
  const cells = table.querySelectorAll('tbody td[data-party]').length;
  return {
    latency: last === null ? null : last - t0,
    script: first === null ? null : first - t0,
    layout,
    callbacks,
    records,
    rows,
    cells,
  };
}

async function newInstrumentedPage({ disableCache = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  if (disableCache) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return { context, page, cdp, errors };
}

async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(
    () => window.__bench.state === 'error' || (window.__bench.firstRow !== null && window.__bench.interactive !== null),
    null,
    { timeout, polling: 25 },
  );
  const marks = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/bench-data/'));
    return { ...window.__bench, dataLoaded: data ? data.responseEnd : null };
  });
  if (marks.state !== 'ready') {
    const text = await page.evaluate(() => document.getElementById('stance-matrix')?.innerText.slice(0, 500));
    throw new Error(`${page.url()}: data-state="${marks.state}", not "ready": ${text}`);
  }
  return marks;
}

// ---------------------------------------------------------------------------------------------
// 0. Validation: every dataset loads as "ready" in the widget (and the reference). The widget
// renders long matrices a page of rows at a time ("Show more"); the page size is read from it
// here, and the reference is then run with the same page size (like for like) and, where it
// makes a difference, also with every row.

const rowInfo = () => ({
  state: document.getElementById('stance-matrix').getAttribute('data-state'),
  rows: document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])').length,
  count: document.querySelector('[data-testid="count"]')?.textContent.trim(),
  more: (() => {
    const button = document.querySelector('[data-testid="show-more"]');
    return button && !button.closest('[hidden]') ? button.textContent.trim() : null;
  })(),
});

log('validating datasets in the widget');
const validation = [];
let pageSize = Infinity;
const widgetRows = {};
for (const d of DATASETS) {
  const { context, page } = await newInstrumentedPage();
  await page.goto(base + d.widget);
  await waitReady(page);
  const info = await page.evaluate(rowInfo);
  await context.close();
  widgetRows[d.key] = info;
  if (info.more !== null) pageSize = Math.min(pageSize, info.rows);
  validation.push([d.label, 'widget', `\`${info.state}\``, String(info.rows), info.count ?? '', info.more ?? '']);
}
for (const d of DATASETS) {
  if (widgetRows[d.key].rows !== Math.min(d.issues, pageSize)) {
    throw new Error(`widget ${d.label}: ${widgetRows[d.key].rows} rows, expected ${Math.min(d.issues, pageSize)}`);
  }
}
const paged = Number.isFinite(pageSize);

const PAGES = [
  { key: 'widget', label: 'widget', limit: pageSize, url: (d) => d.widget, applies: () => true },
  {
    key: 'reference',
    label: paged ? `reference (${pageSize}-row pages)` : 'reference',
    limit: pageSize,
    url: (d) => d.reference + (paged ? `&limit=${pageSize}` : ''),
    applies: () => true,
  },
  {
    key: 'full',
    label: 'reference (all rows)',
    limit: Infinity,
    url: (d) => d.reference,
    applies: (d) => paged && d.issues > pageSize,
  },
];
const pagesFor = (d) => PAGES.filter((p) => p.applies(d));

// The reference pages are checked the same way when the interaction pass loads them.
const checkRows = (p, d, info) => {
  if (info.state !== 'ready' || info.rows !== Math.min(d.issues, p.limit)) {
    throw new Error(`${p.key} ${d.label}: data-state ${info.state}, ${info.rows} rows, expected ${Math.min(d.issues, p.limit)}`);
  }
  if (p.key !== 'widget') validation.push([d.label, p.label, `\`${info.state}\``, String(info.rows), info.count ?? '', info.more ?? '']);
};

// ---------------------------------------------------------------------------------------------
// 1. Transfer: every file the widget's standalone page (bundled data) loads

log('transfer sizes');
const transfer = [];
{
  const { context, page, cdp, errors } = await newInstrumentedPage({ disableCache: true });
  const pending = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(base)) return;
    pending.push(
      response.body().then(
        (body) => ({ url, status: response.status(), type: response.headers()['content-type'] ?? '', body }),
        () => ({ url, status: response.status(), type: '', body: Buffer.alloc(0) }),
      ),
    );
  });
  await page.goto(base + '/');
  await waitReady(page);
  await page.waitForLoadState('networkidle');
  for (const r of await Promise.all(pending)) {
    transfer.push({
      file: new URL(r.url).pathname.replace(/^\//, '') || 'index.html',
      status: r.status,
      type: r.type.split(';')[0],
      raw: r.body.length,
      gzip: gzipSync(r.body, { level: 9 }).length,
      brotli: brotliCompressSync(r.body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: r.body.length },
      }).length,
    });
  }
  if (errors.length) log(`widget page errors: ${errors.join('; ')}`);
  void cdp;
  await context.close();
}
const distFiles = readdirSync(opts.dist).filter((f) => statSync(path.join(opts.dist, f)).isFile());
const loadedFiles = new Set(transfer.map((t) => t.file));
const notLoaded = distFiles.filter((f) => !loadedFiles.has(f));
const notInDist = [...loadedFiles].filter((f) => !distFiles.includes(f));
for (const t of transfer) {
  const onDisk = path.join(opts.dist, t.file);
  if (existsSync(onDisk) && statSync(onDisk).size !== t.raw) {
    throw new Error(`transfer: ${t.file} is ${t.raw} bytes in the browser, ${statSync(onDisk).size} on disk`);
  }
}
const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);
const transferTotal = { raw: sum(transfer, 'raw'), gzip: sum(transfer, 'gzip'), brotli: sum(transfer, 'brotli') };

// The reference page with the same (bundled) data, for comparison: html + js + the JSON.
const compressed = (buffer) => ({
  raw: buffer.length,
  gzip: gzipSync(buffer, { level: 9 }).length,
  brotli: brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const refTransfer = ['reference.html', 'reference.js']
  .map((f) => ({ file: `bench/${f}`, ...compressed(readFileSync(path.join(BENCH_DIR, f))) }))
  .concat([{ file: `bench-data/${path.basename(BUNDLED_FILE)}`, ...compressed(readFileSync(BUNDLED_FILE)) }]);
const refTotal = { raw: sum(refTransfer, 'raw'), gzip: sum(refTransfer, 'gzip'), brotli: sum(refTransfer, 'brotli') };

// ---------------------------------------------------------------------------------------------
// 2. Startup: cold loads, fresh context each, cache disabled; widget and reference interleaved

log(`startup: ${opts.loads} cold loads per page and dataset`);
const startup = {};
for (const d of DATASETS) {
  const pages = pagesFor(d);
  for (const p of pages) startup[`${p.key}/${d.key}`] = { dataLoaded: [], firstRow: [], ready: [], interactive: [] };
  for (let n = 0; n < opts.loads; n++) {
    // Rotate the order, so no page is always the first after another's load. The all-rows
    // reference (for information only) gets fewer loads.
    const now = pages.filter((p) => p.key !== 'full' || n < opts.extraLoads);
    for (const p of now.slice(n % now.length).concat(now.slice(0, n % now.length))) {
      const { context, page } = await newInstrumentedPage({ disableCache: true });
      await page.goto(base + p.url(d), { waitUntil: 'commit' });
      const marks = await waitReady(page);
      await context.close();
      for (const k of ['dataLoaded', 'firstRow', 'ready', 'interactive']) startup[`${p.key}/${d.key}`][k].push(marks[k]);
    }
  }
  log(`startup ${d.label}: widget first row ${ms(median(startup[`widget/${d.key}`].firstRow))}, ` +
    `reference ${ms(median(startup[`reference/${d.key}`].firstRow))}`);
}

// ---------------------------------------------------------------------------------------------
// 3 + 4. Interactions and memory: one loaded page per page kind and dataset

const OPS = ['narrow', 'restore', 'hide', 'show'];
const OP_LABEL = {
  narrow: 'filter: narrowing (all → few)',
  restore: 'filter: restoring (few → all)',
  hide: 'party: hide one column',
  show: 'party: show it again',
};
const metricsOf = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
};

const interaction = {};
const memory = {};
for (const d of DATASETS) {
  for (const p of pagesFor(d)) {
    log(`interactions: ${p.key} ${d.label}`);
    const { context, page, cdp, errors } = await newInstrumentedPage();
    await page.goto(base + p.url(d));
    await waitReady(page);
    checkRows(p, d, await page.evaluate(rowInfo));
    await page.evaluate(`window.__benchOp = ${pageOperation.toString()}`);
    await cdp.send('Performance.enable');

    // Memory after load, after a full garbage collection.
    await page.waitForTimeout(200);
    await cdp.send('HeapProfiler.collectGarbage');
    memory[`${p.key}/${d.key}`] = await page.evaluate(() => ({
      jsHeap: performance.memory.usedJSHeapSize,
      wasm: window.__benchWasm.reduce((n, i) => n + (i?.exports?.memory?.buffer?.byteLength ?? 0), 0),
      instances: window.__benchWasm.length,
      nodes: document.getElementsByTagName('*').length,
    }));

    const results = Object.fromEntries(OPS.map((op) => [op, []]));
    const first = {};
    const run = async (op) => {
      const arg =
        op === 'narrow' ? { action: 'query', value: d.query }
        : op === 'restore' ? { action: 'query', value: '' }
        : { action: 'toggle', party: d.toggleParty };
      const before = await metricsOf(cdp);
      const r = await page.evaluate((a) => window.__benchOp(a), arg);
      const after = await metricsOf(cdp);
      for (const k of ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration']) {
        r[k] = (after[k] - before[k]) * 1000;
      }
      const expectRows = Math.min(op === 'narrow' ? d.expectedMatches : d.issues, p.limit);
      if (r.rows !== expectRows) throw new Error(`${p.key} ${d.label} ${op}: ${r.rows} rows, expected ${expectRows}`);
      if (r.latency === null) throw new Error(`${p.key} ${d.label} ${op}: no mutation observed`);
      return r;
    };
    // The first round after load (cold) is reported apart and not in the statistics. The
    // all-rows reference (for information only) gets fewer repetitions.
    const reps = p.key === 'full' ? Math.min(opts.reps, opts.extraReps) : opts.reps;
    for (let rep = -1; rep < reps; rep++) {
      for (const op of ['narrow', 'restore']) {
        const r = await run(op);
        if (rep < 0) first[op] = r;
        else results[op].push(r);
      }
    }
    for (let rep = -1; rep < reps; rep++) {
      for (const op of ['hide', 'show']) {
        const r = await run(op);
        if (rep < 0) first[op] = r;
        else results[op].push(r);
      }
    }
    if (errors.length) log(`${p.key} ${d.label}: page errors: ${errors.join('; ')}`);
    interaction[`${p.key}/${d.key}`] = { results, first };
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Where the time goes: a Chromium trace of the largest dataset (startup and restoring filter)

// The renderer main thread of our page: the CrRendererMain thread whose events mention `url`
// (navigation, requests), else the busiest one. Returns "pid:tid".
function pageThread(events, url) {
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  }
  const busy = new Map();
  let byUrl = null;
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    if (e.ph === 'X') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
    if (!byUrl && e.args && JSON.stringify(e.args).includes(url)) byUrl = key;
  }
  return byUrl ?? [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const TRACE_BUCKETS = [
  ['style', /recalcStyle|rebuildLayoutTree|UpdateLayoutTree|RecalculateStyles|Style|CSSParser|StyleSheet/],
  ['layout', /Layout|Shape|InlineNode|LayoutText/],
  ['paint, composite', /Paint|Composit|Layerize|Raster|PrePaint|Commit|UpdateLayer|CompositingInputs/],
  ['garbage collection', /GC|Gc|Sweep|Scavenge|MarkCompact|Heap/],
  ['HTML parsing', /ParseHTML|HTMLDocumentParser|Tokenizer/],
  ['compile (JS, wasm)', /[Cc]ompile|[Ww]asm|Streaming|v8\.parse|ParseScript|ParseFunction/],
  ['script (JS + wasm)', /FunctionCall|EvaluateScript|evaluateModule|v8|V8|Microtask|EventDispatch|TimerFire|AnimationFrame|callFunction|ScriptEvaluation|MutationObserver|AsyncTask Run/],
];
const bucketOf = (name) => TRACE_BUCKETS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/** Self time per event name and per bucket on the page's main thread, in ms. */
function summariseTrace(buffer, thread) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const main = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's duration minus that of the events nested directly in it.
  const nodes = [];
  const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const node = { name: e.name, end: e.ts + e.dur, self: e.dur };
    const parent = stack[stack.length - 1];
    if (parent && node.end <= parent.end) parent.self -= e.dur;
    stack.push(node);
    nodes.push(node);
  }
  const self = new Map();
  for (const n of nodes) self.set(n.name, (self.get(n.name) ?? 0) + Math.max(0, n.self));
  const buckets = {};
  let total = 0;
  for (const [name, us] of self) {
    const b = bucketOf(name);
    buckets[b] = (buckets[b] ?? 0) + us / 1000;
    total += us / 1000;
  }
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`);
  return { buckets, total, top };
}

const traces = {};
const largest = DATASETS[DATASETS.length - 1];
if (opts.trace) {
  log(`trace: ${largest.label}`);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', 'disabled-by-default-v8.gc'];
  for (const p of pagesFor(largest)) {
    const { context, page } = await newInstrumentedPage({ disableCache: true });
    await browser.startTracing(page, { categories });
    await page.goto(base + p.url(largest), { waitUntil: 'commit' });
    await waitReady(page);
    const startTrace = await browser.stopTracing();
    const thread = pageThread(JSON.parse(startTrace.toString()).traceEvents ?? [], base);
    const startupTrace = summariseTrace(startTrace, thread);
    await page.evaluate(`window.__benchOp = ${pageOperation.toString()}`);
    await page.evaluate((q) => window.__benchOp({ action: 'query', value: q }), largest.query);
    await page.waitForTimeout(100);
    await browser.startTracing(page, { categories });
    const restore = await page.evaluate(() => window.__benchOp({ action: 'query', value: '' }));
    const restoreTrace = summariseTrace(await browser.stopTracing(), thread);
    traces[p.key] = { startup: startupTrace, restore: restoreTrace, restoreLatency: restore.latency };
    await context.close();
  }
}

await browser.close();
await server.close();
clearInterval(sampler);

// ---------------------------------------------------------------------------------------------
// Report

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const cpuModel = (() => {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
})();
const machine = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  uname: sh('uname', ['-a']),
  cpu: cpuModel,
  cores: cpus().length,
  browser: sh(CHROMIUM, ['--version']).split('\n').filter((l) => /chrom/i.test(l)).pop() ?? 'unknown',
  node: process.version,
  load: loadavg().map((x) => x.toFixed(2)).join(', '),
  ...buildInfo,
};
const pct = (n) => `${Math.round((100 * n) / Math.max(1, contention.samples))} %`;

const widgetGzip = transferTotal.gzip;

// Transfer
section(
  'Transfer (widget standalone page, bundled data)',
  'Every response the page loads (`page.on(\'response\')`), sizes of the bodies as served; gzip is ' +
    '`zlib.gzipSync` level 9, brotli is `zlib.brotliCompressSync` quality 11. 1 kB = 1000 bytes.',
  mdTable(
    ['file', 'type', 'raw', 'gzip -9', 'brotli 11'],
    [
      ...transfer.map((t) => [`\`${t.file}\``, t.type, kb(t.raw), kb(t.gzip), kb(t.brotli)]),
      ['**total**', `${transfer.length} files`, `**${kb(transferTotal.raw)}**`, `**${kb(transferTotal.gzip)}**`, `**${kb(transferTotal.brotli)}**`],
      ['reference page for comparison', 'html + js + bundled JSON', kb(refTotal.raw), kb(refTotal.gzip), kb(refTotal.brotli)],
    ],
    ['', '', 'r', 'r', 'r'],
  ),
  `Cross-check with the \`dist/\` listing: ${distFiles.length} files in dist/, ${transfer.length} loaded; ` +
    `in dist/ but not loaded: ${notLoaded.length ? notLoaded.map((f) => `\`${f}\``).join(', ') : 'none'}; ` +
    `loaded but not in dist/: ${notInDist.length ? notInDist.map((f) => `\`${f}\``).join(', ') : 'none'}. ` +
    'Every loaded file has the same byte count as on disk. The widget carries the bundled dataset inside ' +
    'the wasm; the reference fetches it as JSON.',
);

// Startup
const startupRows = [];
for (const d of DATASETS) {
  const w = startup[`widget/${d.key}`];
  for (const p of pagesFor(d)) {
    const s = startup[`${p.key}/${d.key}`];
    const own = p.key === 'widget';
    startupRows.push([
      d.label,
      p.label,
      String(s.firstRow.length),
      s.dataLoaded.some(Number.isFinite) ? ms(median(s.dataLoaded)) : 'in wasm',
      ms(median(s.firstRow)),
      ms(p95(s.firstRow)),
      ms(median(s.ready)),
      ms(median(s.interactive)),
      ms(p95(s.interactive)),
      own ? '' : times(ratio(median(w.firstRow), median(s.firstRow))),
      own ? '' : times(ratio(median(w.interactive), median(s.interactive))),
    ]);
  }
}
const pagingNote = paged
  ? `The widget renders long matrices ${pageSize} rows at a time (a "Show more" button adds the next ` +
    `${pageSize}). "reference (${pageSize}-row pages)" does the same and is the like-for-like comparison ` +
    'used for the ratio budgets; "reference (all rows)" renders every matching row, one row per issue, ' +
    `and shows what paging saves. On the bundled data (${DATASETS[0].issues} issues) they are the same page.`
  : 'The widget renders every row, as does the reference.';
section(
  'Startup (cold loads)',
  `${opts.loads} cold loads per page and dataset (${opts.extraLoads} for the all-rows reference), each in a fresh browser context with the cache ` +
    'disabled (DevTools `Network.setCacheDisabled`), pages interleaved. Times are ' +
    '`performance.now()` (ms since navigation start) in a MutationObserver installed with ' +
    '`page.addInitScript`. **First row**: the first `table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])` ' +
    'in the DOM (script time; its layout comes after). **Ready**: the first observer callback in ' +
    'which `main#stance-matrix` has `data-state="ready"` and `input#sm-q` exists and is not ' +
    'disabled. **Interactive** (the definition used here): ready, then the next frame has been ' +
    'rendered and the main thread is free: the time at which a `setTimeout(0)` posted from the ' +
    'first `requestAnimationFrame` after ready runs. It includes the style and layout of what is ' +
    'shown (the widget sets ready after its first frame, the reference before it) plus up to one ' +
    'frame of vsync wait. **Dataset received**: median `responseEnd` of the dataset request ' +
    '(Resource Timing). The widget loads the bundled ' +
    'data from its wasm and the others with `?data=/bench-data/…`; the reference always fetches. ' +
    'The ratio columns are widget median ÷ that page\'s median.\n\n' + pagingNote,
  mdTable(
    ['dataset', 'page', 'loads', 'dataset received', 'first row median', 'p95', 'ready median', 'interactive median', 'p95', 'first row ours/this', 'interactive ours/this'],
    startupRows,
    ['', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ),
);

// Interactions
const interactionRows = [];
const breakdownRows = [];
const lat = (x, op) => x.results[op].map((y) => y.latency);
for (const d of DATASETS) {
  for (const op of OPS) {
    const w = interaction[`widget/${d.key}`];
    const r = interaction[`reference/${d.key}`];
    const f = interaction[`full/${d.key}`];
    interactionRows.push([
      d.label,
      OP_LABEL[op],
      String(w.results[op][0].rows),
      ms(median(lat(w, op))),
      ms(p95(lat(w, op))),
      ms(w.first[op].latency),
      ms(median(lat(r, op))),
      ms(p95(lat(r, op))),
      ms(r.first[op].latency),
      times(ratio(median(lat(w, op)), median(lat(r, op)))),
      f ? `${ms(median(lat(f, op)))} (${f.results[op][0].rows} rows)` : '—',
      f ? times(ratio(median(lat(w, op)), median(lat(f, op)))) : '—',
    ]);
    for (const p of pagesFor(d)) {
      const x = interaction[`${p.key}/${d.key}`];
      const col = (k) => median(x.results[op].map((y) => y[k]));
      breakdownRows.push([
        d.label,
        OP_LABEL[op],
        p.label,
        ms(col('latency')),
        ms(col('script')),
        ms(col('layout')),
        String(Math.round(col('callbacks'))),
        ms(col('ScriptDuration')),
        ms(col('RecalcStyleDuration')),
        ms(col('LayoutDuration')),
        ms(col('TaskDuration')),
      ]);
    }
  }
}
section(
  'Filter and party-toggle latency',
  `${opts.reps} repetitions of each operation per page and dataset (${Math.min(opts.reps, opts.extraReps)} for the all-rows reference), after one cold round right after ` +
    'load (column "1st", not in the statistics). Narrowing types the query ' +
    `("crimea" on the bundled data, "${MARKER}" on the generated ones, in ~10 % of titles) by setting ` +
    '`#sm-q`\'s value and dispatching an `input` event; restoring sets it back to "". Hide/show clicks ' +
    'the first party\'s checkbox (with all issues shown). `performance.now()` is taken just before the ' +
    'dispatch; a MutationObserver on the table (subtree, childList, attributes, characterData) forces ' +
    'style and layout in each callback (`document.body.getBoundingClientRect()`, `offsetHeight`) and ' +
    'records the time after it. **Latency = last callback\'s time − dispatch time.** The end of an ' +
    'operation is decided by a double `requestAnimationFrame` plus an idle callback with no further ' +
    'mutation (only to know it is over; the measured end is the last forced layout, never a frame). ' +
    '"rows after" is the widget\'s row count after the operation.' + (paged ? ` "reference" pages ${pageSize} rows like the widget; "all rows" renders every matching row.` : ''),
  mdTable(
    ['dataset', 'operation', 'rows after', 'widget median', 'p95', '1st', 'reference median', 'p95', '1st', 'ours/ref', 'reference, all rows: median', 'ours/all-rows ref'],
    interactionRows,
    ['', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ),
);
section(
  'Where the interaction time goes',
  'Medians over the same repetitions. **Until first callback**: dispatch → first MutationObserver ' +
    'callback, i.e. the script work (event handler, framework and diffing, DOM calls) before the DOM ' +
    'settles. **Forced style+layout**: time spent inside the observer callbacks forcing style and ' +
    'layout. The last four columns are DevTools `Performance.getMetrics` deltas around the whole ' +
    'operation, including the wait for its end (idle) and the observer itself.',
  mdTable(
    ['dataset', 'operation', 'page', 'latency', 'until first callback', 'forced style+layout', 'callbacks', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'],
    breakdownRows,
    ['', '', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  ),
);

// Memory
const memoryRows = [];
for (const d of DATASETS) {
  const w = memory[`widget/${d.key}`];
  for (const p of pagesFor(d)) {
    const m = memory[`${p.key}/${d.key}`];
    const own = p.key === 'widget';
    memoryRows.push([
      d.label,
      p.label,
      mb(d.bytes),
      mb(m.jsHeap),
      own ? mb(m.wasm) : '—',
      mb(m.jsHeap + m.wasm),
      String(m.nodes),
      own ? '' : times(ratio(w.jsHeap + w.wasm, m.jsHeap + m.wasm)),
    ]);
  }
}
section(
  'Memory after load',
  'After the page is interactive and a full garbage collection (DevTools `HeapProfiler.collectGarbage`): ' +
    '`performance.memory.usedJSHeapSize` (Chromium with `--enable-precise-memory-info`) and the wasm ' +
    'linear memory, `exports.memory.buffer.byteLength` of the instance captured by wrapping ' +
    '`WebAssembly.instantiate`/`instantiateStreaming` in an init script. Linear memory never shrinks, so ' +
    'it is the high-water mark of the Rust heap, not what is live. DOM elements: ' +
    '`document.getElementsByTagName(\'*\').length`.',
  mdTable(
    ['dataset', 'page', 'JSON size', 'JS heap', 'wasm memory', 'JS heap + wasm', 'DOM elements', 'ours/this (JS heap + wasm)'],
    memoryRows,
    ['', '', 'r', 'r', 'r', 'r', 'r', 'r'],
  ),
);

// Trace
if (opts.trace) {
  const bucketNames = ['script (JS + wasm)', 'compile (JS, wasm)', 'garbage collection', 'style', 'layout', 'paint, composite', 'HTML parsing', 'other'];
  const bucketHeads = bucketNames.map((b) => (b === 'other' ? 'other (loading, IPC, scheduler)' : b));
  const rows = [];
  const tops = [];
  for (const p of pagesFor(largest)) {
    for (const phase of ['startup', 'restore']) {
      const t = traces[p.key][phase];
      rows.push([p.label, phase === 'startup' ? 'cold load to interactive' : 'restoring filter (few → all)', ...bucketNames.map((b) => ms(t.buckets[b] ?? 0)), ms(t.total)]);
      tops.push(`- ${p.label}, ${phase}: ${t.top.join('; ')} (ms)`);
    }
  }
  section(
    `Chromium trace, ${largest.label}`,
    'One traced cold load and one traced restoring filter per page (`browser.startTracing`, categories ' +
      'devtools.timeline, v8, blink, gc). Self time of the trace events on the renderer main thread, ' +
      'grouped by kind by event name; wasm execution counts as script (the release wasm has no name ' +
      'section, so the trace cannot split it further). Tracing adds a lot of overhead to script, and ' +
      'the load figures run until the trace stops (just after interactive), so totals exceed the ' +
      'untraced medians: read the proportions, not the absolute times.',
    mdTable(['page', 'what', ...bucketHeads, 'total'], rows, ['', '', ...bucketNames.map(() => 'r'), 'r']),
    'Largest events by self time:\n\n' + tops.join('\n'),
  );
}

// Budgets
const budgets = [];
const budget = (name, measured, target, stretch, shown, fmt) => {
  budgets.push([
    name,
    shown,
    fmt(target),
    measured <= target ? '**PASS**' : '**MISS**',
    stretch === null ? '—' : `${fmt(stretch)}: ${measured <= stretch ? 'PASS' : 'MISS'}`,
  ]);
};
budget('total transfer, gzip (widget, bundled data)', widgetGzip, 150_000, 100_000, kb(widgetGzip), (x) => `≤ ${kb(x)}`);
const wFirst = median(startup['widget/bundled'].firstRow);
budget('first matrix row, median (widget, bundled data)', wFirst, 200, 100, ms(wFirst), (x) => `≤ ${x} ms`);
const gen200 = DATASETS.find((d) => d.key === '200x10');
if (gen200) {
  const n = median(interaction['widget/200x10'].results.narrow.map((y) => y.latency));
  budget('narrowing filter, median (widget, 200×10)', n, 16.7, null, ms(n), (x) => `≤ ${x} ms`);
}
for (const key of ['200x10', '1000x30']) {
  const d = DATASETS.find((x) => x.key === key);
  if (!d) continue;
  const series = (k) => ({
    first: startup[`${k}/${key}`]?.firstRow,
    inter: startup[`${k}/${key}`]?.interactive,
    ...Object.fromEntries(OPS.map((op) => [op, interaction[`${k}/${key}`]?.results[op].map((y) => y.latency)])),
  });
  const [w, r, f] = ['widget', 'reference', 'full'].map(series);
  for (const [what, k] of [['first row', 'first'], ['interactive', 'inter'], ...OPS.map((op) => [OP_LABEL[op], op])]) {
    const x = ratio(median(w[k]), median(r[k]));
    budgets.push([
      `ours/reference, ${what} (${d.label}), medians`,
      `${times(x)} (${ms(median(w[k]))} vs ${ms(median(r[k]))})`,
      '≤ 1.5×',
      x <= 1.5 ? '**PASS**' : '**MISS**',
      `< 1×: ${x < 1 ? 'PASS' : 'MISS'}`,
      f[k] ? `${times(ratio(median(w[k]), median(f[k])))} (${ms(median(f[k]))})` : '—',
    ]);
  }
}
for (const b of budgets) if (b.length === 5) b.push('');
section(
  'Budgets',
  'kB = 1000 bytes. The ratio budgets compare medians with the like-for-like reference' +
    (paged ? ` (same ${pageSize}-row paging); the last column compares with the reference that renders every row, for information.` : '.'),
  mdTable(['budget', 'measured', 'target', 'result', 'stretch', 'ours/all-rows reference (info)'], budgets),
);

// BENCHMARKS.md
const order = (list, x) => list.indexOf(x);
validation.sort(
  (a, b) =>
    order(DATASETS.map((d) => d.label), a[0]) - order(DATASETS.map((d) => d.label), b[0]) ||
    order(PAGES.map((p) => p.label), a[1]) - order(PAGES.map((p) => p.label), b[1]),
);
const header = `# Benchmarks

Generated by \`scripts/bench\` (\`bench/measure.mjs\`); do not edit by hand, run the script again.

- **Date:** ${machine.date}
- **Machine:** \`${machine.uname}\`
- **CPU:** ${machine.cpu}, ${machine.cores} cores
- **Other work on the machine** (sampled every 2 s): another build (cargo, rustc or trunk) during
  ${pct(contention.builds)} of the run, a fuzzer during ${pct(contention.fuzzer)}; 1-minute load average
  median ${median(contention.load).toFixed(2)}, max ${Math.max(...contention.load, 0).toFixed(2)} (this counts the benchmark's own
  browser and server too). Single figures are noisy on a shared 2-core machine; the widget and the
  reference ran interleaved, under the same conditions, so compare them with each other.
- **Browser:** ${machine.browser}, headless, via playwright-core, viewport 1280×800
- **Node:** ${machine.node}
- **Build:** \`trunk build --release\` at commit ${machine.commit}${machine.dirty ? ` plus ${machine.dirty} uncommitted file(s) in the build inputs (src/, styles/, …)` : ''}, served from \`${path.relative(REPO_ROOT, opts.dist)}/\`${path.basename(opts.dist) === 'bench-dist' ? ' (scripts/bench copies dist/ there right after its build, so builds by others during the run do not change what is measured)' : ''}
- **Datasets:** ${DATASETS.map((d) => `${d.label} (${mb(d.bytes)} JSON)`).join(', ')}; the generated ones come from
  \`bench/generate.mjs\` (seeded, ~85 % of cells stated, history on ~6 %, 3–10 sources).
- **Reference:** \`bench/reference.html\` + \`bench/reference.js\`, a hand-written plain-DOM page (no
  framework, benchmark-only) rendering the same table shape with the same ids; filtering rebuilds
  the tbody rows from the filtered list, a party toggle rebuilds header and rows and recomputes the
  status over the visible parties. Its search covers title, description, category and summaries
  (as the widget's does) but only lower-cases (the widget also folds diacritics).

## Dataset check

Each dataset loaded once in every page before measuring: \`data-state\` must be \`ready\` and every issue a row (up to the page size).

${mdTable(['dataset', 'page', 'data-state', 'rows', 'count text', 'show more'], validation)}
`;
writeFileSync(opts.out, header + '\n' + sections.join('\n'));
writeFileSync(
  path.join(opts.dataDir, 'bench-results.json'),
  JSON.stringify({ machine, transfer, transferTotal, refTotal, startup, interaction, memory, traces }, null, 1),
);
log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);

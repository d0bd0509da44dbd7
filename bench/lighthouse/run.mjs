// Lighthouse on the release build: the performance category, mobile preset (Lighthouse's
// default form factor) with simulated throttling, on three pages a reader meets: the standalone
// page (index.html), the iframe page (embed.html?embed, as the embed code frames it) and an
// article with the <stance-matrix> element (bench/article-element.html with this build's
// element code from dist/embed-code.html). dist/ is served gzip-compressed (level 9), as a CDN
// would. Every run gets a fresh Chromium (Debian's /usr/bin/chromium) with a fresh profile;
// the pages are interleaved, run by run, so load on the machine falls on all of them alike.
//
//   node bench/lighthouse/run.mjs [--dist target/bench-dist] [--runs 5]
//                                 [--out target/bench-data/lighthouse.json] [--reports DIR]
//
// Writes the figures of every run to --out (bench/report.mjs makes BENCHMARKS.md's table from
// them) and each run's whole Lighthouse report to --reports (default: lighthouse/ beside --out).
// Lighthouse comes from bench/lighthouse/package.json (npm ci there; scripts/bench does it).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { gzipSync } from 'node:zlib';
import { chooseEncoding, startServer } from '../../scripts/static-server.mjs';
import { BENCH_DIR, log, REPO_ROOT } from '../options.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTICLE = '/bench-article-element.html';
export const PAGES = [
  { key: 'standalone', label: 'standalone page (`index.html`)', path: '/' },
  { key: 'embed', label: 'iframe page (`embed.html?embed`)', path: '/embed.html?embed' },
  { key: 'element', label: 'article with `<stance-matrix>` (`bench/article-element.html`)', path: ARTICLE },
];

function parseArgs(argv) {
  const opts = {
    dist: path.join(REPO_ROOT, 'target', 'bench-dist'),
    out: path.join(REPO_ROOT, 'target', 'bench-data', 'lighthouse.json'),
    runs: 5,
    reports: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? (() => { throw new Error(`${arg} needs a value`); })();
    if (arg === '--dist') opts.dist = path.resolve(value());
    else if (arg === '--out') opts.out = path.resolve(value());
    else if (arg === '--runs') opts.runs = Number(value());
    else if (arg === '--reports') opts.reports = path.resolve(value());
    else throw new Error(`unknown argument: ${arg}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a whole number ≥ 1');
  opts.reports ??= path.join(path.dirname(opts.out), 'lighthouse');
  return opts;
}

/** The article page: the template with the <stance-matrix> code of dist/embed-code.html. */
function articlePage(dist) {
  const code = readFileSync(path.join(dist, 'embed-code.html'), 'utf8');
  const start = code.indexOf('<stance-matrix');
  if (start < 0 || !code.includes('embed.js', start)) {
    throw new Error(`${dist}/embed-code.html has no <stance-matrix> code followed by embed.js`);
  }
  const template = readFileSync(path.join(BENCH_DIR, 'article-element.html'), 'utf8');
  const marker = /<!-- STANCE-MATRIX:[\s\S]*?-->/;
  if (!marker.test(template)) throw new Error('bench/article-element.html has no STANCE-MATRIX marker');
  return template.replace(marker, () => code.slice(start).trim());
}

/** The page's last largest-contentful-paint candidate in the trace (the one Lighthouse times):
 *  its element, kind and painted area, and how many candidates came before it. */
function lcpCandidate(artifacts) {
  const events = (artifacts?.Trace ?? artifacts?.traces?.defaultPass)?.traceEvents ?? [];
  const candidates = events.filter((e) => e.name === 'largestContentfulPaint::Candidate' && e.args?.data?.isOutermostMainFrame !== false);
  const last = candidates.at(-1)?.args?.data;
  return last ? { element: `${last.nodeName ?? `node ${last.nodeId}`} (${last.type}, ${last.size} px²)`, candidates: candidates.length } : null;
}

/** The figures of one report (times in ms, bytes as transferred, score 0–100). */
function figures(lhr, artifacts) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  // What the unthrottled load on loopback showed, from which the simulation starts.
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  const lcpItem = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0];
  const lcpNode = lcpItem?.items?.[0]?.node ?? lcpItem?.node;
  // Lighthouse 12.2.3 cannot always name it: its TraceElements gatherer fails on traces of
  // newer Chromiums ("Cannot read properties of undefined (reading 'frame_sequence')").
  // The trace says which element it was all the same.
  const lcpError = lhr.audits['largest-contentful-paint-element']?.errorMessage ?? null;
  const candidate = lcpCandidate(artifacts);
  return {
    score: Math.round((lhr.categories.performance.score ?? NaN) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    tti: audit('interactive'),
    si: audit('speed-index'),
    cls: audit('cumulative-layout-shift'),
    bytes: audit('total-byte-weight'),
    observedFcp: observed.observedFirstContentfulPaint ?? NaN,
    observedLcp: observed.observedLargestContentfulPaint ?? NaN,
    requests: lhr.audits['network-requests']?.details?.items?.length ?? NaN,
    lcpElement: candidate?.element ?? (lcpNode ? `${lcpNode.nodeLabel ?? ''} (${lcpNode.selector ?? lcpNode.snippet ?? ''})`.slice(0, 200) : null),
    lcpCandidates: candidate?.candidates ?? NaN,
    lcpError: lcpNode || candidate ? null : lcpError?.slice(0, 300) ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
    warnings: lhr.runWarnings ?? [],
  };
}

/** One Lighthouse run of `url` in a fresh Chromium with a fresh profile: its report (lhr) and
 *  what it gathered (artifacts, with the trace). */
async function runOnce(url) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'stance-matrix-lighthouse-'));
  let chrome;
  try {
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, userDataDir, logLevel: 'silent' });
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result?.lhr) throw new Error(`Lighthouse gave no report for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
    return result;
  } finally {
    if (chrome) await chrome.kill();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Debian's Chromium's own version (its user agent says only 156.0.0.0). */
function chromiumVersion() {
  try {
    const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return version.match(/Chromium [\d.]+/)?.[0] ?? version;
  } catch {
    return 'unknown';
  }
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`lighthouse: ${opts.dist}/index.html is missing; build the release first`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`lighthouse: ${CHROMIUM} is missing (apt-get install chromium)`);
  process.exit(1);
}
const article = articlePage(opts.dist);
const articleGzip = gzipSync(article, { level: 9 });
const server = await startServer({
  root: opts.dist,
  port: 0,
  host: '127.0.0.1',
  compress: 'gzip',
  routes: {
    // Compressed like dist/'s pages: the article is one more page of the CDN.
    [ARTICLE]: (req, res) => {
      const gzip = chooseEncoding(req.headers['accept-encoding'], ['gzip']) === 'gzip';
      const body = gzip ? articleGzip : Buffer.from(article);
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  },
});
const base = server.url.replace(/\/$/, '');
// Every file compressed once before the first run, as a CDN has it cached: the server's
// first-time compression would otherwise count as server time in the first run.
for (const name of await readdir(opts.dist)) {
  await fetch(`${base}/${encodeURIComponent(name)}`, { headers: { 'Accept-Encoding': 'gzip' } }).then((r) => r.arrayBuffer());
}
await rm(opts.reports, { recursive: true, force: true });
await mkdir(opts.reports, { recursive: true });

log(`lighthouse: ${opts.runs} run(s) of ${PAGES.length} pages, ${opts.dist} served gzip at ${server.url}`);
const started = Date.now();
const results = PAGES.map((p) => ({ ...p, runs: [] }));
let about = null;
try {
  for (let n = 0; n < opts.runs; n++) {
    for (const page of results) {
      const t0 = Date.now();
      const { lhr, artifacts } = await runOnce(base + page.path);
      const run = { ...figures(lhr, artifacts), seconds: (Date.now() - t0) / 1000 };
      page.runs.push(run);
      await writeFile(path.join(opts.reports, `${page.key}-${n + 1}.json`), JSON.stringify(lhr));
      about ??= {
        lighthouse: lhr.lighthouseVersion,
        chromium: chromiumVersion(),
        userAgent: lhr.environment?.hostUserAgent ?? lhr.userAgent,
        formFactor: lhr.configSettings.formFactor,
        throttlingMethod: lhr.configSettings.throttlingMethod,
        throttling: lhr.configSettings.throttling,
        screen: lhr.configSettings.screenEmulation,
      };
      log(
        `lighthouse: ${page.key} run ${n + 1}: score ${run.score}, FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms, ` +
          `TBT ${run.tbt.toFixed(0)} ms, TTI ${run.tti.toFixed(0)} ms, ${run.bytes} bytes, LCP element ${run.lcpElement} (${run.seconds.toFixed(1)} s)` +
          (run.warnings.length ? `; warnings: ${run.warnings.join(' | ')}` : ''),
      );
    }
  }
} finally {
  await server.close();
}
const seconds = (Date.now() - started) / 1000;
await mkdir(path.dirname(opts.out), { recursive: true });
await writeFile(
  opts.out,
  JSON.stringify({ date: new Date().toISOString(), dist: path.relative(REPO_ROOT, opts.dist), compression: 'gzip (level 9)', chromeFlags: CHROME_FLAGS, runs: opts.runs, seconds, ...about, pages: results }, null, 1),
);
log(`lighthouse: done in ${seconds.toFixed(0)} s; figures in ${path.relative(process.cwd(), opts.out)}, reports in ${path.relative(process.cwd(), opts.reports)}/`);

// Publishing a newsroom's dataset with `scripts/build --data` (issue 27): the data is checked
// before anything compiles, a mistake fails fast with only its problems and leaves dist/ as it
// was, and a good dataset is the build's story everywhere: the pages' <title> and description,
// the search box's examples, the social card and the link preview that names it at the
// address given with --url, and a bare <stance-matrix>, here loaded from another origin
// through `static-server.mjs --cors`. The builds go into a temporary folder, not dist/, which
// the other tests use; the one full build here takes minutes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildBinary } from '../../scripts/lib/cargo-bin.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { REPO_ROOT, assertFirstViewThenWidget, assertNoErrors, launchBrowser, newPage, pngSize } from './helpers.mjs';

const BUILD = path.join(REPO_ROOT, 'scripts/build');
const VALID = 'tests/fixtures/valid/us-china-trade.json';
const INVALID = 'tests/fixtures/invalid/us-china-trade-two-mistakes.json';
const FIXTURE = JSON.parse(await readFile(path.join(REPO_ROOT, VALID), 'utf8'));
const URL = 'https://graphics.example.org/trade-talks/';

/** Every file under `dir` with its content, for "unchanged". */
async function snapshot(dir) {
  const out = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath ?? entry.path, entry.name);
      out[path.relative(dir, file)] = await readFile(file, 'utf8');
    }
  }
  return out;
}

describe('an invalid --data build', () => {
  let dist;
  before(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'stance-matrix-dist-'));
    await writeFile(path.join(dist, 'index.html'), '<!DOCTYPE html><title>the last good build</title>');
    // A staging folder an earlier, interrupted build left behind.
    await mkdir(path.join(dist, '.stage'));
    await writeFile(path.join(dist, '.stage', 'half.html'), 'half a build');
    // The checker is built once and cached by cargo (a fresh checkout pays for that once).
    buildBinary(['--quiet', '--features', 'ssr,sheet,card', '--bin', 'stance-matrix-data'], { cwd: REPO_ROOT });
  });
  after(() => rm(dist, { recursive: true, force: true }));

  test('exits 1 in under 5 s with only its problems, dist/ as it was and nothing staged', async () => {
    const before = await snapshot(dist);
    const started = performance.now();
    const run = spawnSync(BUILD, ['--data', INVALID, '--dist', dist], { cwd: REPO_ROOT, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    assert.equal(run.status, 1, run.stderr);
    assert.ok(seconds < 5, `took ${seconds.toFixed(1)} s`);
    assert.equal(run.stdout, '');
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      `${INVALID}:58:17: positions[0].stance: unknown value "maybe" (allowed: supports, open, ambivalent, sceptical, opposes)`,
      `${INVALID}:67:16: positions[1].party: unknown party "usa" (known: us, cn, eu)`,
    ]);
    const now = await snapshot(dist);
    delete before[path.join('.stage', 'half.html')];
    assert.deepEqual(now, before);
    assert.deepEqual((await readdir(dist)).sort(), ['index.html']);
  });
});

describe('a --data build publishes that dataset everywhere', () => {
  let dist;
  let widget;
  let article;
  let browser;

  before(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'stance-matrix-dist-'));
    const run = spawnSync(BUILD, ['--data', VALID, '--url', URL, '--dist', dist], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr.slice(-4000));
    widget = await startServer({ root: dist, port: 0, cors: true });
    // The article lives on another origin (another port) and loads the widget's embed.js.
    const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="icon" href="data:,"><script type="module" src="${widget.url}embed.js"></script></head>
<body><h1>Trade talks</h1><stance-matrix id="bare"></stance-matrix></body></html>`;
    article = await startServer({
      root: dist,
      port: 0,
      routes: { '/article.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page) },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await widget?.close();
    await article?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  for (const name of ['index.html', 'embed.html']) {
    test(`${name} has the dataset's title and description, and its words in the search box`, async () => {
      const html = await readFile(path.join(dist, name), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      assert.match(head, /<title>US–China trade talks, spring 2025<\/title>/);
      assert.match(head, /<meta name="description" content="Where the United States, China and the European Union stood on tariffs[^"]*">/);
      assert.doesNotMatch(head, /Russia|Ukraine|ceasefire/);
      assert.match(html, /placeholder="e\.g\. tit-for-tat, chips, rare-earth"/);
      assert.doesNotMatch(html, /Crimea, NATO/);
    });
  }

  test('dist/card.png is the 1200 × 630 social card, which both pages name at the --url address', async () => {
    assert.deepEqual(pngSize(await readFile(path.join(dist, 'card.png'))), { width: 1200, height: 630 });
    for (const name of ['index.html', 'embed.html']) {
      const html = await readFile(path.join(dist, name), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      assert.match(head, /<meta property="og:title" content="US–China trade talks, spring 2025">/);
      assert.match(head, /<meta property="og:description" content="3 issues\. Red-line clash: 1 \(“Lift export controls on advanced chips”\)\. [^"]*">/);
      assert.match(head, /<meta name="twitter:card" content="summary_large_image">/);
      assert.match(head, new RegExp(`<meta property="og:image" content="${URL}card\\.png">`));
      assert.match(head, new RegExp(`<meta name="twitter:image" content="${URL}card\\.png">`));
      assert.match(head, /<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">/);
      // What the card is, then what it shows in plain words.
      assert.match(head, /<meta property="og:image:alt" content="Stance matrix: US–China trade talks, spring 2025 — as of 21 May 2025: 3 issues\. Red-line clash: 1 [^"]*">/);
      assert.match(head, new RegExp(`<meta property="og:url" content="${URL}">`));
    }
  });

  test('the standalone page keeps the dataset and its search examples once the wasm runs', async () => {
    const page = await newPage(browser);
    await page.goto(widget.url);
    await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
    assert.equal(await page.locator('#sm-q').getAttribute('placeholder'), 'e.g. tit-for-tat, chips, rare-earth');
    assert.equal(await page.locator('tbody tr[data-issue]').count(), FIXTURE.issues.length);
    assertNoErrors(page);
  });

  test('a browser whose language is German, on a dataset that names none, sees a German first view before the wasm (issue 22)', async () => {
    const german = await launchBrowser({ locale: 'de-DE', viewport: { width: 390, height: 800 } });
    try {
      const page = await newPage(german);
      await assertFirstViewThenWidget(page, widget.url, { lang: 'de', word: 'Dafür' });
      assertNoErrors(page);
    } finally {
      await german.close();
    }
  });

  test('a bare <stance-matrix> from another origin (static-server --cors) shows that dataset', async () => {
    const page = await newPage(browser);
    await page.goto(`${article.url}article.html`);
    await page.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('bare').getAttribute('data-state')), null, { timeout: 20_000 });
    assert.equal(await page.getAttribute('#bare', 'data-state'), 'ready');
    assert.match(await page.locator('#bare table[data-testid=matrix] caption').innerText(), /US–China trade talks/);
    assert.deepEqual(
      await page.locator('#bare tbody tr[data-issue]').evaluateAll((rows) => rows.map((r) => r.dataset.issue)),
      FIXTURE.issues.map((i) => i.id),
    );
    assert.equal(await page.locator('#bare #sm-q').getAttribute('placeholder'), 'e.g. tit-for-tat, chips, rare-earth');
    assertNoErrors(page);
  });
});

// <stance-matrix> pre-rendered and kept alive (issue 23): the build's embed-code.html carries
// the first view in a declarative shadow root, so an article shows the whole matrix without
// JavaScript, and embed.js takes it over without a layout shift; the check page offers the same
// for the dataset it checked; a failure is never a blank box (the link inside the element);
// attribute changes update the running widget instead of remounting it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildBinary } from '../../scripts/lib/cargo-bin.mjs';
import { DIST, REPO_ROOT, assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

const BUNDLED = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/ceasefire-2025-04.json'), 'utf8'));
const FIXTURE = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'), 'utf8');

/** The <stance-matrix> part of an embed code (without the iframe). */
const elementOf = (code) => code.slice(code.indexOf('<stance-matrix'));

const article = (body, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="icon" href="data:,">${head}<style>body { margin: 0 auto; max-width: 680px; font: 18px Georgia, serif; }</style></head>
<body><h1>An article</h1><p>Some words before the matrix.</p>${body}<p>Some words after it.</p></body></html>`;

/** What the element shows, read from its shadow root (declarative or attached). */
const shown = (p) => p.evaluate(() => {
  const element = document.querySelector('stance-matrix');
  const shadow = element.shadowRoot;
  const rows = shadow ? [...shadow.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]')] : [];
  const link = element.querySelector(':scope > a');
  return {
    shadow: Boolean(shadow),
    prerendered: Boolean(shadow?.querySelector('.stance-matrix[data-prerendered]')),
    caption: shadow?.querySelector('.sm-matrix caption')?.textContent ?? null,
    rows: rows.length,
    cells: rows.flatMap((tr) => [...tr.querySelectorAll('td[data-party]')].map((td) => td.dataset.stance ?? 'none')),
    redLines: shadow ? shadow.querySelectorAll('td[data-red-line]').length : 0,
    statuses: rows.map((tr) => tr.querySelector('.sm-status')?.textContent.trim() ?? ''),
    visibleRows: rows.filter((tr) => tr.getBoundingClientRect().height > 0).length,
    height: element.getBoundingClientRect().height,
    linkShown: Boolean(link && link.getClientRects().length > 0),
  };
});

/** Sums layout shifts from the start of the page (buffered), as Lighthouse's CLS would. */
const LAYOUT_SHIFTS = `window.__shift = 0; new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: 'layout-shift', buffered: true });`;

describe('<stance-matrix> pre-rendered', () => {
  let server;
  let browser;
  let noScript;
  const routes = {};
  const code = readFileSync(path.join(DIST, 'embed-code.html'), 'utf8');
  const html = (text) => (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(text);
  };

  before(async () => {
    server = await serveDist({ routes });
    browser = await launchBrowser({ viewport: { width: 680, height: 900 } });
    noScript = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 680, height: 900 } });
    routes['/article.html'] = html(article(elementOf(code)));
  });

  after(async () => {
    await browser?.close();
    await noScript?.close();
    await server?.close();
  });

  test('the build writes one embed code: the iframe and the element with its first view', () => {
    assert.match(code, /^<iframe src="\.\/embed\.html\?embed" title="Stance matrix: Russia–Ukraine ceasefire talks/);
    assert.match(code, /<stance-matrix>\n<template shadowrootmode="open"><link rel="stylesheet" href="\.\/stance-matrix-[0-9a-f]+\.css"><div [^>]*data-prerendered/);
    assert.match(code, /<\/template>\n<a href="\.\/">Stance matrix: Russia–Ukraine ceasefire talks, March–April 2025<\/a>\n<\/stance-matrix>\n<script type="module" src="\.\/embed\.js"><\/script>\n$/);
  });

  test('without JavaScript the article shows every stance, red line and status', async () => {
    const p = await newPage(noScript);
    await p.goto(`${server.url}article.html`);
    const found = await shown(p);
    const parties = BUNDLED.parties.length;
    assert.equal(found.prerendered, true);
    assert.equal(found.rows, BUNDLED.issues.length);
    assert.equal(found.visibleRows, BUNDLED.issues.length);
    assert.equal(found.cells.length, BUNDLED.issues.length * parties);
    assert.ok(found.cells.filter((s) => s !== 'none').length >= 30, `${found.cells.filter((s) => s !== 'none').length} stated cells`);
    assert.ok(found.redLines > 0, 'red lines are marked');
    assert.ok(found.statuses.every((s) => s.length > 0), `statuses: ${found.statuses.join(' | ')}`);
    assert.equal(found.linkShown, false, 'the fallback link stays hidden behind the first view');
    await p.close();
  });

  test('with JavaScript, embed.js takes the first view over without a layout shift and is ready', async () => {
    const p = await newPage(browser);
    await p.addInitScript(LAYOUT_SHIFTS);
    await p.goto(`${server.url}article.html`);
    await p.waitForFunction(() => document.querySelector('stance-matrix').getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
    await p.waitForTimeout(500);
    const found = await shown(p);
    assert.equal(found.prerendered, false, 'the live widget replaced the first view');
    assert.equal(found.rows, BUNDLED.issues.length);
    const shift = await p.evaluate(() => window.__shift);
    assert.ok(shift < 0.01, `layout shift ${shift}`);
    const links = await p.evaluate(() => document.querySelector('stance-matrix').shadowRoot.querySelectorAll('link').length);
    assert.equal(links, 1, 'the first view\'s stylesheet is taken over, not loaded twice');
    // And it is live: a filter works.
    await p.locator('stance-matrix #sm-q').fill('crimea');
    await p.waitForFunction(() => document.querySelector('stance-matrix').shadowRoot.querySelectorAll('tbody tr[data-issue]:not([hidden])').length < 5);
    assertNoErrors(p);
    await p.close();
  });

  test('when embed.js cannot load, the first view stays; without it too, the link shows', async () => {
    const p = await newPage(browser, { failOnConsoleError: false });
    await p.route('**/embed.js', (route) => route.fulfill({ status: 404, body: '' }));
    await p.goto(`${server.url}article.html`);
    await p.waitForLoadState('networkidle');
    let found = await shown(p);
    assert.equal(found.prerendered, true);
    assert.equal(found.rows, BUNDLED.issues.length);
    // A browser without declarative shadow DOM keeps the template inert: the link is what shows.
    routes['/old-browser.html'] = html(article(elementOf(code).replace('shadowrootmode="open"', 'data-no-shadow-root')));
    await p.goto(`${server.url}old-browser.html`);
    await p.waitForLoadState('networkidle');
    found = await shown(p);
    assert.equal(found.shadow, false);
    assert.equal(found.linkShown, true, 'the link to the widget shows instead of a blank box');
    await p.close();
  });

  test('an attribute change updates the running widget: same root, the reader\'s filter kept', async () => {
    routes['/plain.html'] = html(article('<stance-matrix id="w"></stance-matrix><script type="module" src="/embed.js"></script>'));
    const p = await newPage(browser);
    await p.goto(`${server.url}plain.html`);
    await p.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
    await p.locator('#w #sm-q').fill('crimea');
    await p.waitForFunction(() => document.getElementById('w').shadowRoot.querySelectorAll('tbody tr[data-issue]:not([hidden])').length < 5);
    const changed = await p.evaluate(async () => {
      const w = document.getElementById('w');
      window.root = w.shadowRoot.querySelector('.stance-matrix');
      w.setAttribute('theme', 'dark');
      w.setAttribute('lang', 'de');
      await new Promise((r) => setTimeout(r, 300));
      const root = w.shadowRoot.querySelector('.stance-matrix');
      return {
        same: root === window.root,
        roots: w.shadowRoot.querySelectorAll('.stance-matrix').length,
        dark: root.classList.contains('sm-theme-dark'),
        lang: root.querySelector('.sm-widget')?.getAttribute('lang'),
        query: w.shadowRoot.querySelector('#sm-q').value,
        shownRows: w.shadowRoot.querySelectorAll('tbody tr[data-issue]:not([hidden])').length,
      };
    });
    assert.deepEqual(changed, { same: true, roots: 1, dark: true, lang: 'de', query: 'crimea', shownRows: changed.shownRows });
    assert.ok(changed.shownRows < 5, `${changed.shownRows} rows still filtered`);
    assertNoErrors(p);
    await p.close();
  });

  test("the check page's embed code does the same for a newsroom's sheet", async () => {
    // The newsroom's sheet: the fixture dataset as the CLI writes it.
    const cli = buildBinary(['--offline', '--features', 'ssr,sheet,card', '--bin', 'stance-matrix-data']);
    const dir = mkdtempSync(path.join(tmpdir(), 'stance-matrix-sheet-'));
    const json = path.join(dir, 'talks.json');
    const csv = path.join(dir, 'talks.csv');
    try {
      execFileSync('sh', ['-c', `cat > "${json}"`], { input: FIXTURE });
      execFileSync(cli, ['convert', json, '-o', csv]);
      const sheet = readFileSync(csv, 'utf8');
      routes['/data/newsroom.json'] = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(FIXTURE);
      };
      const check = await newPage(browser);
      await check.goto(`${server.url}check.html`);
      await check.locator('#sm-check-text').fill(sheet);
      await check.waitForSelector('[data-testid="valid"]');
      await check.locator('#sm-check-address').fill(`${server.url}data/newsroom.json`);
      await check.waitForSelector('[data-testid="embed-code"][data-first-view="true"]');
      const checked = await check.getByTestId('embed-code').inputValue();
      assert.match(checked, /<stance-matrix src="[^"]*data\/newsroom\.json">\n<template shadowrootmode="open"><link rel="stylesheet" href="http:[^"]*stance-matrix-[0-9a-f]+\.css">/);
      routes['/newsroom.html'] = html(article(elementOf(checked)));
      await check.close();

      const off = await newPage(noScript);
      await off.goto(`${server.url}newsroom.html`);
      const still = await shown(off);
      assert.equal(still.prerendered, true);
      assert.match(still.caption, /Harbour dispute, test edition/);
      assert.equal(still.rows, JSON.parse(FIXTURE).issues.length);
      await off.close();

      const on = await newPage(browser);
      await on.addInitScript(LAYOUT_SHIFTS);
      await on.goto(`${server.url}newsroom.html`);
      await on.waitForFunction(() => document.querySelector('stance-matrix').getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
      await on.waitForTimeout(500);
      const live = await shown(on);
      assert.equal(live.prerendered, false);
      assert.match(live.caption, /Harbour dispute, test edition/);
      const shift = await on.evaluate(() => window.__shift);
      assert.ok(shift < 0.01, `layout shift ${shift}`);
      assertNoErrors(on);
      await on.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Phones first: the widget at phone widths (320–414 px), light and dark, standalone and
// embedded (the snippet iframe in the example article and a pym.js parent), on the bundled
// dataset (5 parties) and on a 10-party fixture with long names. The cheap geometric checks run
// over every width in one page per (mode, dataset, scheme), resizing the viewport; axe runs at
// 320 and 375 px only. Each check lists every offender it finds, grouped over the widths, so
// one run says what to fix.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const WIDTHS = [320, 360, 375, 390, 414];
const HEIGHT = 740;
const AXE_WIDTHS = [320, 375];
const SCREENSHOT_WIDTHS = [320, 375];
const PHONE = 375;
const SCHEMES = ['light', 'dark'];
const MIN_TARGET = 24;
// Up to this many parties every column header must be in view on a phone.
const FEW_PARTIES = 6;

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const read = (rel) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const send = (type, text) => (req, res) => {
  res.writeHead(200, { 'Content-Type': type });
  res.end(text);
};

const TEN_PATH = 'tests/fixtures/valid/ten-parties.json';
const TEN_URL = 'data/ten-parties.json';
const DATASETS = [
  { name: 'bundled dataset', query: '', file: 'data/ceasefire-2025-04.json', article: 'examples/news-article.html' },
  { name: '10-party fixture', query: `?data=${TEN_URL}`, file: TEN_PATH, article: 'examples/news-article-ten.html' },
].map((d) => ({ ...d, parties: JSON.parse(read(d.file)).parties.map((p) => p.id) }));
const BUNDLED = DATASETS[0];

// The example article with both widgets pointed at the 10-party fixture. Served from the same
// folder, so its relative URLs (../index.html, vendor/pym.v1.min.js) still resolve.
function articleWithTenParties() {
  const original = read('examples/news-article.html');
  const snippet = 'src="../embed.html?embed#only=conflicts"';
  const pym = 'new pym.Parent("pym-container", "../embed.html",';
  assert.ok(original.includes(snippet) && original.includes(pym), 'examples/news-article.html changed: update articleWithTenParties()');
  return original
    .replace(snippet, `src="../embed.html?embed&data=${TEN_URL}#only=conflicts"`)
    .replace(pym, `new pym.Parent("pym-container", "../embed.html?data=${TEN_URL}",`);
}

const EMBEDS = [
  ['article iframe', '#snippet-frame'],
  ['pym.js iframe', '#pym-container iframe'],
];

/** Two animation frames: layout, and what reacts to a resize (ResizeObserver, media queries). */
const twoFrames = (target) => target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Waits until each iframe's height matches its widget's (within 4 px) for three frames running. */
async function framesSettled(page) {
  await page.evaluate(() => { window.__phonesStable = 0; });
  await page.waitForFunction((selectors) => {
    const agree = selectors.every((sel) => {
      const frame = document.querySelector(sel);
      const root = frame?.contentDocument?.getElementById('stance-matrix');
      return root && Math.abs(frame.clientHeight - root.getBoundingClientRect().height) <= 4;
    });
    window.__phonesStable = agree ? window.__phonesStable + 1 : 0;
    return window.__phonesStable >= 3;
  }, EMBEDS.map(([, sel]) => sel), { timeout: 10_000 });
}

// ---- Measurements, run inside a document (page.evaluate / frame.evaluate) ----------------
// Each returns offenders as { key, detail, size }: the key says what and where (the same at
// every width), the detail gives the figures, and the size picks the worst width to show.

/** Everything the grid checks in one widget document. Runs in the browser: self-contained. */
function measureWidget({ partyCount, checkHeaders, firstScreen, screenHeight }) {
  const root = document.getElementById('stance-matrix');
  const found = { pageScroll: [], overflow: [], headers: [], words: [], firstScreen: [] };
  if (!root || root.dataset.state !== 'ready') {
    found.pageScroll.push({ key: `the widget is not ready (data-state=${root?.dataset.state})`, detail: '', size: 0 });
    return found;
  }
  const vw = window.innerWidth;
  const one = (e) =>
    e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') +
    [...e.classList].slice(0, 2).map((c) => `.${c}`).join('') +
    ['data-testid', 'data-party', 'data-stance'].filter((a) => e.hasAttribute(a)).map((a) => `[${a}="${e.getAttribute(a)}"]`).join('');
  const describe = (e) => {
    const chain = [];
    for (let x = e; x && chain.length < 3; x = x.parentElement) {
      chain.unshift(one(x));
      if (x === root) break;
    }
    return chain.join(' > ');
  };
  const rendered = (e) => e.getClientRects().length > 0;

  const page = document.documentElement.scrollWidth;
  if (page > vw) found.pageScroll.push({ key: 'document scrollWidth > innerWidth', detail: `${page} > ${vw}`, size: page - vw });

  // Every element, grouped by description so a hundred alike cells make one line.
  const groups = new Map();
  for (const e of [root, ...root.querySelectorAll('*')]) {
    const excess = e.scrollWidth - e.clientWidth;
    if (excess <= 1) continue;
    const key = describe(e);
    const g = groups.get(key) ?? { count: 0, size: 0, example: '' };
    g.count += 1;
    if (excess > g.size) {
      g.size = excess;
      const row = e.closest('[data-issue]')?.dataset.issue;
      g.example = `scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}${row ? ` in row ${row}` : ''}`;
    }
    groups.set(key, g);
  }
  for (const [key, g] of groups) found.overflow.push({ key, detail: `${g.count > 1 ? `${g.count} elements, worst ` : ''}${g.example}`, size: g.size });

  if (checkHeaders) {
    const heads = [...root.querySelectorAll('thead th[data-party]')].filter(rendered);
    if (heads.length !== partyCount) found.headers.push({ key: `${heads.length} visible thead th[data-party], expected ${partyCount}`, detail: '', size: 0 });
    for (const th of heads) {
      const r = th.getBoundingClientRect();
      const out = Math.max(-r.left, r.right - vw);
      if (out > 0.5) found.headers.push({ key: `th[data-party="${th.dataset.party}"] outside the viewport`, detail: `spans ${Math.round(r.left)}..${Math.round(r.right)}, viewport 0..${vw}`, size: out });
    }
  }

  // Whole words: each word of the visible text sits on one line.
  const hiddenText = (node, cell) => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if (s.visibility !== 'visible' || !rendered(e)) return true;
      // Text only for screen readers (a clipped 1 px box) is not what a reader sees.
      if ((r.width <= 1 || r.height <= 1) && s.overflow !== 'visible') return true;
      if (s.clipPath !== 'none' || (s.clip && s.clip !== 'auto')) return true;
      if (e === cell) break;
    }
    return false;
  };
  const cells = ['thead th[data-party]', 'tbody tr[data-issue]:not([hidden]) td[data-stance]', 'tbody tr[data-issue]:not([hidden]) td[data-testid="status"]'];
  const split = new Map();
  for (const cell of root.querySelectorAll(cells.join(', '))) {
    if (!rendered(cell)) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim() || hiddenText(node, cell)) continue;
      for (const m of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0).map((r) => r.top).sort((a, b) => a - b);
        const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 1).length;
        if (lines < 2) continue;
        const where = cell.matches('th') ? `th[data-party="${cell.dataset.party}"]`
          : cell.matches('[data-testid="status"]') ? 'td[data-testid="status"]' : `td[data-stance="${cell.dataset.stance}"]`;
        const key = `${where}: "${m[0]}" spans ${lines} lines`;
        const g = split.get(key) ?? { count: 0, rows: new Set() };
        g.count += 1;
        const row = cell.closest('[data-issue]')?.dataset.issue;
        if (row) g.rows.add(row);
        split.set(key, g);
      }
    }
  }
  for (const [key, g] of split) {
    const rows = [...g.rows];
    const detail = `${g.count > 1 ? `${g.count} times` : 'once'}${rows.length ? `, rows ${rows.slice(0, 3).join(', ')}${rows.length > 3 ? ', …' : ''}` : ''}`;
    found.words.push({ key, detail, size: g.count });
  }

  if (firstScreen) {
    const top = root.getBoundingClientRect().top;
    const row = root.querySelector('tbody tr[data-issue]:not([hidden])');
    if (!row) found.firstScreen.push({ key: 'no visible tbody tr[data-issue]', detail: '', size: 0 });
    else {
      const offset = Math.round(row.getBoundingClientRect().top - top);
      if (offset > screenHeight) found.firstScreen.push({ key: `the first row starts more than ${screenHeight} px below the widget's top`, detail: `${row.dataset.issue} at ${offset} px`, size: offset });
    }
    for (const id of ['summary', 'key']) {
      const e = root.querySelector(`[data-testid="${id}"]`);
      if (!e) {
        found.firstScreen.push({ key: `no [data-testid="${id}"]`, detail: '', size: 0 });
        continue;
      }
      const r = e.getBoundingClientRect();
      if (!rendered(e) || r.width < 1 || r.height < 1 || getComputedStyle(e).visibility !== 'visible') {
        found.firstScreen.push({ key: `[data-testid="${id}"] is not visible`, detail: '', size: 0 });
      } else if (r.bottom - top > screenHeight) {
        found.firstScreen.push({ key: `[data-testid="${id}"] ends more than ${screenHeight} px below the widget's top`, detail: `at ${Math.round(r.bottom - top)} px`, size: r.bottom - top });
      }
    }
  }
  return found;
}

/** The host page's sideways scroll, naming the outermost elements that stick out. */
function measureHost() {
  const vw = window.innerWidth;
  const width = document.documentElement.scrollWidth;
  if (width <= vw) return [];
  const name = (e) => `${e.parentElement?.id ? `#${e.parentElement.id} > ` : ''}${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}`;
  const names = [];
  const spans = [];
  const walk = (e) => {
    for (const c of e.children) {
      const r = c.getBoundingClientRect();
      if (r.right > vw + 1 || r.left < -1) {
        names.push(name(c));
        spans.push(`${name(c)} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
      } else walk(c);
    }
  };
  walk(document.body);
  return [{
    key: `document scrollWidth > innerWidth${names.length ? `; sticking out: ${names.slice(0, 5).join(', ')}` : ''}`,
    detail: `${width} > ${vw}${spans.length ? `; ${spans.slice(0, 5).join(', ')}` : ''}`,
    size: width - vw,
  }];
}

/** Offenders for one block: its box outside 0..innerWidth and, with `inner`, any element in it whose scrollWidth exceeds its clientWidth. */
function measureBlock({ selector, inner }) {
  const vw = window.innerWidth;
  const block = document.querySelector(selector);
  if (!block || block.getClientRects().length === 0) return [`no visible ${selector}`];
  const out = [];
  const r = block.getBoundingClientRect();
  if (r.left < -0.5 || r.right > vw + 0.5) out.push(`${selector} spans ${Math.round(r.left)}..${Math.round(r.right)}, viewport 0..${vw}`);
  for (const e of inner ? [block, ...block.querySelectorAll('*')] : []) {
    if (e.scrollWidth - e.clientWidth > 1) {
      const name = e.tagName.toLowerCase() + [...e.classList].slice(0, 2).map((c) => `.${c}`).join('') + (e.dataset.testid ? `[data-testid="${e.dataset.testid}"]` : '');
      out.push(`${name}: scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}`);
    }
  }
  return out;
}

// ---- Reporting ---------------------------------------------------------------------------

/** Offenders of one check, merged over widths: key → the widths it shows at and its worst case. */
class Offenders {
  #byKey = new Map();
  add(width, where, items) {
    for (const { key, detail, size } of items) {
      const k = `${where}: ${key}`;
      const g = this.#byKey.get(k) ?? { widths: [], size: -Infinity, detail: '', at: 0 };
      g.widths.push(width);
      if (size > g.size) Object.assign(g, { size, detail, at: width });
      this.#byKey.set(k, g);
    }
  }
  lines() {
    return [...this.#byKey].map(([k, g]) => `${k} — at ${g.widths.join('/')} px${g.detail ? `; worst at ${g.at} px: ${g.detail}` : ''}`);
  }
}

const none = (lines, what) => assert.ok(lines.length === 0, `${what} (${lines.length}):\n  ${lines.join('\n  ')}`);
const serious = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('phones first', () => {
  let server;
  let browser;

  before(async () => {
    server = await serveDist({
      routes: {
        '/examples/news-article.html': send(HTML, read('examples/news-article.html')),
        '/examples/news-article-ten.html': send(HTML, articleWithTenParties()),
        '/examples/vendor/pym.v1.min.js': send('text/javascript', read('node_modules/pym.js/dist/pym.v1.min.js')),
        [`/${TEN_URL}`]: send(JSON_TYPE, read(TEN_PATH)),
      },
    });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  // ---- The grid: modes × datasets × schemes, each over every width -----------------------

  for (const mode of ['standalone', 'embedded']) {
    for (const dataset of DATASETS) {
      for (const scheme of SCHEMES) {
        describe(`${mode}, ${dataset.name}, ${scheme}, at ${WIDTHS.join('/')} px`, () => {
          const embed = mode === 'embedded';
          const checkHeaders = dataset.parties.length <= FEW_PARTIES;
          const found = Object.fromEntries(['pageScroll', 'overflow', 'headers', 'words', 'firstScreen', 'axe'].map((c) => [c, new Offenders()]));
          let page;

          before(async () => {
            page = await newPage(browser);
            await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
            await page.emulateMedia({ colorScheme: scheme });
            const targets = [];
            if (embed) {
              await page.goto(`${server.url}${dataset.article}`);
              for (const [name, sel] of EMBEDS) {
                const frame = await (await page.waitForSelector(sel)).contentFrame();
                await frame.waitForFunction(() => ['ready', 'error'].includes(document.getElementById('stance-matrix')?.dataset.state), null, { timeout: 15_000 });
                targets.push([name, frame]);
              }
            } else {
              await openWidget(page, `${server.url}${dataset.query}`);
              targets.push(['standalone', page]);
            }
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: HEIGHT });
              await twoFrames(page);
              if (embed) await framesSettled(page);
              for (const [, target] of targets) await twoFrames(target);
              if (embed) found.pageScroll.add(width, 'host page', await page.evaluate(measureHost));
              for (const [name, target] of targets) {
                const measured = await target.evaluate(measureWidget, {
                  partyCount: dataset.parties.length,
                  checkHeaders,
                  firstScreen: embed && width === PHONE,
                  screenHeight: HEIGHT,
                });
                for (const [check, items] of Object.entries(measured)) found[check].add(width, name, items);
                if (AXE_WIDTHS.includes(width)) {
                  const violations = serious(await axeViolations(target)).map((v) => ({
                    key: `${v.id} (${v.impact}): ${v.help}`,
                    detail: `${v.targets.length} node(s): ${v.targets.slice(0, 4).join(' | ')}${v.targets.length > 4 ? ' | …' : ''}`,
                    size: v.targets.length,
                  }));
                  found.axe.add(width, name, violations);
                }
              }
              if (embed && dataset === BUNDLED && SCREENSHOT_WIDTHS.includes(width)) {
                await page.screenshot({ path: path.join(SCREENSHOTS, `phone-${width}-${scheme}-embed.png`), fullPage: true });
              }
            }
          });
          after(async () => {
            await page?.close();
          });

          test(`the page${embed ? ', the host page and each iframe\'s document do' : ' does'} not scroll sideways`, () =>
            none(found.pageScroll.lines(), 'scrolls sideways'));
          test('no element in the widget has scrollWidth > clientWidth (+1 px)', () =>
            none(found.overflow.lines(), 'elements wider inside than their box'));
          if (checkHeaders) {
            test(`all ${dataset.parties.length} party column headers lie inside the viewport`, () =>
              none(found.headers.lines(), 'party headers outside the viewport'));
          }
          test('no word of a stance label, party header or status spans two lines', () =>
            none(found.words.lines(), 'words split across lines'));
          if (embed) {
            test(`at ${PHONE} × ${HEIGHT} px the summary line, the key and the first row are on the first screen`, () =>
              none(found.firstScreen.lines(), 'not on the first screen'));
          }
          test(`axe reports no serious or critical violation at ${AXE_WIDTHS.join(' and ')} px`, () =>
            none(found.axe.lines(), 'serious or critical axe violations'));
          test('no console error or uncaught exception', () => assertNoErrors(page));
        });
      }
    }
  }

  // ---- Controls, details and comparison on a phone --------------------------------------

  test(`at ${PHONE} px the filters fold behind a button that counts the active filters`, async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: PHONE, height: HEIGHT });
    await openWidget(page, server.url);
    const toggle = page.locator('#stance-matrix [data-testid="filters-toggle"]');
    assert.equal(await toggle.count(), 1, 'one [data-testid="filters-toggle"] in the widget');
    assert.ok(await toggle.isVisible(), 'the filters toggle is visible');
    assert.equal(await toggle.evaluate((e) => e.tagName), 'BUTTON');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#sm-q').isVisible(), false, 'the search box is folded away');

    await toggle.click();
    await page.locator('#sm-q').waitFor({ state: 'visible', timeout: 3_000 });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#sm-q').fill('crimea');
    await page.locator('#stance-matrix').getByLabel('Only conflicts').check();
    const counted = await page
      .waitForFunction(() => /\b2\b/.test(document.querySelector('#stance-matrix [data-testid="filters-toggle"]')?.textContent ?? ''), null, { timeout: 3_000 })
      .then(() => true, () => false);
    assert.ok(counted, `the toggle counts 2 active filters; its text is ${JSON.stringify(await toggle.innerText())}`);
    assertNoErrors(page);
    await page.close();
  });

  test(`at ${PHONE} px a cell's details fit the screen, close with Escape or Close and give focus back; targets are at least ${MIN_TARGET} × ${MIN_TARGET} px`, async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: PHONE, height: HEIGHT });
    await openWidget(page, server.url);
    const problems = [];
    const button = page.locator('#stance-matrix tbody tr[data-issue]:not([hidden]) td[data-stance] button[data-cell]').first();
    const key = await button.getAttribute('data-cell');
    const detail = page.locator('#stance-matrix [data-testid="cell-detail"]');
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

    const closedWidth = await pageWidth();
    await button.click();
    await detail.waitFor({ state: 'visible' });
    problems.push(...(await page.evaluate(measureBlock, { selector: '#stance-matrix [data-testid="cell-detail"]', inner: false })));
    const openWidth = await pageWidth();
    if (openWidth > PHONE && openWidth > closedWidth) problems.push(`opening the details makes the page ${openWidth} px wide (${closedWidth} px before, viewport ${PHONE})`);
    const close = detail.locator('.sm-close');
    const closeBox = await close.boundingBox();
    if (!closeBox) problems.push('no visible .sm-close in the details');
    else if (closeBox.width < MIN_TARGET || closeBox.height < MIN_TARGET) problems.push(`.sm-close is ${closeBox.width} × ${closeBox.height} px`);

    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden', timeout: 3_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.cell), key, 'Escape gives focus back to the cell');

    await button.click();
    await detail.waitFor({ state: 'visible' });
    await close.click();
    await detail.waitFor({ state: 'hidden', timeout: 3_000 });

    problems.push(...(await page.$$eval('#stance-matrix tbody tr[data-issue]:not([hidden]) td[data-stance] button[data-cell]', (buttons, min) =>
      buttons.map((b) => [b.dataset.cell, b.getBoundingClientRect()]).filter(([, r]) => r.width < min || r.height < min)
        .map(([cell, r]) => `button[data-cell="${cell}"] is ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`), MIN_TARGET)));
    none(problems, 'details on a phone');
    assertNoErrors(page);
    await page.close();
  });

  for (const dataset of DATASETS) {
    test(`at ${PHONE} px "Party against party" fits without sideways scrolling (${dataset.name})`, async () => {
      const page = await newPage(browser);
      await page.setViewportSize({ width: PHONE, height: HEIGHT });
      await openWidget(page, `${server.url}${dataset.query}`);
      none(await page.evaluate(measureBlock, { selector: '#stance-matrix [data-testid="compare"]', inner: true }), 'party against party');
      assertNoErrors(page);
      await page.close();
    });
  }

  // ---- The desktop keeps its table (up to six parties; more are cards at every width) ----

  for (const dataset of DATASETS) {
    const few = dataset.parties.length <= FEW_PARTIES;
    const title = few
      ? 'at 1280 px the matrix is a table with a column header per party and the pair table is shown'
      : 'at 1280 px more than six parties are cards, each naming every party';
    test(`${title} (${dataset.name})`, async () => {
      const page = await newPage(browser);
      await page.setViewportSize({ width: 1280, height: 900 });
      await openWidget(page, `${server.url}${dataset.query}`);
      const matrix = page.locator('#stance-matrix table[data-testid="matrix"]');
      assert.ok(await matrix.isVisible(), 'table[data-testid="matrix"] is visible');
      const heads = await matrix.locator('thead th[scope="col"][data-party]').evaluateAll((ths) =>
        ths.filter((th) => th.getClientRects().length > 0).map((th) => th.dataset.party));
      if (few) {
        assert.deepEqual(heads, dataset.parties, 'one visible thead th[scope=col] per party, in order');
        // The square table of shares is for a few parties; more get a ranked list of pairs.
        assert.ok(await page.locator('#stance-matrix table[data-testid="pairs"]').isVisible(), 'table[data-testid="pairs"] is visible');
      } else {
        assert.deepEqual(heads, [], 'no column headers: the cards name the parties');
        const first = await matrix.locator('tbody tr').first().locator('td[data-party]').evaluateAll((tds) =>
          tds.filter((td) => td.getClientRects().length > 0).map((td) => td.dataset.party).sort());
        assert.deepEqual(first, [...dataset.parties].sort(), 'the first card names every party');
      }
      assertNoErrors(page);
      await page.close();
    });
  }
});

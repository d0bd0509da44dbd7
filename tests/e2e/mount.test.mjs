// Embedding without an iframe (issue 13): dist/embed.js defines <stance-matrix> and exports
// mount(). A host page with a hostile stylesheet holds two elements (bundled data, and a file
// via src) and one mount() with a data object; each renders and filters on its own, the host's
// CSS changes nothing inside, `change` carries the view, and destroy() leaves nothing behind.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

const FIXTURE = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'), 'utf8');

const HOST = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<link rel="icon" href="data:,">
<style>
  * { box-sizing: content-box !important; font-family: Georgia, serif !important; }
  table, td, th { border: 3px solid #c00 !important; padding: 30px !important; display: block !important; }
  button { background: hotpink !important; }
  .stance-matrix, .sm-matrix, .sm-cell { display: none !important; }
  stance-matrix { margin: 1rem 0; }
</style>
<script type="module" src="/embed.js"></script>
</head><body>
<h1>Article</h1>
<stance-matrix id="bundled"></stance-matrix>
<stance-matrix id="fromsrc" src="/data/custom.json" theme="dark"></stance-matrix>
<stance-matrix id="ukrainian" lang="uk"></stance-matrix>
<div id="mounted"></div>
<div id="bad"></div>
<script type="module">
  import { mount } from '/embed.js';
  window.changes = { bundled: [], fromsrc: [], mounted: [] };
  for (const id of Object.keys(window.changes)) {
    document.getElementById(id).addEventListener('change', (event) => window.changes[id].push(event.detail));
  }
  const data = await (await fetch('/data/custom.json')).json();
  window.widget = await mount(document.getElementById('mounted'), { data, view: { query: 'harbour' } });
  window.bad = await mount(document.getElementById('bad'), { thme: 'dark', data });
</script>
</body></html>`;

describe('embedding with <stance-matrix> and mount()', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await serveDist({
      routes: {
        '/host.html': (req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(HOST);
        },
        '/data/custom.json': (req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(FIXTURE);
        },
      },
    });
    browser = await launchBrowser();
    page = await newPage(browser, { failOnConsoleError: false });
    page.warnings = [];
    page.on('console', (m) => m.type() === 'warning' && page.warnings.push(m.text()));
    await page.goto(`${server.url}host.html`);
    await page.waitForFunction(
      () => ['bundled', 'fromsrc', 'mounted', 'bad', 'ukrainian'].every((id) => ['ready', 'error'].includes(document.getElementById(id).getAttribute('data-state'))),
      null,
      { timeout: 20_000 },
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = (id) => page.locator(`#${id} tbody tr[data-issue]:not([hidden])`);

  test('lang on the element chooses the language, for that widget only', async () => {
    assert.equal(await page.locator('#ukrainian .sm-widget').getAttribute('lang'), 'uk');
    assert.equal(await page.locator('#ukrainian label[for="sm-q"]').textContent(), 'Фільтрувати питання');
    assert.equal(await page.locator('#bundled .sm-widget').getAttribute('lang'), 'en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the host page keeps its own language');
  });

  test('each widget renders its own data in its own shadow root', async () => {
    assert.equal(await page.getAttribute('#bundled', 'data-state'), 'ready');
    assert.equal(await page.getAttribute('#fromsrc', 'data-state'), 'ready');
    assert.equal(await page.getAttribute('#mounted', 'data-state'), 'ready');
    assert.match(await page.locator('#bundled table[data-testid=matrix] caption').innerText(), /Russia.Ukraine ceasefire talks/);
    assert.match(await page.locator('#fromsrc table[data-testid=matrix] caption').innerText(), /Harbour dispute/);
    assert.match(await page.locator('#mounted table[data-testid=matrix] caption').innerText(), /Harbour dispute/);
    assert.equal(await rows('bundled').count(), 11);
    assert.ok(await page.evaluate(() => ['bundled', 'fromsrc', 'mounted'].every((id) => document.getElementById(id).shadowRoot)));
    assert.ok(await page.evaluate(() => document.getElementById('fromsrc').shadowRoot.querySelector('.stance-matrix').classList.contains('sm-theme-dark')));
  });

  test('the host page CSS does not reach inside, and the widget CSS does not reach out', async () => {
    const inside = await page.evaluate(() => {
      const table = document.getElementById('bundled').shadowRoot.querySelector('table[data-testid=matrix]');
      const cell = table.querySelector('td');
      const style = getComputedStyle(table);
      return { display: style.display, border: getComputedStyle(cell).borderTopColor, font: style.fontFamily, visible: table.getBoundingClientRect().height > 100 };
    });
    assert.ok(inside.visible, 'the matrix is shown');
    assert.notEqual(inside.border, 'rgb(204, 0, 0)', 'the host border does not reach a cell');
    assert.doesNotMatch(inside.font, /Georgia/);
    const heading = await page.evaluate(() => getComputedStyle(document.querySelector('h1')).fontFamily);
    assert.match(heading, /Georgia/, 'the host keeps its own font');
  });

  test('a mount() data object and view start the widget there; options are plain objects', async () => {
    assert.equal(await page.locator('#mounted #sm-q').inputValue(), 'harbour');
    assert.ok((await rows('mounted').count()) >= 1);
  });

  test('filtering one widget changes only that one, and its change event carries the view', async () => {
    const before = { fromsrc: await rows('fromsrc').count(), mounted: await rows('mounted').count() };
    await page.locator('#bundled [data-testid=filters-toggle]').evaluate((b) => getComputedStyle(b).display !== 'none' && b.click());
    await page.locator('#bundled #sm-q').fill('crimea');
    await page.waitForFunction(() => window.changes.bundled.some((v) => v.query === 'crimea'));
    const n = await rows('bundled').count();
    assert.ok(n >= 1 && n < 11, `bundled rows: ${n}`);
    assert.equal(await rows('fromsrc').count(), before.fromsrc);
    assert.equal(await rows('mounted').count(), before.mounted);
    const view = await page.evaluate(() => window.changes.bundled.at(-1));
    assert.deepEqual(Object.keys(view).sort(), ['asOf', 'asText', 'category', 'compare', 'hidden', 'onlyConflicts', 'onlyRedLines', 'open', 'query', 'since', 'sort']);
    assert.equal(view.sort, 'dataset');
    assert.deepEqual(await page.evaluate(() => window.changes.fromsrc), []);
    assert.equal(await page.evaluate(() => location.hash), '', 'the host page URL is left alone');
  });

  test('setView() sets the view; parts that do not fit the data are dropped', async () => {
    await page.evaluate(() => window.widget.setView({ query: '', hidden: ['north', 'nobody'] }));
    await page.waitForFunction(() => document.getElementById('mounted').shadowRoot.querySelectorAll('thead th[data-party]').length === 2);
    assert.equal(await page.locator('#mounted #sm-q').inputValue(), '');
  });

  test('bad options show a message in the element and a console warning naming the option', async () => {
    assert.equal(await page.getAttribute('#bad', 'data-state'), 'error');
    const text = await page.locator('#bad [data-testid=error]').innerText();
    assert.match(text, /options: unknown field "thme" \(did you mean "theme"\?\)/);
    assert.ok(page.warnings.some((w) => /stance-matrix: options: .*thme/.test(w)), `warnings: ${page.warnings}`);
  });

  test('destroy() empties the element and leaves no listener behind', async () => {
    const left = await page.evaluate(async () => {
      const host = document.getElementById('mounted');
      const input = host.shadowRoot.querySelector('#sm-q');
      const button = host.shadowRoot.querySelector('button[data-cell]');
      window.widget.destroy();
      const count = window.changes.mounted.length;
      // Events a live widget would act on, sent to what it rendered and to the page.
      input.value = 'late';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await new Promise((r) => setTimeout(r, 300));
      return { children: host.shadowRoot.childNodes.length, changes: window.changes.mounted.length - count };
    });
    assert.deepEqual(left, { children: 0, changes: 0 });
    assertNoErrors(page);
  });
});

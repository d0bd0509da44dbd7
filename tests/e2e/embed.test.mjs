// Embedding in news pages and a newsroom's own dataset (issue 6): iframes that size
// themselves (our snippet and pym.js), forged height messages, ?data= success and failures,
// the strict Content-Security-Policy, and style isolation from an aggressive host page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openWidget, problemsOf, serveDist } from './helpers.mjs';

const file = (rel, type) => (req, res) => {
  res.writeHead(200, { 'Content-Type': type });
  res.end(readFileSync(path.join(REPO_ROOT, rel)));
};
const body = (status, type, text) => (req, res) => {
  res.writeHead(status, { 'Content-Type': type });
  res.end(text);
};
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

// Heights of the iframe (in the host) and of the widget inside it, once they agree within 4 px.
async function settledHeights(page, frameSelector) {
  const handle = await page.waitForFunction((sel) => {
    const frame = document.querySelector(sel);
    const root = frame?.contentDocument?.getElementById('stance-matrix');
    if (!root || root.dataset.state !== 'ready') return null;
    // The iframe's content box: a host stylesheet may give iframes a border.
    const outer = frame.clientHeight;
    const inner = root.getBoundingClientRect().height;
    return Math.abs(outer - inner) <= 4 ? [outer, inner] : null;
  }, frameSelector, { timeout: 10_000 });
  return handle.jsonValue();
}

/** Console errors other than the browser's own line for a failed request we made on purpose. */
const unexpectedConsole = (page) =>
  problemsOf(page).filter((p) => !(p.kind === 'console.error' && /Failed to load resource/.test(p.text)));

describe('embedding and custom datasets', () => {
  let server;
  let browser;
  let hostPage = '';

  before(async () => {
    const hostile = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/invalid/ref-dangling-ids.json'), 'utf8');
    server = await serveDist({
      routes: {
        '/examples/news-article.html': file('examples/news-article.html', HTML),
        '/examples/vendor/pym.v1.min.js': file('node_modules/pym.js/dist/pym.v1.min.js', 'text/javascript'),
        '/data/custom.json': file('tests/fixtures/valid/full.json', JSON_TYPE),
        '/data/missing.json': body(404, 'text/plain', 'Not found'),
        '/data/error-page.json': body(200, HTML, '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'),
        '/data/invalid.json': body(200, JSON_TYPE, hostile),
        '/host.html': (req, res) => body(200, HTML, hostPage)(req, res),
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the snippet iframe and the pym.js iframe take the widget height, after load and after a filter', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.goto(`${server.url}examples/news-article.html`);
    const [snippetBefore] = await settledHeights(page, '#snippet-frame');
    assert.notEqual(Math.round(snippetBefore), 720, 'the reserved height was replaced');
    const [pymBefore] = await settledHeights(page, '#pym-container iframe');

    // The snippet frame starts with only conflicts; showing everything makes it taller.
    const snippet = page.frameLocator('#snippet-frame');
    await snippet.getByLabel('Only conflicts').uncheck();
    await page.waitForFunction((h) => document.querySelector('#snippet-frame').clientHeight > h + 50, snippetBefore);
    const [snippetAfter, innerAfter] = await settledHeights(page, '#snippet-frame');
    assert.ok(Math.abs(snippetAfter - innerAfter) <= 4);

    // The pym frame narrows to one issue and shrinks.
    await page.frameLocator('#pym-container iframe').getByLabel('Filter issues').fill('crimea');
    await page.waitForFunction((h) => document.querySelector('#pym-container iframe').clientHeight < h - 50, pymBefore);
    const [pymAfter, pymInner] = await settledHeights(page, '#pym-container iframe');
    assert.ok(Math.abs(pymAfter - pymInner) <= 4, `${pymAfter} vs ${pymInner}`);
    assertNoErrors(page);
    await page.close();
  });

  test('a height message from another frame, or out of bounds, does not resize the snippet iframe', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}examples/news-article.html`);
    const [height] = await settledHeights(page, '#snippet-frame');
    // A listener added after the snippet's sees each forged message after the snippet did.
    await page.evaluate(() => {
      window.__forged = new Set();
      window.addEventListener('message', (e) => {
        if ([150, 160, 99999, 'NaN'].includes(e.data?.height)) window.__forged.add(e.data.height);
      });
      const evil = document.createElement('iframe');
      evil.srcdoc = '<script>parent.postMessage({ type: "stance-matrix:height", height: 150 }, "*")<\/script>';
      document.body.appendChild(evil);
      window.postMessage({ type: 'stance-matrix:height', height: 160 }, '*');
    });
    // From the right frame but absurd: refused by the bounds check.
    await page.frame({ url: /embed\.html\?embed/ }).evaluate(() => {
      parent.postMessage({ type: 'stance-matrix:height', height: 99999 }, '*');
      parent.postMessage({ type: 'stance-matrix:height', height: 'NaN' }, '*');
    });
    await page.waitForFunction(() => window.__forged.size === 4);
    const now = await page.locator('#snippet-frame').evaluate((f) => f.clientHeight);
    assert.equal(now, height);
    assertNoErrors(page);
    await page.close();
  });

  test('the Embed button gives a snippet that carries the view state and resizes its iframe', async () => {
    const page = await newPage(browser);
    await openWidget(page, `${server.url}#q=nato`);
    await page.locator('[data-testid="embed"] summary').click();
    const code = await page.locator('[data-testid="embed-code"]').inputValue();
    assert.match(code, /<iframe [^>]*title="Stance matrix: [^"]+"/);
    assert.match(code, /loading="lazy"/);
    assert.match(code, /\?embed#q=nato"/);
    assert.match(code, /event\.source !== frame\.contentWindow/);
    hostPage = `<!DOCTYPE html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head><body><h1>Article</h1>${code}<p>After</p></body></html>`;
    await page.goto(`${server.url}host.html`);
    await settledHeights(page, 'iframe');
    const rows = await page.frameLocator('iframe').locator('tbody tr[data-issue]:not([hidden])').count();
    assert.ok(rows >= 1 && rows < 11, 'the embedded view keeps the filter');
    assertNoErrors(page);
    await page.close();
  });

  test('a custom dataset via ?data= renders', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}?data=data/custom.json`), 'ready');
    assert.match(await page.locator('table[data-testid="matrix"] caption').innerText(), /Harbour dispute/);
    assert.equal(await page.locator('tr[data-issue="harbour"] td[data-party="north"]').getAttribute('data-stance'), 'opposes');
    // The Embed panel's element fetches the dataset from the article's page: its address is
    // absolute, not the relative ?data= of this page.
    await page.getByTestId('embed').locator('summary').click();
    const code = await page.getByTestId('embed-code').inputValue();
    assert.ok(code.includes(`<stance-matrix src="${server.url}data/custom.json">`), code.slice(code.indexOf('<stance-matrix')));
    assertNoErrors(page);
    await page.close();
  });

  const failures = [
    ['a 404', 'data/missing.json', /the server answered HTTP 404/],
    ['a non-JSON body', 'data/error-page.json', /this looks like an HTML page, not JSON/],
    ['an invalid dataset', 'data/invalid.json', /positions\[0\]\.party: unknown party "uk"/],
  ];
  for (const [name, url, message] of failures) {
    test(`${name} via ?data= shows its specific error`, async () => {
      const page = await newPage(browser, { failOnConsoleError: false });
      assert.equal(await openWidget(page, `${server.url}?data=${url}`), 'error');
      const alert = page.locator('[role="alert"][data-testid="error"]');
      assert.equal(await alert.locator('[data-testid="error-requested"]').innerText(), url);
      assert.match(await alert.innerText(), message);
      assert.deepEqual(unexpectedConsole(page), []);
      await page.close();
    });
  }

  test('served with the recommended CSP header, it renders with no violation, standalone and embedded', async () => {
    const strict = await serveDist({ csp: true, routes: { '/data/custom.json': file('tests/fixtures/valid/full.json', JSON_TYPE) } });
    try {
      for (const url of ['', '?embed&theme=dark', '?data=data/custom.json']) {
        const page = await newPage(browser);
        await page.addInitScript(() => {
          window.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        const response = await page.goto(`${strict.url}${url}`);
        assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
        await page.waitForFunction(() => document.querySelector('#stance-matrix')?.dataset.state === 'ready');
        await page.locator('tbody tr[data-issue]:not([hidden]) button').first().click();
        assert.deepEqual(await page.evaluate(() => window.__violations), [], url);
        assertNoErrors(page);
        await page.close();
      }
    } finally {
      await strict.close();
    }
  });

  test('the host page CSS does not change the widget, and the widget does not change the host', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 900, height: 1200 });
    const probe = () => {
      const s = (el) => { const c = getComputedStyle(el); return [c.fontFamily, c.backgroundColor, c.color, c.paddingTop, c.display].join('|'); };
      return ['.sm-cell-button', 'caption', '.sm-filters', 'th[scope=row]'].map((q) => s(document.querySelector(q)));
    };
    await openWidget(page, `${server.url}?embed#only=conflicts`);
    const alone = await page.evaluate(probe);
    await page.goto(`${server.url}examples/news-article.html`);
    await settledHeights(page, '#snippet-frame');
    const hosted = await page.frame({ url: /embed\.html\?embed/ }).evaluate(probe);
    assert.deepEqual(hosted, alone);
    const host = await page.evaluate(() => {
      const c = (q) => getComputedStyle(document.querySelector(q));
      return [c('body').fontSize, c('h1').fontSize, c('article p').marginBottom, c('body').backgroundColor];
    });
    assert.deepEqual(host, ['19px', '38px', '20.9px', 'rgb(255, 253, 245)']);
    assertNoErrors(page);
    await page.close();
  });
});

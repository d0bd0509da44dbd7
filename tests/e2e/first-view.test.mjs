// Every language pre-rendered (issue 22): a reader who asks for another language than the
// page's (?lang=) sees a matrix in that language before the wasm runs — the build's first view
// in that language, which boot.js fetches with its integrity hash — and the takeover changes
// no text and moves nothing. While the wasm is held back the page runs no task over 50 ms after
// the first paint, and after the takeover the largest contentful paint is still the first
// view's. (A browser's own language on a dataset that names none: tests/e2e/publish.test.mjs,
// whose build has such a dataset.)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoErrors, holdWasm, launchBrowser, newPage, recordPaints, serveDist } from './helpers.mjs';

/** The first view in `lang` before the wasm, then the widget in it: the same words, no shift. */
async function assertFirstViewThenWidget(page, url, { lang, word }) {
  await page.addInitScript(recordPaints);
  const release = await holdWasm(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'prerendered'
    && document.querySelector('#stance-matrix table[data-testid="matrix"]'));
  const before = await page.evaluate(() => ({
    lang: document.querySelector('#stance-matrix .sm-widget').getAttribute('lang'),
    text: document.querySelector('#stance-matrix .sm-widget').innerText,
    wasmStarted: !!document.querySelector('#stance-matrix[data-state="ready"]'),
  }));
  assert.equal(before.lang, lang, 'the first view speaks the language asked for');
  assert.ok(before.text.includes(word), `the first view says "${word}"`);
  assert.equal(before.wasmStarted, false);
  // Nothing runs long while the wasm is held back.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
  const held = await page.evaluate(() => ({ fcp: window.__record.fcp, long: window.__record.long }));
  const longAfterPaint = held.long.filter((t) => t.start + t.duration > held.fcp && t.duration > 50);
  assert.deepEqual(longAfterPaint, [], 'no task over 50 ms after the first paint while the wasm is held back');
  const lcpBefore = await page.evaluate(() => window.__record.lcp.length);

  release();
  await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready', null, { timeout: 20_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  const afterTakeover = await page.evaluate(() => ({
    lang: document.querySelector('#stance-matrix .sm-widget').getAttribute('lang'),
    text: document.querySelector('#stance-matrix .sm-widget').innerText,
    shifts: window.__record.shifts.reduce((a, b) => a + b, 0),
    lcp: window.__record.lcp.length,
  }));
  assert.equal(afterTakeover.lang, lang);
  assert.equal(afterTakeover.text, before.text, 'the takeover changes no text');
  assert.ok(afterTakeover.shifts < 0.01, `layout shift ${afterTakeover.shifts}`);
  assert.equal(afterTakeover.lcp, lcpBefore, 'no new largest paint after the takeover: it is still the first view');
  assert.ok(lcpBefore > 0);
}

describe('the first view in every language', () => {
  let server;
  before(async () => {
    server = await serveDist({ csp: true });
  });
  after(async () => server?.close());

  for (const [lang, width, word] of [['de', 1024, 'Konflikt um rote Linie'], ['uk', 320, 'Не заявлено'], ['fr', 768, 'Désaccord'], ['ru', 375, 'Не заявлено']]) {
    test(`?lang=${lang} at ${width} px: a pre-rendered matrix in that language before the wasm, then the widget, unmoved`, async () => {
      const context = await launchBrowser({ viewport: { width, height: 800 } });
      try {
        const page = await newPage(context);
        await assertFirstViewThenWidget(page, `${server.url}?lang=${lang}`, { lang, word });
        assertNoErrors(page);
      } finally {
        await context.close();
      }
    });
  }

  test('the page in an iframe (embed.html?lang=de) gets its own German first view', async () => {
    const context = await launchBrowser({ viewport: { width: 600, height: 800 } });
    try {
      const page = await newPage(context);
      await assertFirstViewThenWidget(page, `${server.url}embed.html?lang=de`, { lang: 'de', word: 'Dafür' });
      assert.equal(await page.locator('.sm-header').count(), 0, 'no page header in the embedded view');
      assertNoErrors(page);
    } finally {
      await context.close();
    }
  });

  test('a first view that fails its integrity check is not shown: "Loading" until the wasm', async () => {
    const context = await launchBrowser();
    try {
      const page = await newPage(context, { failOnConsoleError: false });
      await page.route(/first-view\.de\./, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>tampered</p>' }));
      const release = await holdWasm(page);
      await page.goto(`${server.url}?lang=de`, { waitUntil: 'domcontentloaded' });
      await page.waitForTimeout(500);
      assert.equal(await page.locator('#stance-matrix').getAttribute('data-state'), 'loading');
      assert.equal(await page.getByText('tampered').count(), 0);
      release();
      await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready', null, { timeout: 20_000 });
      assert.equal(await page.locator('#stance-matrix .sm-widget').getAttribute('lang'), 'de');
    } finally {
      await context.close();
    }
  });
});

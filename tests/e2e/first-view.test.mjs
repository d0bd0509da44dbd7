// Every language pre-rendered (issue 22): a reader who asks for another language than the
// page's (?lang=) sees a matrix in that language before the wasm runs — the build's first view
// in that language, which boot.js fetches with its integrity hash — and the takeover changes
// no text and moves nothing, and after the takeover the largest contentful paint is still the
// first view's. (No task over 50 ms after the first paint: not yet, see helpers.mjs.)
// A browser's own language on a dataset that names none: tests/e2e/publish.test.mjs, whose
// build has such a dataset.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertFirstViewThenWidget, assertNoErrors, holdWasm, launchBrowser, newPage, serveDist } from './helpers.mjs';

describe('the first view in every language', () => {
  let server;
  before(async () => {
    server = await serveDist({ csp: true });
  });
  after(async () => server?.close());

  for (const [lang, width, word] of [['en', 375, 'Red-line clash'], ['de', 1024, 'Konflikt um rote Linie'], ['uk', 320, 'Не заявлено'], ['fr', 768, 'Désaccord'], ['ru', 375, 'Не заявлено']]) {
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

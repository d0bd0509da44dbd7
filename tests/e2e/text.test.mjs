// The matrix in plain words (issue 24): "Read as text" replaces the table with a sentence per
// shown issue and a summary, following As of and the filters, kept in the link; the page for
// readers without script has the same text; lists are joined by Intl.ListFormat in the
// browser exactly as the pre-renderer's fallback joined them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST, REPO_ROOT, assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/ceasefire-2025-04.json'), 'utf8'));

describe('read as text', () => {
  let server;
  let browser;
  before(async () => {
    server = await serveDist({ csp: true });
    browser = await launchBrowser({ viewport: { width: 375, height: 740 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const items = (page) => page.$$eval('[data-testid="text-view"] li', (lis) => lis.map((li) => ({ id: li.dataset.issue, text: li.textContent })));

  test('the switch replaces the table with the shown issues in words, and follows a filter and As of', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, server.url), 'ready');
    const button = page.getByTestId('read-as-text');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    await page.waitForSelector('[data-testid="text-view"]');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.$('table[data-testid="matrix"]'), null, 'the table is replaced');
    await page.waitForFunction(() => location.hash === '#view=text');
    let shown = await items(page);
    assert.deepEqual(shown.map((i) => i.id), DATASET.issues.map((i) => i.id));
    const crimea = shown.find((i) => i.id === 'crimea').text;
    assert.match(crimea, /^Recognise Crimea as Russian: Red-line clash\. .*Opposes \(red line\): Ukraine\./);
    assert.match(await page.textContent('[data-testid="text-summary"]'), /^11 issues\. Red-line clash: \d+ \(“/);

    // A filter (on a phone, behind "Filters"): only the matching issues, and the summary says so.
    await page.getByTestId('filters-toggle').click();
    await page.fill('input[type="search"]', 'crimea');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="text-view"] li').length < 11);
    const count = Number((await page.textContent('[data-testid="count"]')).match(/Showing (\d+) of 11/)[1]);
    const filtered = await items(page);
    assert.equal(filtered.length, count, 'one text per shown issue');
    assert.ok(filtered.some((i) => i.id === 'crimea'));
    assert.match(await page.textContent('[data-testid="text-summary"]'), new RegExp(`^Showing ${count} of 11 issues\\. Red-line clash: `));
    await page.fill('input[type="search"]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="text-view"] li').length === 11);

    // As of the first date: the text says what the matrix said then.
    const first = await page.$eval('[data-testid="asof"]', (input) => input.min);
    const latestText = (await items(page)).map((i) => i.text).join('\n');
    await page.$eval('[data-testid="asof"]', (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, first);
    await page.waitForFunction((before) => [...document.querySelectorAll('[data-testid="text-view"] li')].map((li) => li.textContent).join('\n') !== before, latestText);
    shown = await items(page);
    await page.waitForFunction(() => /asof=\d{4}-\d\d-\d\d&view=text$/.test(location.hash));
    // Early in the talks more parties had not stated a position.
    const notStated = (list) => list.map((i) => i.text).join(' ').split('Not stated:').length;
    assert.ok(notStated(shown) > notStated(latestText.split('\n').map((text) => ({ text }))), 'fewer stated positions then');

    // Back to the table.
    await button.click();
    await page.waitForSelector('table[data-testid="matrix"]');
    assert.equal(await page.$('[data-testid="text-view"]'), null);
    assertNoErrors(page);
    await page.close();
  });

  test('a link with view=text opens the text in German, and it passes axe', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}?lang=de#view=text`), 'ready');
    await page.waitForSelector('[data-testid="text-view"]');
    const crimea = (await items(page)).find((i) => i.id === 'crimea').text;
    assert.match(crimea, /Konflikt um rote Linie\. .*Dagegen \(rote Linie\): Ukraine\./);
    assert.match(await page.textContent('[data-testid="text-summary"]'), /^11 Themen\. /);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  test('the browser joins lists as the pre-renderer did: the text reads the same before and after the wasm', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}#view=text`), 'ready');
    await page.waitForSelector('[data-testid="text-view"]');
    const live = await page.$eval('[data-testid="text-view"]', (el) => el.textContent);
    // The same text, as the build wrote it for readers without script.
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const noscript = html.slice(html.indexOf('<noscript>'), html.indexOf('</noscript>'));
    const built = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup.replace('<noscript>', ''), 'text/html');
      return doc.querySelector('[data-testid="text-view"]').textContent;
    }, noscript);
    assert.equal(live, built);
    // And Intl.ListFormat agrees with the fallback for every language's "and".
    const joined = await page.evaluate(() => ['en-GB', 'de', 'fr', 'uk', 'ru'].map((l) => new Intl.ListFormat(l).format(['A', 'B', 'C'])));
    assert.deepEqual(joined, ['A, B and C', 'A, B und C', 'A, B et C', 'A, B і C', 'A, B и C']);
    await page.close();
  });

  test('without script the page has the matrix in plain words', async () => {
    const context = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 320, height: 740 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const words = await page.evaluate(() => {
      const section = document.querySelector('.sm-static-words');
      return {
        heading: section?.querySelector('h2')?.textContent,
        summary: section?.querySelector('[data-testid="text-summary"]')?.textContent,
        items: section ? section.querySelectorAll('li').length : 0,
        visible: section ? section.getBoundingClientRect().height > 0 : false,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.equal(words.heading, 'In plain words');
    assert.match(words.summary, /^11 issues\./);
    assert.equal(words.items, DATASET.issues.length);
    assert.equal(words.visible, true);
    assert.ok(words.overflow <= 0, `no sideways scroll at 320 px (${words.overflow})`);
    await context.close();
  });
});

// Interactive filtering and shareable state (issue 5): a reader filters, shares, reloads and
// goes back, in the release build served from dist/.

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));

const rowIds = (page) =>
  page.$$eval('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])', (rows) => rows.map((r) => r.dataset.issue));
const status = (page, issue) =>
  page.getAttribute(`tr[data-issue="${issue}"] td[data-testid="status"]`, 'data-status');
const waitRows = (page, predicate, arg) =>
  page.waitForFunction(
    ([source, arg]) => {
      const ids = [...document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])')].map((r) => r.dataset.issue);
      return new Function('ids', 'arg', `return (${source})(ids, arg)`)(ids, arg);
    },
    [predicate.toString(), arg],
  );

describe('filtering and shareable state', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser);
    assert.equal(await openWidget(page, server.url), 'ready');
  });
  afterEach(async () => {
    try {
      assertNoErrors(page);
    } finally {
      await page.close();
    }
  });

  test('typing "crimea" leaves only the Crimea-related rows and says how many', async () => {
    const all = await rowIds(page);
    await page.getByLabel('Filter issues').pressSequentially('crimea');
    await page.waitForFunction(() => !document.querySelector('tr[data-issue="sanctions"]:not([hidden])'));
    const shown = await rowIds(page);
    assert.ok(shown.includes('crimea'), `crimea row shown: ${shown}`);
    assert.ok(shown.length < all.length, `${shown.length} of ${all.length}`);
    // Every row shown mentions Crimea in its title, description, category or a position summary,
    // and every issue that does is shown.
    const related = DATASET.issues
      .filter((issue) => {
        const category = DATASET.categories?.find((c) => c.id === issue.category)?.name ?? '';
        const summaries = DATASET.positions.filter((p) => p.issue === issue.id).map((p) => p.summary);
        return [issue.title, issue.description ?? '', category, ...summaries].join(' ').toLowerCase().includes('crimea');
      })
      .map((issue) => issue.id);
    assert.deepEqual([...shown].sort(), [...related].sort());
    assert.equal(await page.locator('[data-testid="count"]').innerText(), `Showing ${shown.length} of ${all.length} issues`);
    // The URL follows a moment later (writing it forces a full style recalculation).
    await page.waitForFunction(() => location.hash === '#q=crimea');
  });

  test('the filter ignores case and diacritics', async () => {
    await page.getByLabel('Filter issues').fill('CRÍMÉA');
    await page.waitForFunction(() => !document.querySelector('tr[data-issue="sanctions"]:not([hidden])'));
    assert.ok((await rowIds(page)).includes('crimea'));
  });

  test('"Only conflicts" shows fewer rows, each a conflict or red-line clash', async () => {
    const all = await rowIds(page);
    await page.getByLabel('Only conflicts').check();
    await page.waitForFunction((n) => document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])').length < n, all.length);
    const shown = await rowIds(page);
    assert.ok(shown.length > 0 && shown.length < all.length);
    for (const id of shown) assert.ok(['conflict', 'red-line-clash'].includes(await status(page, id)), id);
  });

  test('reloading the URL restores the same rows, and a shared link opens the same view', async () => {
    await page.getByLabel('Only conflicts').check();
    await page.getByLabel('Sort by').selectOption('contested');
    await page.waitForFunction(() => location.hash.includes('sort=contested'));
    const before = await rowIds(page);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#stance-matrix')?.dataset.state === 'ready');
    assert.deepEqual(await rowIds(page), before);
    assert.equal(await page.getByLabel('Only conflicts').isChecked(), true);
    const shared = await newPage(browser);
    try {
      await openWidget(shared, page.url());
      assert.deepEqual(await rowIds(shared), before);
      assertNoErrors(shared);
    } finally {
      await shared.close();
    }
  });

  test('back returns to the previous view, forward to the next', async () => {
    const all = await rowIds(page);
    await page.getByLabel('Only conflicts').check();
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr[data-issue]:not([hidden])').length < n, all.length);
    const conflicts = await rowIds(page);
    await page.waitForFunction(() => location.hash === '#only=conflicts');
    await page.getByLabel('Only red lines').check();
    await page.waitForFunction(() => location.hash.includes('red-lines'));
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('red-lines'));
    await waitRows(page, (ids, n) => ids.length === n, conflicts.length);
    assert.deepEqual(await rowIds(page), conflicts);
    assert.equal(await page.getByLabel('Only red lines').isChecked(), false);
    await page.goBack();
    await waitRows(page, (ids, n) => ids.length === n, all.length);
    await page.goForward();
    await waitRows(page, (ids, n) => ids.length === n, conflicts.length);
  });

  test('hiding a party recomputes a status that depended on it', async () => {
    assert.equal(await status(page, 'occupied-territories'), 'red-line-clash');
    await page.locator('.sm-parties').getByLabel('Ukraine').uncheck();
    await page.waitForFunction(() => !document.querySelector('thead th[data-party="ua"]'));
    assert.equal(await status(page, 'occupied-territories'), 'agreement', 'without Ukraine, Russia supports and the US is open');
    await page.waitForFunction(() => location.hash.includes('hide=ua'));
  });

  test('no match shows an empty state whose reset brings every row back', async () => {
    const all = await rowIds(page);
    const barReset = page.locator('form.sm-filters').getByRole('button', { name: 'Reset filters' });
    assert.equal(await barReset.isDisabled(), true, 'nothing to reset yet');
    await page.getByLabel('Filter issues').fill('zzzz-no-such-issue');
    await page.waitForFunction(() => !document.querySelector('form.sm-filters .sm-reset').disabled);
    await page.locator('[data-testid="empty"]').waitFor();
    assert.equal(await page.locator('[data-testid="count"]').innerText(), `Showing 0 of ${all.length} issues`);
    await page.locator('[data-testid="empty"]').getByRole('button', { name: 'Reset filters' }).click();
    await waitRows(page, (ids, n) => ids.length === n, all.length);
    assert.equal(await page.getByLabel('Filter issues').inputValue(), '');
  });

  test('a malformed or stale fragment is ignored part by part', async () => {
    await openWidget(page, `${server.url}#q=nato&hide=xx,us&only=bogus,conflicts&sort=loud&cell=nope.ua&%E2%28`);
    const shown = await rowIds(page);
    assert.ok(shown.includes('nato'));
    assert.equal(await page.locator('thead th[data-party="us"]').count(), 0, 'the known party is hidden');
    assert.equal(await page.getByLabel('Only conflicts').isChecked(), true);
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'dataset');
  });
});

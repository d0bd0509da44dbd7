// The matrix as a reader meets it (issue 4): the key cell, keyboard access, accessibility in
// light and dark at desktop and phone widths, no sideways page scroll, and screenshots.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

describe('the matrix for a reader', () => {
  let server;
  let browser;

  before(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('Ukraine × Crimea reads as opposed with a red line, and its details show a dated https source', async () => {
    const page = await newPage(browser);
    await openWidget(page, server.url);
    const cell = page.locator('tr[data-issue="crimea"] td[data-party="ua"]');
    assert.match(await cell.innerText(), /Opposes/);
    assert.match(await cell.innerText(), /red line/i);
    const button = cell.getByRole('button');
    // The accessible name starts with the visible words, then gives the context.
    assert.match(await button.getAttribute('aria-label'), /^Opposes Red line, Ukraine on /);
    assert.match(await button.innerText(), /Opposes\s*Red line/i);
    await button.click();
    const detail = page.locator('[data-testid="cell-detail"]');
    await detail.waitFor();
    const link = detail.locator('a[href^="https://"]').first();
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noopener/);
    assert.match(await link.getAttribute('rel'), /noreferrer/);
    assert.match(await detail.locator('time').first().getAttribute('datetime'), /^2025-\d\d-\d\d$/);
    assertNoErrors(page);
    await page.close();
  });

  test('a cell opens with Enter and with Space, and Escape returns focus to it', async () => {
    const page = await newPage(browser);
    await openWidget(page, server.url);
    const button = page.locator('tr[data-issue="nato"] td[data-party="ru"] button');
    for (const key of ['Enter', 'Space']) {
      await button.focus();
      await page.keyboard.press(key);
      await page.locator('[data-testid="cell-detail"]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="cell-detail"]').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.cell), 'nato.ru', `${key}: focus is back`);
    }
    assertNoErrors(page);
    await page.close();
  });

  for (const width of [1280, 375]) {
    for (const scheme of ['light', 'dark']) {
      test(`no serious or critical axe violation at ${width} px, ${scheme}; screenshot`, async () => {
        const page = await newPage(browser);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await openWidget(page, server.url);
        await page.locator('tr[data-issue="crimea"] td[data-party="ua"] button').click();
        await page.locator('[data-testid="cell-detail"]').waitFor();
        const violations = (await axeViolations(page)).filter((v) => ['serious', 'critical'].includes(v.impact));
        assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(widths[0] <= widths[1], `the page scrolls sideways: ${widths}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `matrix-${width}-${scheme}.png`), fullPage: true });
        assertNoErrors(page);
        await page.close();
      });
    }
  }

  test('downloads give the dataset (JSON, equal to the file) and the sheet, one row per position', async () => {
    const page = await newPage(browser);
    await openWidget(page, server.url);
    const bundled = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    assert.equal(json.suggestedFilename(), 'stance-matrix.json');
    assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), bundled);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), 'stance-matrix.csv');
    const lines = readFileSync(await csv.path(), 'utf8').split('\r\n').filter(Boolean);
    assert.match(lines[0], /^\ufefftitle,/, 'a byte-order mark (for Excel), then the title');
    const header = lines.findIndex((l) => l.startsWith('issue,category,party,stance,red line,summary,'));
    assert.ok(header > 0, 'the header row follows the metadata rows');
    // One row per position (stance, then red line); rows that only name a source, category,
    // party or issue keep the file's order (docs/spreadsheet-format.md).
    const positions = lines.slice(header + 1).filter((l) => /,(supports|open|ambivalent|sceptical|opposes),(yes|no),/.test(l));
    assert.equal(positions.length, bundled.positions.length);
    assertNoErrors(page);
    await page.close();
  });

  test('choosing two parties lists where they agree, differ and clash', async () => {
    const page = await newPage(browser);
    await openWidget(page, server.url);
    assert.equal(await page.locator('[data-testid="pairs"] tbody tr').count(), 5);
    await page.getByLabel('Compare').selectOption('ua');
    await page.getByLabel('with', { exact: true }).selectOption('ru');
    const pair = page.locator('[data-testid="pair"]');
    await pair.waitFor();
    const text = await pair.innerText();
    assert.match(text, /Red-line clashes \(\d+\)/);
    assert.ok(text.includes("Ukraine's NATO membership"), 'NATO: a red-line clash between them');
    await page.waitForFunction(() => location.hash.includes('cmp=ua.ru'));
    assertNoErrors(page);
    await page.close();
  });

  test('?theme=dark forces the dark palette even on a light system', async () => {
    const page = await newPage(browser);
    await page.emulateMedia({ colorScheme: 'light' });
    await openWidget(page, `${server.url}?theme=dark`);
    const bg = await page.locator('#stance-matrix').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(bg, 'rgb(20, 20, 20)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await openWidget(page, `${server.url}?theme=light`);
    assert.equal(await page.locator('#stance-matrix').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)');
    assertNoErrors(page);
    await page.close();
  });

  test('at 320 px neither the page nor the matrix box scrolls sideways: every column fits', async () => {
    const page = await newPage(browser);
    await page.setViewportSize({ width: 320, height: 700 });
    await openWidget(page, server.url);
    const [page_w, view_w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(page_w <= view_w, `${page_w} > ${view_w}`);
    const box = await page.locator('.sm-scroll').first().evaluate((e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(box[0] <= box[1] + 1, `the matrix box scrolls: ${box[0]} > ${box[1]}`);
    assertNoErrors(page);
    await page.close();
  });
});

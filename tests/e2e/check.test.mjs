// The check page (check.html): from a sheet or a JSON file to a checked, previewed matrix,
// its JSON and an embed code that works.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

// Each matrix row as issue → the cells' stance and red line, in column order.
const matrixOf = (root) =>
  root.evaluate((el) =>
    [...el.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]')].map((tr) => ({
      title: tr.querySelector('th').textContent,
      cells: [...tr.querySelectorAll('td[data-party]')].map((td) => `${td.dataset.party}:${td.dataset.stance ?? '-'}:${td.dataset.redLine ?? ''}`),
      status: tr.className,
    })),
  );

const BROKEN = [
  'title,Broken talks',
  '',
  'issue,party,stance,red line,summary,date,confidence,source,source url',
  'Peace,Alpha,maybe,,S,2025-04-20,on record,R,https://example.org/r',
  'Peace,Beta,open,perhaps,S,2025-04-20,on record,R,https://example.org/r',
  'Peace,Gamma,open,,S,20/04/2025,on record,R,https://example.org/r',
].join('\n');

describe('check page', () => {
  let server;
  let browser;
  const routes = {};
  before(async () => {
    server = await serveDist({ csp: true, routes });
    browser = await launchBrowser({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const openCheck = async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}check.html`);
    await page.waitForSelector('#sm-check-text');
    return page;
  };

  test("pasting the widget's own CSV download of the bundled data previews the same matrix", async () => {
    const widget = await newPage(browser);
    await openWidget(widget, server.url);
    const [download] = await Promise.all([widget.waitForEvent('download'), widget.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const expected = await matrixOf(widget.locator('#stance-matrix'));
    const page = await openCheck();
    await page.locator('#sm-check-text').fill(csv);
    await page.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
    assert.deepEqual(await matrixOf(page.locator('[data-testid="preview"]')), expected);
    assert.match(await page.getByTestId('valid').textContent(), new RegExp(`^11 issues, 5 parties, ${JSON.parse(readFileSync('data/ceasefire-2025-04.json', 'utf8')).positions.length} positions`));
    assertNoErrors(page);
    await Promise.all([widget.close(), page.close()]);
  });

  test('a sheet with three broken cells lists all three with their rows; the text and cursor stay', async () => {
    const page = await openCheck();
    const box = page.locator('#sm-check-text');
    await box.click();
    await page.keyboard.insertText(BROKEN);
    await page.waitForSelector('[data-testid="problems"]');
    const items = await page.locator('[data-testid="problems"] li').allTextContents();
    assert.equal(items.length, 3, items.join('\n'));
    assert.ok(items.some((m) => m.startsWith('row 4, column C (stance): ') && m.includes('"maybe"')), items.join('\n'));
    assert.ok(items.some((m) => m.startsWith('row 5, column D (red line): "perhaps" is not yes or no')), items.join('\n'));
    assert.ok(items.some((m) => m.startsWith('row 6, column F (date): ') && m.includes('20/04/2025')), items.join('\n'));
    const kept = await box.evaluate((el) => ({ value: el.value, focused: document.activeElement === el, caret: el.selectionStart }));
    assert.deepEqual(kept, { value: BROKEN, focused: true, caret: BROKEN.length });
    await page.close();
  });

  test('axe finds no serious or critical violation, with problems listed and with a preview', async () => {
    const page = await openCheck();
    const serious = async () => (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    await page.locator('#sm-check-text').fill(BROKEN);
    await page.waitForSelector('[data-testid="problems"]');
    assert.deepEqual(await serious(), []);
    await page.locator('#sm-check-text').fill(readFileSync('data/ceasefire-2025-04.json', 'utf8'));
    await page.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
    await page.locator('#sm-check-address').fill('https://graphics.example.org/data/talks.json');
    await page.waitForSelector('[data-testid="embed-code"]');
    assert.deepEqual(await serious(), []);
    await page.close();
  });

  test('a JSON file with a problem is listed by line and column', async () => {
    const page = await openCheck();
    const text = readFileSync('data/ceasefire-2025-04.json', 'utf8').replace('"stance": "opposes"', '"stance": "against"');
    const line = text.split('\n').findIndex((l) => l.includes('"against"')) + 1;
    await page.locator('#sm-check-text').fill(text);
    const item = await page.locator('[data-testid="problems"] li').first().textContent();
    assert.match(item, new RegExp(`^line ${line}, column \\d+: positions\\[\\d+\\]\\.stance: .*"against"`));
    await page.close();
  });

  test('a valid file dropped on the page, or chosen, previews', async () => {
    const page = await openCheck();
    const json = readFileSync('tests/fixtures/valid/ten-parties.json', 'utf8');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'ten-parties.json', { type: 'application/json' }));
      document.querySelector('.sm-check-page').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
    assert.equal(await page.locator('#sm-check-text').inputValue(), json, 'the dropped text is in the box');
    await page.locator('#sm-check-text').fill('');
    await page.locator('#sm-check-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN) });
    await page.waitForSelector('[data-testid="problems"]');
    assert.equal(await page.locator('[data-testid="problems"] li').count(), 3);
    assertNoErrors(page);
    await page.close();
  });

  test("the JSON download passes the widget's validation, and the embed code works in a page", async () => {
    const page = await openCheck();
    await page.locator('#sm-check-text').fill(readFileSync('tests/fixtures/valid/ten-parties.json', 'utf8'));
    await page.waitForSelector('[data-testid="valid"]');
    const publish = page.getByRole('region', { name: 'Valid: publish it' });
    const [download] = await Promise.all([page.waitForEvent('download'), publish.getByRole('button', { name: 'Download JSON' }).click()]);
    const json = readFileSync(await download.path(), 'utf8');
    routes['/data/checked.json'] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(json);
    };
    const widget = await newPage(browser);
    assert.equal(await openWidget(widget, `${server.url}?data=data/checked.json`), 'ready');
    assert.equal(await widget.locator('tbody tr[data-issue]').count(), JSON.parse(json).issues.length);

    await page.locator('#sm-check-address').fill(`${server.url}data/checked.json`);
    const code = await page.getByTestId('embed-code').inputValue();
    assert.match(code, /<iframe src="[^"]*embed\.html\?embed&amp;data=/);
    assert.match(code, /<stance-matrix src="[^"]*data\/checked\.json">/);
    routes['/article.html'] = (req, res) => {
      // The newsroom's article, with its own policy (none here): the snippet's script runs.
      res.removeHeader('Content-Security-Policy');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><title>Article</title><link rel="icon" href="data:,"></head><body><h1>Article</h1>${code}</body></html>`);
    };
    const article = await newPage(browser);
    await article.goto(`${server.url}article.html`);
    const frame = await (await article.waitForSelector('iframe')).contentFrame();
    await frame.waitForFunction(() => document.querySelector('#stance-matrix')?.dataset.state === 'ready');
    assert.equal(await frame.locator('tbody tr[data-issue]').count(), JSON.parse(json).issues.length);
    await article.waitForFunction(() => document.querySelector('stance-matrix')?.getAttribute('data-state') === 'ready');
    assert.equal(await article.locator('stance-matrix tbody tr[data-issue]').count(), JSON.parse(json).issues.length);
    // The snippet's script sizes the iframe to the widget.
    await article.waitForFunction(() => document.querySelector('iframe').clientHeight !== 720);
    assertNoErrors(article);
    await Promise.all([page.close(), widget.close(), article.close()]);
  });
});

// The check page reading an editor's file as the command-line tool does: Windows-1252 (Excel's
// "CSV (Comma delimited)") with a notice, UTF-16 with a byte-order mark, never a file that is
// not text, and warnings apart from the problems ("Valid" only without a problem).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

// Windows-1252's characters for bytes 0x80–0x9F (null where it has none); other bytes are Latin-1.
const HIGH = [0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178];

const toWindows1252 = (text) =>
  Buffer.from([...text].map((c) => {
    const code = c.codePointAt(0);
    const high = HIGH.indexOf(code);
    if (high >= 0) return 0x80 + high;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    throw new Error(`${c} is not in Windows-1252`);
  }));

const matrixOf = (root) =>
  root.evaluate((el) =>
    [...el.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]')].map((tr) => ({
      title: tr.querySelector('th').textContent,
      cells: [...tr.querySelectorAll('td[data-party]')].map((td) => `${td.dataset.party}:${td.dataset.stance ?? '-'}:${td.dataset.redLine ?? ''}`),
    })),
  );

describe('check page: encodings and warnings', () => {
  let server;
  let browser;
  let csv;
  before(async () => {
    server = await serveDist({ csp: true });
    browser = await launchBrowser({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const widget = await newPage(browser);
    await openWidget(widget, server.url);
    const [download] = await Promise.all([widget.waitForEvent('download'), widget.getByRole('button', { name: 'Download CSV' }).click()]);
    csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
    await widget.close();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const choose = async (name, buffer) => {
    const page = await newPage(browser);
    await page.goto(`${server.url}check.html`);
    await page.waitForSelector('#sm-check-text');
    await page.locator('#sm-check-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    return page;
  };

  test("the widget's CSV saved as Windows-1252 previews the same matrix as the UTF-8 one, with a notice", async () => {
    const bytes = toWindows1252(csv);
    assert.notEqual(bytes.toString('utf8'), csv, 'the file has characters UTF-8 writes differently');
    const utf8 = await choose('talks.csv', Buffer.from(csv));
    await utf8.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
    const expected = await matrixOf(utf8.locator('[data-testid="preview"]'));
    assert.equal(await utf8.getByTestId('warnings').count(), 0, 'UTF-8: no notice');
    const page = await choose('talks.csv', bytes);
    await page.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
    assert.deepEqual(await matrixOf(page.locator('[data-testid="preview"]')), expected);
    const box = await page.locator('#sm-check-text').inputValue();
    assert.equal(box.replaceAll('\r\n', '\n'), csv.replaceAll('\r\n', '\n'), 'the box holds the text, no \ufffd');
    const notice = await page.locator('[data-testid="warnings"] li').allTextContents();
    assert.equal(notice.length, 1, notice.join('\n'));
    assert.match(notice[0], /Windows-1252.*CSV UTF-8/);
    assertNoErrors(page);
    await Promise.all([utf8.close(), page.close()]);
  });

  test('UTF-16 with a byte-order mark (Excel\'s "Unicode Text") reads', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const page = await choose('talks.txt', bytes);
    await page.waitForSelector('[data-testid="valid"]');
    assert.match(await page.getByTestId('valid').textContent(), /^11 issues, 5 parties/);
    await page.close();
  });

  test('a PNG renamed .csv is an error with its line and byte, and nothing says Valid', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const page = await choose('chart.csv', png);
    await page.waitForSelector('[data-testid="problems"]');
    const items = await page.locator('[data-testid="problems"] li').allTextContents();
    assert.deepEqual(items.length, 1, items.join('\n'));
    assert.match(items[0], /^this is not a text file: line 2, byte 7 holds the control byte 0x1A/);
    assert.equal(await page.getByTestId('valid').count(), 0);
    assert.doesNotMatch(await page.getByTestId('status').textContent(), /Valid/);
    assert.equal(await page.locator('#sm-check-text').inputValue(), '');
    await page.close();
  });

  test('a dataset with \ufffd in two fields is valid, with two warnings naming them', async () => {
    const text = csv.replaceAll('Direct Russia–Ukraine talks', 'Direct Russia\ufffdUkraine talks').replace('Where Russia, Ukraine', 'Where Russia\ufffd Ukraine');
    assert.ok(text.includes('Direct Russia\ufffdUkraine talks'));
    const page = await newPage(browser);
    await page.goto(`${server.url}check.html`);
    await page.locator('#sm-check-text').fill(text);
    await page.waitForSelector('[data-testid="valid"]');
    const warnings = await page.locator('[data-testid="warnings"] li').allTextContents();
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0], /^row \d+: description: holds \ufffd/);
    assert.match(warnings[1], /^row \d+, column A \(issue\): holds \ufffd/);
    await page.close();
  });

  test('an .xlsx workbook of the bundled rows, with date cells, previews the bundled matrix', async () => {
    // The workbook the native test writes with rust_xlsxwriter (tests/workbook.rs): a sheet of
    // notes first, the data on the sheet named stance-matrix, dates as date cells.
    const dir = mkdtempSync(path.join(tmpdir(), 'stance-matrix-xlsx-'));
    const file = path.join(dir, 'talks.xlsx');
    try {
      execFileSync('cargo', ['test', '--offline', '--quiet', '--features', 'ssr,sheet,host-api', '--test', 'workbook',
        'an_xlsx_with_the_bundled_rows'], { env: { ...process.env, STANCE_MATRIX_WRITE_XLSX: file }, stdio: ['ignore', 'ignore', 'inherit'] });
      const page = await choose('talks.xlsx', readFileSync(file));
      await page.waitForSelector('[data-testid="preview"] table[data-testid="matrix"]');
      const bundled = JSON.parse(readFileSync('data/ceasefire-2025-04.json', 'utf8'));
      assert.match(await page.getByTestId('valid').textContent(), new RegExp(`^${bundled.issues.length} issues, ${bundled.parties.length} parties, ${bundled.positions.length} positions`));
      assert.equal(await page.locator('[data-testid="preview"] tbody tr[data-issue]').count(), bundled.issues.length);
      assertNoErrors(page);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a zip that is no workbook gets its reason, and nothing says Valid', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const page = await choose('talks.xlsx', zip);
    await page.waitForSelector('[data-testid="problems"]');
    const items = await page.locator('[data-testid="problems"] li').allTextContents();
    assert.equal(items.length, 1, items.join('\n'));
    assert.equal(await page.getByTestId('valid').count(), 0);
    await page.close();
  });
});

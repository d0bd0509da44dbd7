// The view as an image (issue 24, in part): "Download image" gives an SVG of what the reader is
// looking at (filters, hidden parties, language) that parses as XML, with text as text and a
// hostile dataset's strings escaped, and a PNG at 1200 px wide at 2×.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const HOSTILE = '<script>alert(1)</script> ]]> & "q"';

describe('download image', () => {
  let server;
  let browser;
  const routes = {};

  before(async () => {
    const dataset = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'), 'utf8'));
    dataset.title = HOSTILE;
    dataset.issues[0].title = HOSTILE;
    routes['/data/hostile.json'] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(dataset));
    };
    server = await serveDist({ csp: true, routes });
    browser = await launchBrowser({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const download = async (page, testid) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };

  /** The SVG parsed by the browser: its errors, and per issue group its texts and cells. */
  const parse = (page, svg) => page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const text = (el) => [...el.querySelectorAll('tspan')].map((t) => t.textContent).join(' ');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('svg > title')?.textContent,
      lang: doc.documentElement.getAttribute('xml:lang'),
      scripts: doc.getElementsByTagName('script').length,
      parties: [...doc.querySelectorAll('g.party')].map(text),
      issues: [...doc.querySelectorAll('g.issue')].map((g) => ({
        id: g.getAttribute('data-issue'),
        text: text(g),
        cells: [...g.querySelectorAll('g.cell')].map((c) => ({ party: c.getAttribute('data-party'), text: text(c) })),
      })),
    };
  }, svg);

  test('the SVG is the view the reader sees: its issues, parties and stance words, in German, no hidden party', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}?lang=de#q=crimea&hide=gb`), 'ready');
    const seen = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])')];
      return {
        parties: [...document.querySelectorAll('table[data-testid="matrix"] thead th[data-party] .sm-party-name')].map((e) => e.textContent),
        rows: rows.map((tr) => ({
          id: tr.dataset.issue,
          title: tr.querySelector('.sm-issue-title').textContent,
          cells: [...tr.querySelectorAll('td[data-party]')].map((td) => ({ party: td.dataset.party, word: td.querySelector('.sm-word').textContent.replaceAll('\u00ad', '') })),
        })),
      };
    });
    assert.ok(seen.rows.length > 0 && seen.rows.length < 11, `${seen.rows.length} rows`);
    assert.ok(!seen.parties.includes('United Kingdom'));
    const { name, bytes } = await download(page, 'download-svg');
    assert.equal(name, 'stance-matrix.svg');
    const svg = await parse(page, bytes.toString('utf8'));
    assert.equal(svg.error, null);
    assert.equal(svg.lang, 'de');
    assert.deepEqual(svg.parties, seen.parties);
    assert.deepEqual(svg.issues.map((i) => i.id), seen.rows.map((r) => r.id));
    for (const [i, row] of seen.rows.entries()) {
      for (const word of row.title.split(/\s+/)) assert.ok(svg.issues[i].text.includes(word), `${word} in ${svg.issues[i].text}`);
      assert.deepEqual(svg.issues[i].cells.map((c) => c.party), row.cells.map((c) => c.party));
      for (const [j, cell] of row.cells.entries()) {
        const first = cell.word.split(/\s+/)[0];
        assert.ok(svg.issues[i].cells[j].text.includes(first), `${cell.word} in ${svg.issues[i].cells[j].text}`);
      }
    }
    assert.ok(!bytes.toString('utf8').includes('data-party="gb"'));
    assertNoErrors(page);
    await page.close();
  });

  test("a hostile dataset's strings are text in the SVG", async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}?data=data/hostile.json`), 'ready');
    const { bytes } = await download(page, 'download-svg');
    const svg = await parse(page, bytes.toString('utf8'));
    assert.equal(svg.error, null);
    assert.equal(svg.scripts, 0);
    assert.equal(svg.title, HOSTILE);
    assert.ok(svg.issues[0].text.includes('<script>alert(1)</script>'), svg.issues[0].text);
    assertNoErrors(page);
    await page.close();
  });

  test('the PNG decodes, 1200 px wide at 2×', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, server.url), 'ready');
    const { name, bytes } = await download(page, 'download-png');
    assert.equal(name, 'stance-matrix.png');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The IHDR chunk: width and height, big-endian, after the signature and chunk header.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.equal(width, 2400);
    assert.ok(height > 800 && height % 2 === 0, `height ${height}`);
    assertNoErrors(page);
    await page.close();
  });
});

describe('print', () => {
  let server;
  let browser;
  before(async () => {
    server = await serveDist({ csp: true });
    browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [paper, width] of [['A4', 703], ['Letter', 725]]) {
    test(`printing on ${paper} shows every issue with its words and status, light, and no control`, async () => {
      const page = await newPage(browser);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      // The printable width of the paper, portrait, 12 mm margins, in CSS pixels.
      await page.setViewportSize({ width, height: 1000 });
      assert.equal(await openWidget(page, server.url), 'ready');
      const found = await page.evaluate(() => {
        const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const rows = [...document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]')];
        return {
          rows: rows.filter(shown).length,
          words: rows.flatMap((tr) => [...tr.querySelectorAll('td[data-party] .sm-word')]).filter(shown).length,
          cells: rows.flatMap((tr) => [...tr.querySelectorAll('td[data-party]')]).length,
          statuses: rows.map((tr) => tr.querySelector('.sm-status-label')).filter(shown).length,
          legend: shown(document.querySelector('[data-testid="legend"] .sm-legend-grid')),
          controls: [...document.querySelectorAll('input, select, .sm-button, .sm-embed summary, .sm-compare summary, .sm-about summary')].filter(shown).map((e) => e.outerHTML.slice(0, 80)),
          background: getComputedStyle(document.querySelector('.stance-matrix')).backgroundColor,
          // The sources as numbered notes: each stated cell's numbers, and the notes.
          stated: rows.flatMap((tr) => [...tr.querySelectorAll('td.sm-cell:not(.sm-not-stated)')]).length,
          cellNotes: rows.flatMap((tr) => [...tr.querySelectorAll('td[data-notes]')]).map((td) => getComputedStyle(td, '::after').content),
          notes: [...document.querySelectorAll('.sm-notes li')].filter(shown).map((li) => ({ n: li.value, text: li.textContent, href: getComputedStyle(li.querySelector('a'), '::after').content })),
        };
      });
      const issues = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/ceasefire-2025-04.json'), 'utf8')).issues.length;
      assert.equal(found.rows, issues);
      assert.equal(found.statuses, issues);
      assert.equal(found.words, found.cells, 'every cell shows its word, not only a sign');
      assert.equal(found.legend, true);
      assert.deepEqual(found.controls, []);
      assert.equal(found.background, 'rgb(255, 255, 255)');
      assert.equal(found.cellNotes.length, found.stated, 'every stated cell carries its notes');
      const numbers = new Set(found.notes.map((note) => note.n));
      for (const content of found.cellNotes) {
        assert.match(content, /^"\d+(,\d+)*"$/);
        for (const n of content.slice(1, -1).split(',')) assert.ok(numbers.has(Number(n)), `note ${n} is listed`);
      }
      for (const note of found.notes) assert.match(note.href, /^" https?:\/\//, 'each note writes its address out');
      await page.close();
    });
  }
});

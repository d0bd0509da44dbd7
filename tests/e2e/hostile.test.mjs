// Hostile and malformed datasets via ?data= (issue 7): nothing runs, each malformed file
// shows its specific error, and no uncaught exception or console error occurs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const BASE = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'), 'utf8');
const base = () => JSON.parse(BASE);
const json = (value) => JSON.stringify(value, null, 2);
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"><svg onload=alert(1)>';

function everyTextHostile() {
  const doc = base();
  const poison = (o, keys) => keys.forEach((k) => { if (k in o) o[k] = `${o[k]} ${PAYLOAD}`; });
  poison(doc, ['title', 'description', 'methodology']);
  doc.parties.forEach((p) => poison(p, ['name', 'short']));
  doc.categories.forEach((c) => poison(c, ['name']));
  doc.issues.forEach((i) => poison(i, ['title', 'description']));
  doc.sources.forEach((s) => poison(s, ['title', 'publisher']));
  doc.positions.forEach((p) => poison(p, ['summary', 'quote', 'speaker', 'conditions']));
  doc.positions[0].summary += ' \u202Egnp.exe\u202C';
  return json(doc);
}

const withSource = (url) => { const d = base(); d.sources[0].url = url; return json(d); };
const mutate = (f) => { const d = base(); f(d); return json(d); };
const big = () => { const d = base(); d.description = 'x'.repeat(9_000); d.issues = Array.from({ length: 1300 }, (_, i) => ({ id: `i${i}`, title: 't'.repeat(9_000) })); return json(d); };

// name → [body, expected data-state, message the widget must show (or null)]
const CASES = {
  'html-and-script-in-every-text-field': [everyTextHostile(), 'ready', null],
  'javascript-source-url': [withSource('javascript:window.__pwned=1'), 'error', /sources\[0\]\.url: "javascript:window\.__pwned=1" is not an http\(s\) URL/],
  'data-source-url': [withSource('data:text/html,<script>alert(1)</script>'), 'error', /sources\[0\]\.url: "data:text\/html,<script>alert\(1\)<\/script>" is not an http\(s\) URL/],
  'protocol-relative-source-url': [withSource('//evil.example/x'), 'error', /sources\[0\]\.url: "\/\/evil\.example\/x" is not an http\(s\) URL/],
  'truncated-json': [BASE.slice(0, 400), 'error', /invalid JSON at line \d+, column \d+: /],
  'empty-file': ['', 'error', /invalid JSON at line 1, column 1: the file is empty/],
  'html-error-page': ['<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>', 'error', /this looks like an HTML page, not JSON/],
  'wrong-types': [mutate((d) => { d.parties = { id: 'x' }; d.as_of = 20250630; }), 'error', /as_of: expected a string, found a number[\s\S]*parties: expected an array, found an object/],
  'misspelt-field': [mutate((d) => { d.positions[0].stnce = d.positions[0].stance; delete d.positions[0].stance; }), 'error', /positions\[0\]: unknown field "stnce" \(did you mean "stance"\?\)/],
  'dangling-ids': [mutate((d) => { d.positions[1].party = 'uk'; d.positions[2].sources = ['nope']; }), 'error', /positions\[1\]\.party: unknown party "uk" \(known: north, south, east_isles\)[\s\S]*positions\[2\]\.sources\[0\]: unknown source "nope"/],
  'bad-dates': [mutate((d) => { d.positions[0].date = '2025-02-30'; d.as_of = 'yesterday'; }), 'error', /as_of: "yesterday" is not a valid date \(YYYY-MM-DD\)[\s\S]*positions\[0\]\.date: "2025-02-30" is not a valid date/],
  'unsupported-format': [mutate((d) => { d.format = 'stance-matrix/9'; }), 'error', /format: unsupported format "stance-matrix\/9" \(supported: "stance-matrix\/1"\)/],
  'deep-nesting-100000': ['['.repeat(100_000) + ']'.repeat(100_000), 'error', /nested deeper than 64 levels/],
};

describe('hostile and malformed datasets', () => {
  let server;
  let browser;

  before(async () => {
    const routes = {};
    for (const [name, [text]] of Object.entries(CASES)) {
      routes[`/hostile/${name}.json`] = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(text);
      };
    }
    // 12 MB: once announced by Content-Length, once streamed without it (chunked).
    const twelve = big();
    assert.ok(twelve.length > 11_500_000, `${twelve.length}`);
    routes['/hostile/twelve-megabytes.json'] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(twelve) });
      res.end(twelve);
    };
    routes['/hostile/twelve-megabytes-chunked.json'] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let i = 0; i < twelve.length; i += 1_000_000) res.write(twelve.slice(i, i + 1_000_000));
      res.end();
    };
    server = await serveDist({ routes });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const cases = [
    ...Object.entries(CASES).map(([name, [, state, message]]) => [name, state, message]),
    ['twelve-megabytes', 'error', /the file is 1[12]\.\d MB; the limit is 10 MB/],
    ['twelve-megabytes-chunked', 'error', /the file is 1[12]\.\d MB; the limit is 10 MB/],
  ];
  for (const [name, state, message] of cases) {
    test(`${name}: ${state === 'ready' ? 'renders as text' : 'shows its specific error'}, nothing runs`, async () => {
      const page = await newPage(browser);
      const dialogs = [];
      page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      assert.equal(await openWidget(page, `${server.url}?data=hostile/${name}.json`), state);
      if (message) {
        const alert = page.locator('[role="alert"][data-testid="error"]');
        assert.match(await alert.innerText(), message);
        assert.equal(await alert.locator('[data-testid="error-requested"]').innerText(), `hostile/${name}.json`);
      } else {
        // The payload is on screen as text, and no element it describes exists.
        assert.match(await page.locator('table[data-testid="matrix"] caption').innerText(), /<img src=x onerror=/);
        assert.equal(await page.locator('#stance-matrix img, #stance-matrix svg, #stance-matrix script').count(), 0);
        await page.locator('tbody tr[data-issue]:not([hidden]) button').first().click();
        await page.locator('[data-testid="cell-detail"]').waitFor();
        const detail = await page.locator('[data-testid="cell-detail"]').innerText();
        assert.ok(!detail.includes('\u202E'), 'bidirectional overrides are removed');
      }
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the canary stays unset');
      assert.deepEqual(dialogs, []);
      assertNoErrors(page);
      await page.close();
    });
  }
});

// Bounded work (issue 17): every file within the limits reaches a matrix or a clear error in
// at most 3 s, with wasm memory at most 10× the file size; and `?data=` is read by one rule,
// refused from other origins, and a malformed value is an error the reader sees.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

const BUDGET_MS = 3000;
const MAX_BYTES = 10_000_000;

const head = (parties, issues) =>
  `{"format":"stance-matrix/1","title":"Bounded","as_of":"2025-04-30",` +
  `"parties":[${Array.from({ length: parties }, (_, p) => `{"id":"p${p}","name":"Party ${p}"}`).join(',')}],` +
  `"issues":[${Array.from({ length: issues }, (_, i) => `{"id":"i${i}","title":"Issue ${i}"}`).join(',')}],` +
  `"sources":[{"id":"s1","title":"S","url":"https://example.org/s"}],"positions":[`;

const position = (party, issue, day, stance = 'open') =>
  `{"party":"${party}","issue":"${issue}","stance":"${stance}","summary":"s","date":"2025-04-${String(day).padStart(2, '0')}","confidence":"on_record","sources":["s1"]}`;

/** 500 parties × 20,000 issues, no positions: 10 million empty cells if indexed naively. */
function emptyWide() {
  return `${head(500, 20_000)}]}`;
}

/** 30 parties × 2,500 issues, as many positions as fit under the 10 MB limit. */
function fullToTheLimit() {
  const stances = ['supports', 'open', 'ambivalent', 'sceptical', 'opposes'];
  const start = head(30, 2_500);
  const parts = [];
  let size = start.length + 2;
  outer: for (let day = 1; day <= 28; day += 1) {
    for (let issue = 0; issue < 2_500; issue += 1) {
      for (let party = 0; party < 30; party += 1) {
        const text = position(`p${party}`, `i${issue}`, day, stances[(party + issue + day) % 5]);
        if (size + text.length + 1 > MAX_BYTES - 100) break outer;
        parts.push(text);
        size += text.length + 1;
      }
    }
  }
  return `${start}${parts.join(',')}]}`;
}

/** 30,000 positions, each naming an unknown party and an unknown issue: 60,000 problems. */
function unknownReferences() {
  const parts = Array.from({ length: 30_000 }, (_, i) => position(`nobody${i}`, `nowhere${i}`, 1));
  return `${head(5, 10)}${parts.join(',')}]}`;
}

const DATASETS = {
  'empty-wide': emptyWide(),
  'full-to-the-limit': fullToTheLimit(),
  'unknown-references': unknownReferences(),
};

describe('bounded work and the data parameter', () => {
  let server;
  let browser;

  before(async () => {
    const routes = {};
    for (const [name, text] of Object.entries(DATASETS)) {
      routes[`/data/${name}.json`] = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(text);
      };
    }
    server = await serveDist({ routes });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `query`; returns { state, ms (navigation to ready/error), memory (wasm bytes) }. */
  async function timedOpen(page, query) {
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const state = document.getElementById('stance-matrix')?.getAttribute('data-state');
        if (state === 'ready' || state === 'error') {
          window.__settled = { state, ms: performance.now() };
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(`${server.url}${query}`);
    await page.waitForFunction(() => window.__settled, null, { timeout: 60_000 });
    const settled = await page.evaluate(() => window.__settled);
    // The bindings' init returns the running instance's exports when called again.
    const memory = await page.evaluate(async () => {
      const bindings = await import(document.querySelector('script[data-bindings]').dataset.bindings);
      return (await bindings.default()).memory.buffer.byteLength;
    });
    return { ...settled, memory };
  }

  const cases = [
    ['a valid 500 × 20,000 file with no positions', 'empty-wide', 'ready'],
    ['a valid file just under 10 MB, as many positions as fit', 'full-to-the-limit', 'ready'],
    ['a file with 60,000 unknown references', 'unknown-references', 'error'],
  ];
  for (const [name, file, expected] of cases) {
    test(`${name}: ${expected} within ${BUDGET_MS} ms, wasm memory at most 10× the file`, { timeout: 90_000 }, async () => {
      const bytes = Buffer.byteLength(DATASETS[file]);
      const page = await newPage(browser);
      const { state, ms, memory } = await timedOpen(page, `?data=data/${file}.json`);
      console.log(`# ${file}: ${(bytes / 1e6).toFixed(2)} MB → ${state} in ${Math.round(ms)} ms, wasm memory ${(memory / 1e6).toFixed(1)} MB`);
      assert.equal(state, expected);
      assert.ok(ms <= BUDGET_MS, `${file}: ${Math.round(ms)} ms after navigation (budget ${BUDGET_MS} ms)`);
      assert.ok(memory <= 10 * bytes, `${file}: wasm memory ${memory} bytes for a ${bytes}-byte file`);
      if (expected === 'ready') {
        assert.ok((await page.locator('tbody tr[data-issue]:not([hidden])').count()) >= 1, 'rows are shown');
        // Party against party lists its pairs a page at a time.
        assert.ok((await page.locator('[data-testid="pair-list"] li').count()) <= 20);
      } else {
        const text = await page.locator('[data-testid="error"]').innerText();
        assert.match(text, /60000 problems/);
        assert.match(text, /positions\[0\]\.party: unknown party "nobody0" \(known: p0, p1, p2, p3, p4\)/);
        assert.match(text, /and 59800 more problems/);
        assert.equal(await page.locator('[data-testid="problems"] li').count(), 200);
      }
      assertNoErrors(page);
      await page.close();
    });
  }

  test('?data=%ZZ is an error naming the parameter, not the bundled data', async () => {
    const page = await newPage(browser, { failOnConsoleError: false });
    const { state } = await timedOpen(page, '?data=%ZZ&data=data/empty-wide.json');
    assert.equal(state, 'error');
    assert.equal(await page.locator('[data-testid="error-requested"]').innerText(), '%ZZ');
    assert.match(await page.locator('[data-testid="error-reason"]').innerText(), /not valid URL encoding/);
    await page.close();
  });

  test('the first ?data= decides, in the early request and in the widget alike', async () => {
    const page = await newPage(browser);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const { state } = await timedOpen(page, '?data=data/empty-wide.json&data=data/unknown-references.json');
    assert.equal(state, 'ready');
    assert.ok(requested.includes('/data/empty-wide.json'));
    assert.ok(!requested.includes('/data/unknown-references.json'), `requested: ${requested}`);
    assert.equal(requested.filter((p) => p === '/data/empty-wide.json').length, 1, 'requested once: the widget took the early answer');
    await page.close();
  });

  test('data from another origin is refused with a clear message, and never requested', async () => {
    const page = await newPage(browser, { failOnConsoleError: false });
    const other = `http://localhost:${server.port}/data/empty-wide.json`;
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    const { state } = await timedOpen(page, `?data=${encodeURIComponent(other)}`);
    assert.equal(state, 'error');
    assert.equal(await page.locator('[data-testid="error-requested"]').innerText(), other);
    assert.match(
      await page.locator('[data-testid="error-reason"]').innerText(),
      new RegExp(`does not load data from http://localhost:${server.port}`),
    );
    assert.ok(!requested.includes(other), 'a refused address is not requested');
    await page.close();
  });
});

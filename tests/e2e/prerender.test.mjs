// The pre-rendered page (src/prerender, takeover.rs): the matrix is in the HTML before the wasm
// arrives; without JavaScript the page is a complete document; with it, the wasm takes over
// without moving anything, and what a reader typed early is kept.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST, REPO_ROOT, assertNoErrors, axeViolations, holdWasm, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const DATA = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/ceasefire-2025-04.json'), 'utf8'));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const STANCE_WORDS = { supports: 'Supports', open: 'Open', ambivalent: 'Ambivalent', sceptical: 'Sceptical', opposes: 'Opposes' };
// The latest position of each (issue, party) that does not only add to the standing one
// (`adds`, unless the cell has nothing else): what the matrix shows.
const current = new Map();
for (const p of DATA.positions) {
  const key = `${p.issue}.${p.party}`;
  const held = current.get(key);
  if (!held || (held.adds && !p.adds) || (!held.adds === !p.adds && held.date <= p.date)) current.set(key, p);
}

// Sums layout shifts (not caused by input) in every frame, from navigation on.
const recordShifts = () => {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
  }).observe({ type: 'layout-shift', buffered: true });
};
const sumShifts = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));

describe('pre-rendered page', () => {
  let server;
  before(async () => {
    server = await serveDist({ csp: true });
  });
  after(async () => server?.close());

  test('without JavaScript: every issue, party, stance, red line and status, and each position with date and source', async () => {
    const context = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
    try {
      const page = await newPage(context);
      await page.goto(server.url);
      const seen = await page.evaluate(() => ({
        headers: [...document.querySelectorAll('table[data-testid="matrix"] thead th')].map((th) => th.textContent.trim()),
        rows: [...document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]')].map((tr) => ({
          issue: tr.dataset.issue,
          status: tr.className,
          // On phones the words give way to signs (with the key above); the words stay in the markup
          // and the accessible name.
          cells: [...tr.querySelectorAll('td[data-party]')].map((td) => ({ party: td.dataset.party, text: td.textContent + ' ' + (td.querySelector('button')?.getAttribute('aria-label') ?? '') })),
        })),
        list: document.querySelector('.sm-static-positions')?.innerText ?? '',
        links: [...document.querySelectorAll('.sm-static-positions a[href]')].map((a) => a.href),
        visibleControls: [...document.querySelectorAll('button, select, input, summary.sm-button')]
          .filter((e) => e.getClientRects().length > 0 && !e.closest('td'))
          .map((e) => e.outerHTML.slice(0, 80)),
        scrollWidth: document.documentElement.scrollWidth,
      }));
      assert.equal(seen.rows.length, DATA.issues.length);
      for (const party of DATA.parties) assert.ok(seen.headers.some((h) => h.includes(party.short ?? party.name)), `header for ${party.name}: ${seen.headers}`);
      for (const row of seen.rows) {
        assert.match(row.status, /sm-row-(red-line-clash|conflict|agreement|unclear)/);
        for (const cell of row.cells) {
          const p = current.get(`${row.issue}.${cell.party}`);
          if (!p) continue;
          assert.ok(cell.text.includes(STANCE_WORDS[p.stance]), `${row.issue}/${cell.party}: ${cell.text}`);
          assert.equal(cell.text.includes('Red line'), p.red_line === true, `${row.issue}/${cell.party} red line`);
        }
      }
      for (const p of DATA.positions) {
        assert.ok(seen.list.includes(longDate(p.date)), `date of ${p.issue}/${p.party}`);
        for (const id of p.sources) {
          const url = DATA.sources.find((s) => s.id === id).url;
          assert.ok(seen.links.includes(new URL(url).href), `source ${url}`);
        }
      }
      // Nothing that needs the wasm is on show: no dead buttons.
      assert.deepEqual(seen.visibleControls, []);
      assert.ok(seen.scrollWidth <= 375, `scrolls sideways: ${seen.scrollWidth}`);
    } finally {
      await context.close();
    }
  });

  test('the page as a browser without JavaScript shows it has no serious or critical axe violation', async () => {
    // axe needs script, so the page is served as such a browser lays it out: the <noscript>
    // list unwrapped and the widget's script left out.
    const context = await launchBrowser({ viewport: { width: 375, height: 740 } });
    try {
      const page = await newPage(context);
      await page.route(/\/(index\.html)?$/, async (route) => {
        const response = await route.fetch();
        const html = (await response.text())
          .replaceAll('<noscript>', '<div>')
          .replaceAll('</noscript>', '</div>')
          .replace(/<script[^>]*boot\.js[^>]*><\/script>/, '');
        await route.fulfill({ response, body: html });
      });
      await page.goto(server.url);
      assert.ok(await page.locator('.sm-static-positions').isVisible(), 'the list of positions is shown');
      assert.equal(await page.locator('#stance-matrix').getAttribute('data-state'), 'prerendered');
      const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, []);
    } finally {
      await context.close();
    }
  });

  for (const [name, width] of [['phone', 375], ['desktop', 1280]]) {
    test(`with JavaScript (${name}): no layout shift up to interactive`, async () => {
      const context = await launchBrowser({ viewport: { width, height: 800 } });
      try {
        const page = await newPage(context);
        await page.addInitScript(recordShifts);
        assert.equal(await openWidget(page, server.url), 'ready');
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
        const cls = await sumShifts(page);
        assert.ok(cls < 0.01, `cumulative layout shift ${cls}`);
        assertNoErrors(page);
      } finally {
        await context.close();
      }
    });
  }

  test('embedded (the README snippet in an article): no layout shift in the frame or the article', async () => {
    // The snippet as the README gives it (720 px reserved, then resized by the widget's messages).
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const snippet = readme.match(/```html\n(<iframe src="https:\/\/graphics\.example\.org\/stance-matrix\/embed\.html\?embed"[\s\S]*?)```/)[1]
      .replace('https://graphics.example.org/stance-matrix/embed.html', 'embed.html');
    const context = await launchBrowser({ viewport: { width: 375, height: 800 } });
    try {
      const page = await newPage(context);
      await page.addInitScript(recordShifts);
      await page.route('**/article.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!DOCTYPE html><html lang="en"><head><title>Article</title></head><body><h1>Article</h1><p>Text before.</p>${snippet}<p>Text after.</p></body></html>`,
        }),
      );
      await page.goto(`${server.url}article.html`);
      await page.waitForFunction(() => document.querySelector('iframe')?.contentDocument?.querySelector('#stance-matrix')?.dataset.state === 'ready');
      const frame = page.frames().find((f) => f.url().includes('embed.html'));
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
      const inFrame = await sumShifts(frame);
      assert.ok(inFrame < 0.01, `layout shift inside the frame ${inFrame}`);
      assert.equal(await frame.locator('.sm-header').count(), 0, 'embedded: no page header');
      // The snippet's script has sized the frame to the widget by now.
      await page.waitForFunction(() => document.querySelector('iframe').clientHeight !== 720);
      assert.ok((await sumShifts(page)) < 0.01, 'layout shift in the article');
    } finally {
      await context.close();
    }
  });

  test('the first row is in the DOM before the wasm response has finished; controls wait for it', async () => {
    const context = await launchBrowser();
    try {
      const page = await newPage(context);
      const release = await holdWasm(page);
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      const early = await page.evaluate(() => ({
        state: document.querySelector('#stance-matrix').dataset.state,
        rows: document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]').length,
        wasm: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('_bg.wasm') && r.responseEnd > 0).length,
        enabled: [...document.querySelectorAll('#stance-matrix button, #stance-matrix select, #stance-matrix input:not([type=search])')].filter((e) => !e.disabled).length,
      }));
      assert.deepEqual(early, { state: 'prerendered', rows: DATA.issues.length, wasm: 0, enabled: 0 });
      release();
      await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
      const enabledAfter = await page.locator('#stance-matrix button:not([disabled])').count();
      assert.ok(enabledAfter > DATA.issues.length, `${enabledAfter} buttons enabled once ready`);
      assertNoErrors(page);
    } finally {
      await context.close();
    }
  });

  test('details opened or closed and focus moved before the wasm is ready stay so', async () => {
    const context = await launchBrowser();
    try {
      const page = await newPage(context);
      const release = await holdWasm(page);
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      const details = page.locator('[data-testid="compare"] details');
      const initially = await details.evaluate((d) => d.open);
      await page.locator('[data-testid="compare"] summary').click();
      assert.equal(await details.evaluate((d) => d.open), !initially, 'toggled natively');
      release();
      await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
      const after = await page.evaluate(() => ({
        open: document.querySelector('[data-testid="compare"] details').open,
        focused: document.activeElement === document.querySelector('[data-testid="compare"] summary'),
      }));
      assert.deepEqual(after, { open: !initially, focused: true });
      assertNoErrors(page);
    } finally {
      await context.close();
    }
  });

  test('with ?data= the pre-rendered bundled matrix is not shown while the other dataset loads', async () => {
    const context = await launchBrowser();
    try {
      const page = await newPage(context);
      const release = await holdWasm(page);
      await page.goto(`${server.url}embed.html?embed&data=nowhere.json`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'loading');
      assert.equal(await page.locator('table[data-testid="matrix"]').count(), 0);
      release();
    } finally {
      await context.close();
    }
  });

  test('text typed before the wasm is ready is kept, filters, and the cursor stays', async () => {
    const context = await launchBrowser();
    try {
      const page = await newPage(context);
      const release = await holdWasm(page);
      await page.goto(server.url, { waitUntil: 'domcontentloaded' });
      await page.locator('#sm-q').click();
      await page.keyboard.type('crimea');
      release();
      await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
      await page.waitForFunction(() => /Showing [0-9]+ of/.test(document.querySelector('[data-testid="count"]').textContent));
      const after = await page.evaluate(() => ({
        value: document.querySelector('#sm-q').value,
        focused: document.activeElement?.id,
        caret: document.activeElement?.selectionStart,
        count: document.querySelector('[data-testid="count"]').textContent,
      }));
      assert.deepEqual({ value: after.value, focused: after.focused, caret: after.caret }, { value: 'crimea', focused: 'sm-q', caret: 6 });
      assert.doesNotMatch(after.count, new RegExp(`Showing ${DATA.issues.length} of`), after.count);
      await page.keyboard.type('x');
      await page.waitForFunction(() => document.querySelector('[data-testid="count"]').textContent.startsWith('Showing 0 of'));
      await page.waitForFunction(() => location.hash.includes('q=crimeax'));
      assertNoErrors(page);
    } finally {
      await context.close();
    }
  });
});

describe('a newsroom dataset pre-rendered with the prerender command', () => {
  const FIXTURE = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/ten-parties.json'), 'utf8'));
  let server;
  let dir;
  before(async () => {
    // What `scripts/build --data FILE` does after Trunk, on a copy of the built dist/.
    dir = mkdtempSync(path.join(tmpdir(), 'stance-matrix-prerendered-'));
    cpSync(DIST, dir, { recursive: true });
    execFileSync(path.join(REPO_ROOT, 'target/debug/prerender'), [path.join(dir, 'index.html'), '--data', path.join(REPO_ROOT, 'tests/fixtures/valid/ten-parties.json')]);
    server = await startServer({ root: dir, port: 0, host: '127.0.0.1', csp: true });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`shows that dataset ${javaScriptEnabled ? 'once the wasm has taken over, without a layout shift' : 'without JavaScript'}`, async () => {
      const context = await launchBrowser({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
      try {
        const page = await newPage(context);
        if (javaScriptEnabled) await page.addInitScript(recordShifts);
        await page.goto(server.url);
        if (javaScriptEnabled) await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
        const seen = await page.evaluate(() => ({
          title: document.querySelector('.sm-title')?.textContent,
          parties: [...document.querySelectorAll('table[data-testid="matrix"] thead th[data-party], table[data-testid="matrix"] thead th[scope="col"]')].length,
          rows: document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]').length,
        }));
        assert.equal(seen.title, FIXTURE.title);
        assert.equal(seen.rows, FIXTURE.issues.length);
        assert.ok(seen.parties >= FIXTURE.parties.length, `${seen.parties} column headers`);
        if (javaScriptEnabled) {
          assert.ok((await sumShifts(page)) < 0.01, 'layout shift');
          assertNoErrors(page);
        }
      } finally {
        await context.close();
      }
    });
  }
});

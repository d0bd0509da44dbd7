// A reader's first view of the bundled dataset (data/ceasefire-2025-04.json), in the
// release build served from dist/, in headless Chromium.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const STANCES = ['supports', 'open', 'ambivalent', 'sceptical', 'opposes', 'not-stated'];
const STATUSES = {
  'red-line-clash': 'Red-line clash',
  conflict: 'Conflict',
  agreement: 'Agreement',
  unclear: 'Unclear',
};
const PARTY_NAMES = ['Russia', 'Ukraine', 'United States', 'United Kingdom', 'France'];
// 2025-04-23, 23 April 2025, April 23, 2025, 23 Apr 2025
const DATE =
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}\b|\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b/;

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));
// Each cell's current position: the latest-dated one of that party on that issue, except that
// a position that only adds to the standing one (`adds`) replaces none
// (dates are YYYY-MM-DD, so they compare as strings).
const CURRENT = new Map();
for (const p of DATASET.positions) {
  const key = `${p.issue}/${p.party}`;
  const held = CURRENT.get(key);
  if (!held || (held.adds && !p.adds) || (!held.adds === !p.adds && held.date < p.date)) CURRENT.set(key, p);
}

const row = (page, id) => page.locator(`table[data-testid="matrix"] tbody tr[data-issue="${id}"]`);
const cell = (page, issue, party) => row(page, issue).locator(`td[data-party="${party}"]`);

describe('standalone widget with the bundled dataset', () => {
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
    const state = await openWidget(page, server.url);
    assert.equal(state, 'ready', 'the widget should reach data-state="ready", not "error"');
  });

  afterEach(async () => {
    try {
      assertNoErrors(page);
    } finally {
      await page.close();
    }
  });

  test('the root is main#stance-matrix.stance-matrix and is ready', async () => {
    const root = page.locator('main#stance-matrix.stance-matrix');
    assert.equal(await root.count(), 1);
    assert.equal(await root.getAttribute('data-state'), 'ready');
  });

  test('the caption names the dataset and its as-of date', async () => {
    const caption = page.locator('table[data-testid="matrix"] > caption');
    await caption.waitFor();
    const text = await caption.innerText();
    assert.match(text, /Russia.Ukraine ceasefire talks/i);
    assert.match(text, /April 2025|2025-04/);
    assert.match(text, DATE, `caption should carry an as-of date: ${JSON.stringify(text)}`);
  });

  test('column headers name every party', async () => {
    const headers = await page
      .locator('table[data-testid="matrix"] thead th[scope="col"]')
      .allInnerTexts();
    for (const name of PARTY_NAMES) {
      assert.ok(
        headers.some((h) => h.includes(name)),
        `no column header names ${name}: ${JSON.stringify(headers)}`,
      );
    }
  });

  test('one row per issue, each with a row header, stance cells and a status', async () => {
    const rows = page.locator('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])');
    const n = await rows.count();
    assert.ok(n >= 11, `expected at least 11 issue rows, found ${n}`);

    const found = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-issue'),
        title: tr.querySelector('th[scope="row"]')?.textContent.trim() ?? '',
        stances: [...tr.querySelectorAll('td[data-party]')].map((td) => ({
          party: td.getAttribute('data-party'),
          stance: td.getAttribute('data-stance'),
          redLine: td.getAttribute('data-red-line'),
        })),
        status: tr.querySelector('td[data-testid="status"]')?.getAttribute('data-status'),
        statusText: tr.querySelector('td[data-testid="status"]')?.textContent ?? '',
      })),
    );
    const ids = found.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate data-issue values: ${ids}`);
    assert.deepEqual([...ids].sort(), DATASET.issues.map((i) => i.id).sort(), 'one row per issue of the dataset');
    for (const r of found) {
      assert.ok(r.title, `row ${r.id} has no th[scope="row"] title`);
      assert.equal(r.stances.length, PARTY_NAMES.length, `row ${r.id}: one cell per party`);
      assert.deepEqual(r.stances.map((s) => s.party), DATASET.parties.map((p) => p.id), `row ${r.id}: party columns`);
      for (const s of r.stances) {
        assert.ok(STANCES.includes(s.stance), `row ${r.id} party ${s.party}: data-stance=${s.stance}`);
        // The cell shows the current position from the dataset, or "not-stated" without one;
        // data-red-line is "true" on a red line and absent otherwise.
        const current = CURRENT.get(`${r.id}/${s.party}`);
        assert.equal(s.stance, current?.stance ?? 'not-stated', `row ${r.id} party ${s.party}: data-stance`);
        assert.equal(s.redLine, current?.red_line ? 'true' : null, `row ${r.id} party ${s.party}: data-red-line`);
      }
      assert.ok(r.status in STATUSES, `row ${r.id}: data-status=${r.status}`);
      assert.ok(
        r.statusText.includes(STATUSES[r.status]),
        `row ${r.id}: status text ${JSON.stringify(r.statusText)} should name ${STATUSES[r.status]}`,
      );
    }
  });

  test('bundled facts: Ukraine opposes recognising Crimea as a red line; Russia opposes NATO', async () => {
    const crimeaUa = cell(page, 'crimea', 'ua');
    assert.equal(await crimeaUa.getAttribute('data-stance'), 'opposes');
    assert.equal(await crimeaUa.getAttribute('data-red-line'), 'true');
    assert.match(await crimeaUa.innerText(), /Opposes/);
    // The accessible name as Chromium computes it (aria-label, or the button's content).
    const named = crimeaUa.getByRole('button', { name: /red line/i });
    assert.equal(
      await named.count(),
      1,
      `the button's accessible name should say "red line": ${await crimeaUa.ariaSnapshot()}`,
    );

    assert.equal(await cell(page, 'nato', 'ru').getAttribute('data-stance'), 'opposes');
  });

  test('a stated cell opens its detail; Escape closes it and returns focus', async () => {
    const button = cell(page, 'crimea', 'ua').locator('button');
    await button.click();

    const detail = page.locator('[data-testid="cell-detail"]');
    await detail.waitFor({ state: 'visible' });
    const link = detail.locator('a[href^="https://"]').first();
    await link.waitFor();
    assert.equal(await link.getAttribute('target'), '_blank');
    const rel = (await link.getAttribute('rel')) ?? '';
    assert.match(rel, /\bnoopener\b/);
    assert.match(rel, /\bnoreferrer\b/);
    assert.match(await detail.innerText(), DATE, 'the detail should show a date');

    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        document.activeElement?.matches('tr[data-issue="crimea"] td[data-party="ua"] button') ===
        true,
      null,
      { timeout: 5_000 },
    );
  });

  test('filtering by "crimea" keeps the Crimea row and updates the live count', async () => {
    const rows = page.locator('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])');
    const total = await rows.count();
    const count = page.locator('[data-testid="count"]');
    await count.waitFor();
    assert.match(await count.innerText(), new RegExp(`Showing ${total} of ${total} issues`));
    const live = await count.evaluate((el) => {
      const region = el.closest('[aria-live], [role="status"]');
      return region ? (region.getAttribute('aria-live') ?? 'polite') : null;
    });
    assert.ok(
      live === 'polite' || live === 'assertive',
      `the count should be in an aria-live (or role="status") region, found ${live}`,
    );

    const search = page.getByLabel('Filter issues');
    await search.click();
    await search.pressSequentially('crimea');

    await row(page, 'sanctions').waitFor({ state: 'hidden' });
    await row(page, 'crimea').waitFor({ state: 'visible' });
    const visible = rows.filter({ visible: true });
    const shown = await visible.count();
    assert.ok(shown >= 1 && shown < total, `expected some rows filtered out, ${shown} of ${total} shown`);
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="count"]')?.textContent.includes(expected),
      `Showing ${shown} of ${total} issues`,
      { timeout: 5_000 },
    );
  });
});

// Talks move (issue 15): the matrix as of any date, what changed since a date, and a cell's
// timeline, checked against the dataset file itself with the rule the widget states: a
// position counts from its date until the same party's next position on that issue, except one
// that only adds to the standing position (`adds`), which replaces none.

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));
const DATES = [...new Set([...DATASET.positions.map((p) => p.date), ...DATASET.events.map((e) => e.date), DATASET.as_of])].sort();

/** Each cell's current position on `date` ("issue.party" → position), by the stated rule. */
function asOf(date) {
  const cells = new Map();
  for (const p of [...DATASET.positions].filter((p) => p.date <= date).sort((a, b) => a.date.localeCompare(b.date))) {
    const key = `${p.issue}.${p.party}`;
    if (!p.adds || !cells.has(key) || cells.get(key).adds) cells.set(key, p);
  }
  return cells;
}

/** The cells whose stance or red line differs between two dates. */
function changedBetween(since, until) {
  const [before, after] = [asOf(since), asOf(until)];
  const mark = (p) => (p ? `${p.stance}${p.red_line ? '!' : ''}` : 'not stated');
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => mark(before.get(k)) !== mark(after.get(k))).sort();
}

const statedCells = (page) => page.$$eval('table[data-testid="matrix"] td.sm-cell:not(.sm-not-stated)', (cells) => cells.length);
const cellStance = (page, issue, party) =>
  page.getAttribute(`tr[data-issue="${issue}"] td[data-party="${party}"]`, 'data-stance');
const changedCells = (page) =>
  page.$$eval('td.sm-changed', (cells) => cells.map((c) => `${c.closest('tr').dataset.issue}.${c.dataset.party}`).sort());
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 5_000 });

describe('as of a date, and changed since', () => {
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
  });
  afterEach(async () => {
    try {
      assertNoErrors(page);
    } finally {
      await page.close();
    }
  });

  test('the earliest date shows fewer stated cells than the latest, and the label names the event', async () => {
    assert.equal(await openWidget(page, server.url), 'ready');
    const latest = await statedCells(page);
    assert.equal(latest, asOf(DATASET.as_of).size, 'the default view is the latest');
    await page.goto(`${server.url}#asof=${DATES[0]}`);
    await waitFor(page, (n) => document.querySelectorAll('td.sm-cell:not(.sm-not-stated)').length < n, latest);
    assert.equal(await statedCells(page), asOf(DATES[0]).size);
    assert.match(await page.textContent('caption'), new RegExp(`as of ${Number(DATES[0].slice(8))} `));
    // A stop with an event is labelled with its date and the event's title.
    const event = DATASET.events[0];
    await page.goto(`${server.url}#asof=${event.date}`);
    await waitFor(page, (t) => document.querySelector('[data-testid="asof-label"]').textContent.includes(t), event.title);
    assert.match(await page.textContent('[data-testid="asof-label"]'), new RegExp(`^${Number(event.date.slice(8))} \\w+ 2025: `));
  });

  test('a cell whose stance changed shows the earlier stance between the two dates and the later one after', async () => {
    const byCell = new Map();
    for (const p of DATASET.positions) byCell.set(`${p.issue}.${p.party}`, [...(byCell.get(`${p.issue}.${p.party}`) ?? []), p]);
    const standing = (ps) => ps.filter((p) => !p.adds);
    const [key, history] = [...byCell].find(([, ps]) => new Set(standing(ps).map((p) => p.stance)).size > 1);
    const sorted = [...history].sort((a, b) => a.date.localeCompare(b.date));
    const steps = standing(sorted);
    const k = steps.findIndex((p, i) => i > 0 && p.stance !== steps[i - 1].stance);
    const [earlier, later] = [steps[k - 1], steps[k]];
    const [issue, party] = key.split('.');
    assert.equal(await openWidget(page, `${server.url}#asof=${earlier.date}`), 'ready');
    assert.equal(await cellStance(page, issue, party), earlier.stance, `${key} on ${earlier.date}`);
    await page.goto(`${server.url}#asof=${later.date}`);
    await waitFor(page, ([i, p, s]) => document.querySelector(`tr[data-issue="${i}"] td[data-party="${p}"]`)?.dataset.stance === s, [issue, party, later.stance]);
    // The cell's details list its positions in date order, up to the date shown.
    await page.click(`button[data-cell="${key}"]`);
    const dates = await page.$$eval('[data-testid="timeline"] li.sm-history-item', (items) => items.map((li) => li.dataset.date));
    assert.deepEqual(dates, sorted.filter((p) => p.date <= later.date).map((p) => p.date));
  });

  test('changed since marks exactly the cells that changed, in their accessible names too, and names status changes', async () => {
    const since = '2025-04-17';
    const expected = changedBetween(since, DATASET.as_of);
    assert.ok(expected.length > 0, 'something changed after 17 April');
    assert.equal(await openWidget(page, `${server.url}#since=${since}`), 'ready');
    assert.deepEqual(await changedCells(page), expected);
    const [issue, party] = expected[0].split('.');
    const name = await page.getAttribute(`button[data-cell="${expected[0]}"]`, 'aria-label');
    assert.match(name, /Changed/);
    assert.match(name, /changed since 17 April 2025: .+ → .+/);
    const line = await page.textContent('[data-testid="changes"]');
    assert.match(line, new RegExp(`${expected.length} positions? changed since 17 April 2025`));
    assert.match(line, /Status changed: .+: .+ → .+/, 'the issues whose status changed are named');
    await page.click(`button[data-cell="${expected[0]}"]`);
    assert.match(await page.textContent('[data-testid="detail-change"]'), / → /);
    // Selecting another date from the list changes the marks.
    await page.selectOption('[data-testid="since"]', '2025-03-27');
    await waitFor(page, (n) => document.querySelectorAll('td.sm-changed').length === n, changedBetween('2025-03-27', DATASET.as_of).length);
    assert.deepEqual(await changedCells(page), changedBetween('2025-03-27', DATASET.as_of));
    assert.ok(issue && party);
  });

  test('the slider works from the keyboard, and back, forward and reload restore both settings', async () => {
    assert.equal(await openWidget(page, `${server.url}#since=2025-03-11`), 'ready');
    await page.focus('[data-testid="asof"]');
    await page.keyboard.press('ArrowLeft');
    const previous = DATES[DATES.length - 2];
    await page.waitForURL((u) => u.hash.includes(`asof=${previous}`));
    assert.match(await page.textContent('[data-testid="asof-label"]'), new RegExp(String(Number(previous.slice(8)))));
    // Statuses and the summary follow the slider, as a fresh load of that date shows them.
    const statuses = () => page.$$eval('td[data-testid="status"]', (cells) => cells.map((c) => `${c.closest('tr').dataset.issue}:${c.dataset.status}`));
    const moved = await statuses();
    // (The bundled statuses are the same on the last two stops: the remarks of 23 April only add
    // to the standing positions, so the summary is compared with a fresh load of the date.)
    const movedSummary = await page.textContent('[data-testid="summary"]');
    const fresh = await newPage(browser);
    await openWidget(fresh, `${server.url}?fresh#asof=${previous}&since=2025-03-11`);
    assert.deepEqual(moved, await fresh.$$eval('td[data-testid="status"]', (cells) => cells.map((c) => `${c.closest('tr').dataset.issue}:${c.dataset.status}`)));
    assert.equal(movedSummary, await fresh.textContent('[data-testid="summary"]'));
    await fresh.close();
    await page.keyboard.press('Home');
    await page.waitForURL((u) => u.hash.includes(`asof=${DATES[0]}`) && !u.hash.includes('since='));
    await page.goBack();
    await page.waitForURL((u) => u.hash.includes(`asof=${previous}`) && u.hash.includes('since=2025-03-11'));
    await waitFor(page, (v) => document.querySelector('[data-testid="since"]').value === v, '2025-03-11');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#stance-matrix')?.getAttribute('data-state') === 'ready');
    assert.equal(await page.inputValue('[data-testid="since"]'), '2025-03-11');
    assert.deepEqual(await changedCells(page), changedBetween('2025-03-11', previous));
    await page.goForward();
    await waitFor(page, () => document.querySelectorAll('td.sm-changed').length === 0);
  });

  test('phones stay free of sideways scrolling, and axe finds nothing serious, with both settings and a cell open', async () => {
    for (const width of [320, 375]) {
      await page.setViewportSize({ width, height: 800 });
      assert.equal(await openWidget(page, `${server.url}?w=${width}#asof=2025-04-22&since=2025-03-18&cell=crimea.ua`), 'ready');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width} px: page scrolls sideways by ${overflow} px`);
      const label = await page.$eval('[data-testid="asof-label"]', (el) => el.getBoundingClientRect().right);
      assert.ok(label <= width, `${width} px: the date label fits`);
    }
    const serious = (await axeViolations(page)).filter((v) => ['serious', 'critical'].includes(v.impact));
    assert.deepEqual(serious, []);
  });
});

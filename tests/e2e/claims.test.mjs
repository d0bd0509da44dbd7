// Claims the README makes that no other test checked: embedded, the widget adds no history
// entries; it sends AMP's resize request; it answers pym.js's width message with its height
// (and only for its own child id); the category filter leaves only that category's rows.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, openFramedWidget, openWidget, serveDist } from './helpers.mjs';

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));

const attr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// A host page framing `src` (from its own query, relative to the widget's folder), that records
// every message its iframe posts, in order, in window.__messages; widgetRoot() is the framed
// widget's root element. The recorder is registered before the iframe exists, so it sees the
// widget's first report.
const hostPage = (req, res) => {
  const src = new URL(req.url, 'http://localhost').searchParams.get('src') ?? 'index.html';
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host article</title>
<link rel="icon" href="data:,"></head><body><h1>Article</h1>
<script>
  window.__messages = [];
  window.widgetRoot = () => document.getElementById('widget').contentDocument.getElementById('stance-matrix');
  addEventListener('message', (e) => {
    if (e.source === document.getElementById('widget')?.contentWindow) window.__messages.push(e.data);
  });
</script>
<iframe id="widget" src="${attr(src)}" title="Stance matrix" style="width:900px;height:720px;border:0;display:block" scrolling="no"></iframe>
<p>After</p></body></html>`);
};
const hostUrl = (server, src) => `${server.url}host.html?src=${encodeURIComponent(src)}`;

/** Waits until the URL fragment of `target` (a Page or Frame) has `key` = `value`. */
const waitFragment = (target, key, value) =>
  target.waitForFunction(
    ([key, value]) => new URLSearchParams(location.hash.slice(1)).get(key) === value,
    [key, value],
    { timeout: 5_000 },
  );

/**
 * Types in the search box, ticks "Only conflicts" and opens a cell in `target` (a Page or
 * Frame), each time waiting until the widget has written that change into its URL (it does
 * so 250 ms behind the view), so every history write the widget makes has happened.
 */
async function changeViewAndWaitForUrl(target) {
  await target.locator('#sm-q').pressSequentially('nato');
  await waitFragment(target, 'q', 'nato');
  await target.getByLabel('Only conflicts').check();
  await waitFragment(target, 'only', 'conflicts');
  await target.locator('tr[data-issue="nato"] td[data-party="ua"] button').click();
  await target.locator('[data-testid="cell-detail"]').waitFor();
  await waitFragment(target, 'cell', 'nato.ua');
}

describe('claims the README makes', () => {
  let server;
  let browser;

  before(async () => {
    server = await serveDist({ routes: { '/host.html': hostPage } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('framed, filtering and opening a cell add no history entry to the host page', async () => {
    const page = await newPage(browser);
    const { frame, state } = await openFramedWidget(page, hostUrl(server, 'index.html'), { frame: '#widget' });
    assert.equal(state, 'ready');
    const entries = await page.evaluate(() => history.length);
    await changeViewAndWaitForUrl(frame);
    assert.equal(await page.evaluate(() => history.length), entries, 'the host page gained a history entry');
    assert.equal(await frame.evaluate(() => history.length), entries);
    assertNoErrors(page);
    await page.close();
  });

  test('opened directly with ?embed, filtering and opening a cell add no history entry', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, `${server.url}?embed`), 'ready');
    const entries = await page.evaluate(() => history.length);
    await changeViewAndWaitForUrl(page);
    assert.equal(await page.evaluate(() => history.length), entries);
    assertNoErrors(page);
    await page.close();
  });

  test('standalone (no ?embed, not framed), ticking a filter does add a history entry', async () => {
    // The contrast that shows the two tests above can fail: the same history.length check,
    // where the widget is meant to push.
    const page = await newPage(browser);
    assert.equal(await openWidget(page, server.url), 'ready');
    const entries = await page.evaluate(() => history.length);
    await page.getByLabel('Only conflicts').check();
    await waitFragment(page, 'only', 'conflicts');
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    assertNoErrors(page);
    await page.close();
  });

  test('framed, the widget posts AMP\'s embed-size request with its height, and again after a filter', async () => {
    const page = await newPage(browser);
    const { frame, state } = await openFramedWidget(page, hostUrl(server, 'index.html'), { frame: '#widget' });
    assert.equal(state, 'ready');
    // The latest AMP message names the root's current height (within 1 px).
    const settled = (previous) =>
      page.waitForFunction(
        (previous) => {
          const amp = window.__messages.filter((m) => m && typeof m === 'object' && m.sentinel === 'amp');
          const last = amp.at(-1);
          const height = widgetRoot().getBoundingClientRect().height;
          if (!last || Math.abs(last.height - height) > 1) return null;
          if (previous && (amp.length <= previous.count || Math.abs(height - previous.height) < 20)) return null;
          return { count: amp.length, last, height };
        },
        previous,
        { timeout: 10_000 },
      ).then((h) => h.jsonValue());

    const first = await settled(null);
    assert.deepEqual(first.last, { sentinel: 'amp', type: 'embed-size', height: first.last.height });
    assert.ok(Number.isInteger(first.last.height) && first.last.height > 100, `height ${first.last.height}`);

    await frame.locator('#sm-q').fill('crimea');
    const second = await settled(first);
    assert.deepEqual(second.last, { sentinel: 'amp', type: 'embed-size', height: second.last.height });
    assert.ok(second.last.height < first.last.height, `${second.last.height} after the filter, ${first.last.height} before`);
    assertNoErrors(page);
    await page.close();
  });

  test('as a pym.js child, a width message for its id is answered with its height; one for another id is not', async () => {
    const page = await newPage(browser);
    const { frame, state } = await openFramedWidget(page, hostUrl(server, 'index.html?childId=xyz'), { frame: '#widget' });
    assert.equal(state, 'ready');
    const PREFIX = 'pymxPYMxxyzxPYMxheightxPYMx';
    // Settled: the latest pym report names the root's current height, so no resize is pending.
    await page.waitForFunction(
      (prefix) => {
        const last = window.__messages.filter((m) => typeof m === 'string').at(-1);
        return last?.startsWith(prefix) && Math.abs(Number(last.slice(prefix.length)) - widgetRoot().getBoundingClientRect().height) <= 1;
      },
      PREFIX,
      { timeout: 10_000 },
    );
    // A listener of our own in the frame acknowledges a marker message. The frame's listeners
    // handle messages in the order they were posted, so everything the widget answered to the
    // messages sent before the marker reaches the host before the acknowledgement.
    const MARKER = 'claims-test:marker';
    await frame.evaluate((marker) => {
      addEventListener('message', (e) => {
        if (e.data === marker) parent.postMessage(`${marker}:ack`, '*');
      });
    }, MARKER);
    // Sends `messages`, then the marker, to the frame; resolves with the strings the frame
    // posted before the acknowledgement.
    const exchange = (messages) =>
      page.evaluate(
        ([messages, marker]) =>
          new Promise((resolve, reject) => {
            const frame = document.getElementById('widget');
            const seen = [];
            const timer = setTimeout(() => reject(new Error(`no acknowledgement; got ${JSON.stringify(seen)}`)), 5_000);
            addEventListener('message', function listen(e) {
              if (e.source !== frame.contentWindow || typeof e.data !== 'string') return;
              if (e.data !== `${marker}:ack`) return void seen.push(e.data);
              clearTimeout(timer);
              removeEventListener('message', listen);
              resolve(seen);
            });
            for (const m of [...messages, marker]) frame.contentWindow.postMessage(m, '*');
          }),
        [messages, MARKER],
      );

    // Also shows that an answer arrives before the acknowledgement, so the empty answer to
    // another child's message below is a real "no answer".
    const answer = await exchange(['pymxPYMxxyzxPYMxwidthxPYMx375']);
    assert.equal(answer.length, 1, JSON.stringify(answer));
    assert.match(answer[0], /^pymxPYMxxyzxPYMxheightxPYMx\d+$/);
    const reported = Number(answer[0].slice(PREFIX.length));
    const height = await page.evaluate(() => widgetRoot().getBoundingClientRect().height);
    assert.ok(Math.abs(reported - height) <= 1, `reported ${reported}, root is ${height} px high`);

    assert.deepEqual(await exchange(['pymxPYMxotherxPYMxwidthxPYMx375']), [], 'a width message for another child id is not answered');
    assertNoErrors(page);
    await page.close();
  });

  test('choosing a category leaves only its rows, counts them, puts cat= in the URL; All categories brings every row back', async () => {
    const page = await newPage(browser);
    assert.equal(await openWidget(page, server.url), 'ready');
    const total = DATASET.issues.length;
    const visibleRows = () =>
      page.$$eval('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])', (rows) =>
        rows.map((r) => ({ id: r.dataset.issue, category: r.querySelector('th[scope="row"] .sm-issue-category')?.textContent.trim() ?? null })),
      );
    const count = () => page.locator('[data-testid="count"]').innerText();
    assert.equal((await visibleRows()).length, total);
    assert.ok(DATASET.categories.length >= 2);

    for (const category of DATASET.categories) {
      const expected = DATASET.issues.filter((i) => i.category === category.id).map((i) => i.id);
      assert.ok(expected.length > 0 && expected.length < total, category.id);
      await page.locator('#sm-cat').selectOption({ label: category.name });
      // The widget writes the URL after it has rendered the change.
      await waitFragment(page, 'cat', category.id);
      const rows = await visibleRows();
      for (const row of rows) assert.equal(row.category, category.name, `row ${row.id} under ${category.name}`);
      assert.deepEqual(rows.map((r) => r.id).sort(), [...expected].sort());
      assert.equal(await count(), `Showing ${expected.length} of ${total} issues`);
    }

    await page.locator('#sm-cat').selectOption({ label: 'All categories' });
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has('cat'), null, { timeout: 5_000 });
    assert.deepEqual((await visibleRows()).map((r) => r.id).sort(), DATASET.issues.map((i) => i.id).sort());
    assert.equal(await count(), `Showing ${total} of ${total} issues`);
    assertNoErrors(page);
    await page.close();
  });
});

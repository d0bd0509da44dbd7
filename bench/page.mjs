// The browser side: headless Chromium, instrumented pages, and the code that runs inside them
// (startup marks, one timed interaction, the row count), plus the DevTools (CDP) helpers the
// measurements share. The in-page functions are serialised into the page, so they use no imports.

import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';

export const launchBrowser = () =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });

// In-page instrumentation, installed before any page script runs (newInstrumentedPage).
// Records performance.now() (ms since navigation start) the first time a matrix row is in the
// DOM, the first time the page says it is ready (data-state="ready" with #sm-q present and
// enabled), and when it is interactive: after "ready", the next frame (requestAnimationFrame) has
// been rendered and a new task (setTimeout 0) gets the main thread, so the page can handle
// input. Also records first contentful paint and the cumulative layout shift up to interactive,
// and captures the wasm instance for the memory figures. Runs in every frame of the page.
const INIT_SCRIPT = `(() => {
  const marks = { firstRow: null, ready: null, interactive: null, state: null, fcp: null, cls: 0 };
  Object.defineProperty(window, '__bench', { value: marks });
  // First contentful paint, and the layout shifts (not caused by input) up to interactive.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') marks.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput && marks.interactive === null) marks.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (_) {}
  // A pre-rendered row is the bundled dataset's: it counts only when no ?data= asks for another
  // (then web/boot.js clears it, and the first row is the requested dataset's).
  const other = new URLSearchParams(location.search).has('data');
  const check = () => {
    const prerendered = document.querySelector('#stance-matrix[data-prerendered]');
    if (marks.firstRow === null && !(other && prerendered) && document.querySelector('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])')) {
      marks.firstRow = performance.now();
    }
    const root = document.getElementById('stance-matrix');
    marks.state = root ? root.getAttribute('data-state') : null;
    if (marks.ready === null && marks.state === 'ready') {
      const input = document.getElementById('sm-q');
      if (input && !input.disabled) {
        marks.ready = performance.now();
        requestAnimationFrame(() => setTimeout(() => { marks.interactive = performance.now(); }, 0));
      }
    }
    if (marks.firstRow !== null && marks.ready !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'disabled'] });
  const instances = [];
  Object.defineProperty(window, '__benchWasm', { value: instances });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        instances.push(result instanceof WebAssembly.Instance ? result : result.instance);
        return result;
      });
    };
  }
})();`;

// One interaction, run inside the page. The latency is the time of the LAST MutationObserver
// callback on the table (after it forced style and layout) minus performance.now() taken just
// before the event is dispatched. Waiting for the end: a double requestAnimationFrame plus an
// idle callback, repeated until a whole wait passes with no mutation; this only decides when
// it is over, the measured end stays the last forced layout.
export async function pageOperation({ action, value, party }) {
  const table = document.querySelector('table[data-testid="matrix"]');
  let first = null;
  let last = null;
  let layout = 0;
  let callbacks = 0;
  let records = 0;
  const observer = new MutationObserver((list) => {
    const start = performance.now();
    if (first === null) first = start;
    document.body.getBoundingClientRect();
    void document.body.offsetHeight;
    last = performance.now();
    layout += last - start;
    callbacks++;
    records += list.length;
  });
  observer.observe(table, { subtree: true, childList: true, attributes: true, characterData: true });
  let t0;
  if (action === 'query') {
    const input = document.getElementById('sm-q');
    input.value = value;
    t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  } else if (action === 'asof') {
    // The "As of" slider moved to stop `value` (a number; the last is the latest).
    const slider = document.querySelector('[data-testid="asof"]');
    slider.value = String(value);
    t0 = performance.now();
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (action === 'since') {
    // "Changed since" set to option `value` (0: none).
    const select = document.querySelector('[data-testid="since"]');
    select.selectedIndex = value;
    t0 = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const box = document.querySelector(`input[type="checkbox"][data-party="${party}"]`);
    t0 = performance.now();
    box.click();
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));
  for (let round = 0; round < 50; round++) {
    const seen = callbacks;
    await frame();
    await frame();
    await idle();
    if (callbacks === seen && callbacks > 0) break;
    if (callbacks === 0 && round >= 3) break; // nothing changed at all
  }
  observer.disconnect();
  const rows = table.querySelectorAll('tbody tr[data-issue]:not([hidden])').length;
  const cells = table.querySelectorAll('tbody td[data-party]').length;
  return {
    latency: last === null ? null : last - t0,
    script: first === null ? null : first - t0,
    layout,
    callbacks,
    records,
    rows,
    cells,
  };
}

// What the page shows now, run inside the page: its state, the visible matrix rows, the count
// text and the "Show more" button's text (null when there is none).
export const rowInfo = () => ({
  state: document.getElementById('stance-matrix').getAttribute('data-state'),
  rows: document.querySelectorAll('table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])').length,
  count: document.querySelector('[data-testid="count"]')?.textContent.trim(),
  more: (() => {
    const button = document.querySelector('[data-testid="show-more"]');
    return button && !button.closest('[hidden]') ? button.textContent.trim() : null;
  })(),
});

/** A page in a fresh browser context with the instrumentation; page errors are collected. */
export async function newInstrumentedPage(browser, { disableCache = false, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  if (disableCache) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  return { context, page, cdp, errors };
}

/** Waits until the page is interactive; returns its marks. A page showing an error throws. */
export async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(
    () => window.__bench.state === 'error' || (window.__bench.firstRow !== null && window.__bench.interactive !== null),
    null,
    { timeout, polling: 25 },
  );
  const marks = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/bench-data/'));
    return { ...window.__bench, dataLoaded: data ? data.responseEnd : null };
  });
  if (marks.state !== 'ready') {
    const text = await page.evaluate(() => document.getElementById('stance-matrix')?.innerText.slice(0, 500));
    throw new Error(`${page.url()}: data-state="${marks.state}", not "ready": ${text}`);
  }
  return marks;
}

/** DevTools `Performance.getMetrics` as an object, name → value. */
export const metricsOf = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
};

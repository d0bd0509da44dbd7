// The phone's first screen (issue 26): on a 375 × 740 phone the standalone page shows the first
// matrix row on its first screen, with the description folded behind "About this data", and
// nothing moves while the page loads and the WebAssembly takes over (no layout shift).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('at 375 × 740 the first matrix row is on the first screen, and nothing shifts', async () => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${server.url}index.html`);
  await page.waitForFunction(() => document.getElementById('stance-matrix')?.getAttribute('data-state') === 'ready');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const found = await page.evaluate(() => {
    const row = document.querySelector('.sm-matrix tbody tr:not([hidden])');
    const about = document.querySelector('.sm-about');
    return {
      rowTop: row.getBoundingClientRect().top,
      rowBottom: row.getBoundingClientRect().bottom,
      scrollY: window.scrollY,
      description: getComputedStyle(document.querySelector('.sm-description')).display,
      about: about && getComputedStyle(about).display,
      aboutText: about?.querySelector('summary')?.textContent,
      shift: window.__shift,
    };
  });
  assert.equal(found.scrollY, 0);
  assert.ok(found.rowTop < 740, `the first row starts at ${found.rowTop} px, below the first screen`);
  assert.ok(found.rowBottom <= 740, `the first row ends at ${found.rowBottom} px, below the first screen`);
  assert.equal(found.description, 'none', 'the description paragraph is folded on a phone');
  assert.equal(found.about, 'block');
  assert.equal(found.aboutText, 'About this data');
  assert.ok(found.shift < 0.001, `layout shift ${found.shift}`);
  // The folded description opens.
  await page.click('.sm-about > summary');
  assert.ok(await page.locator('.sm-about > p').isVisible());
  assertNoErrors(page);
  await page.close();
});

test('at 1280 px the description is a paragraph, not folded', async () => {
  const page = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}index.html`);
  await page.waitForFunction(() => document.getElementById('stance-matrix')?.getAttribute('data-state') === 'ready');
  const shown = await page.evaluate(() => [
    getComputedStyle(document.querySelector('.sm-description')).display,
    getComputedStyle(document.querySelector('.sm-about')).display,
  ]);
  assert.deepEqual(shown, ['block', 'none']);
  await page.close();
});

// The widget's own pages (index.html, embed.html) link a copy of the stylesheet whose container
// queries are media queries on the window (scripts/lib/page-css.mjs): cheaper to lay out. Each
// page must still get the layout the container query would give the widget at its width (the
// iframe page: that one or the more compact one, within 1rem of a switch), while embed.js
// keeps the container queries a widget in a host page needs.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PAGE_PADDING_REM, pageCss } from '../../scripts/lib/page-css.mjs';
import { DIST, assertNoErrors, launchBrowser, newPage, openWidget, serveDist } from './helpers.mjs';

// Window widths on both sides of each switch (65rem and 40rem of widget, +2rem of padding).
const WIDTHS = [320, 640, 650, 656, 664, 671, 672, 673, 680, 700, 1024, 1050, 1056, 1064, 1071, 1072, 1073, 1080, 1280];
const ORDER = ['phone', 'mid', 'wide'];

/** The layout the page shows, and the widget's width (runs in the page). */
function layout() {
  const widget = document.querySelector('#stance-matrix .sm-widget');
  const table = widget.querySelector('table.sm-matrix');
  const asof = widget.querySelector('.sm-asof');
  const mode = getComputedStyle(table).display === 'table' ? 'wide' : getComputedStyle(asof).display === 'grid' ? 'phone' : 'mid';
  return { mode, width: widget.getBoundingClientRect().width };
}

/** What the container queries would choose at a widget width of `px`. */
const byContainer = (px) => (px <= 40 * 16 ? 'phone' : px <= 65 * 16 ? 'mid' : 'wide');

describe('page stylesheet', () => {
  test('container queries become media queries on the window, and nothing else is left', () => {
    const source = '.stance-matrix .sm-widget { container: sm / inline-size; }\n@container sm (max-width: 65rem) { a { b: c } }';
    assert.equal(pageCss(source), `\n@media (max-width:${65 + PAGE_PADDING_REM}rem) { a { b: c } }`);
    const minified = '.stance-matrix .sm-widget{container:sm/inline-size}@container sm (width<=40rem){a{b:c}}';
    assert.equal(pageCss(minified), `@media (max-width:${40 + PAGE_PADDING_REM}rem){a{b:c}}`);
    assert.throws(() => pageCss('@container other (min-width: 3rem) { a { b: c } }'), /cannot turn "@container other/);
    assert.throws(() => pageCss('.x { container-type: size }'), /cannot turn "container-type: size"/);
  });

  test('the pages link the copy without container queries; embed.js keeps them', () => {
    for (const page of ['index.html', 'embed.html']) {
      const html = readFileSync(path.join(DIST, page), 'utf8');
      const href = html.match(/<link rel="stylesheet" href="\.\/(stance-matrix-page-[0-9a-f]{16}\.css)"/)?.[1];
      assert.ok(href, `${page} links the page stylesheet`);
      const css = readFileSync(path.join(DIST, href), 'utf8');
      assert.doesNotMatch(css, /@container|container:/);
      assert.match(css, /@media \(max-width:67rem\)/);
      assert.match(css, /@media \(max-width:42rem\)/);
    }
    const embed = readFileSync(path.join(DIST, 'embed.js'), 'utf8');
    const css = embed.match(/stance-matrix-[0-9a-f]{16}\.css/)?.[0];
    assert.ok(css, 'embed.js names the widget stylesheet');
    assert.ok(readdirSync(DIST).includes(css));
    assert.match(readFileSync(path.join(DIST, css), 'utf8'), /@container sm/);
  });

  describe('layouts by width', () => {
    let server;
    let browser;
    before(async () => {
      server = await serveDist({ csp: true });
      browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [name, url, tolerance] of [['standalone', '', 0], ['iframe page', 'embed.html?embed', 1]]) {
      test(`${name}: the layout the container query would choose`, async () => {
        const page = await newPage(browser);
        assert.equal(await openWidget(page, `${server.url}${url}`), 'ready');
        const wrong = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          const { mode, width: px } = await page.evaluate(layout);
          const expected = byContainer(px);
          // Within `tolerance` rem of a switch, the more compact layout may come first.
          const compact = byContainer(px - tolerance * 16);
          if (mode !== expected && !(tolerance && mode === compact && ORDER.indexOf(mode) < ORDER.indexOf(expected))) {
            wrong.push(`${width} px (widget ${px} px): ${mode}, the container query gives ${expected}`);
          }
        }
        assert.deepEqual(wrong, []);
        assertNoErrors(page);
        await page.close();
      });
    }
  });
});

// Every width (issue 26): the widget from 320 to 1280 px in 20 px steps, standalone, in an
// iframe and as <stance-matrix>, on the bundled dataset (5 parties) and a 10-party fixture.
// At each width nothing inside the widget scrolls sideways, every party header and the status
// column lie inside the widget's box, and no word of a stance, a party header or a status spans
// two lines. One page per (mode, dataset), resized; every offender is listed, grouped by what
// and where, with the widths it happens at.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

const WIDTHS = Array.from({ length: (1280 - 320) / 20 + 1 }, (_, i) => 320 + 20 * i);
const HEIGHT = 900;
const TEN = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/ten-parties.json'), 'utf8');

const host = (inner) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,"><script type="module" src="/embed.js"></script>
<style>body { margin: 0; } #box { width: 100%; } iframe { border: 0; width: 100%; display: block; }</style>
</head><body><div id="box">${inner}</div></body></html>`;

const DATASETS = process.env.WIDTHS_LANG ? [{ name: 'lang ' + process.env.WIDTHS_LANG, query: '?lang=' + process.env.WIDTHS_LANG, src: '' }] : [
  { name: 'bundled dataset', query: '', src: '' },
  { name: '10-party fixture', query: '?data=/data/ten.json', src: ' src="/data/ten.json"' },
];

const MODES = [
  { name: 'standalone', url: (d) => `/index.html${d.query}` },
  { name: 'iframe', url: (d) => `/iframe-host.html${d.query}` },
  { name: '<stance-matrix>', url: (d) => `/element-host.html${d.query}` },
];

/**
 * Runs in the widget's document (or with the shadow root as `root`): the offenders at this
 * width, as { key, detail }. Self-contained: it is serialised into the page.
 */
function offenders(rootSelector) {
  const out = [];
  let scope = document;
  const element = document.querySelector(rootSelector);
  if (element?.shadowRoot) scope = element.shadowRoot;
  const root = scope.querySelector('.stance-matrix') ?? scope.getElementById?.('stance-matrix');
  if (!root) return [{ key: 'no widget root', detail: rootSelector }];
  const box = root.getBoundingClientRect();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && parseFloat(style.fontSize) > 0;
  };
  const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;

  // 1. Nothing inside scrolls sideways (the page itself neither).
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      out.push({ key: `scrolls sideways: ${name(el)}`, detail: `${el.scrollWidth} > ${el.clientWidth}` });
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    out.push({ key: 'the page scrolls sideways', detail: `${document.documentElement.scrollWidth} > ${window.innerWidth}` });
  }

  // 2. Every visible party header and the status column inside the widget's box.
  const matrix = root.querySelector('.sm-matrix');
  if (!matrix) return [...out, { key: 'no matrix', detail: '' }];
  const inside = (el, what) => {
    if (!visible(el)) return;
    const r = el.getBoundingClientRect();
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
      out.push({ key: `outside the widget: ${what}`, detail: `${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)}` });
    }
  };
  const heads = [...matrix.querySelectorAll('thead th')].filter((th) => !th.classList.contains('sm-issue-head'));
  const many = matrix.classList.contains('sm-many');
  if (!many && heads.filter(visible).length === 0) out.push({ key: 'no column header in view', detail: '' });
  for (const th of heads) inside(th, th.textContent.trim());
  const statuses = [...matrix.querySelectorAll('td.sm-status')];
  if (statuses.filter(visible).length === 0) out.push({ key: 'no status in view', detail: '' });
  statuses.slice(0, 12).forEach((td, i) => inside(td, `status of row ${i + 1}`));
  for (const td of matrix.querySelectorAll('tbody tr:not([hidden]) td.sm-cell')) inside(td, `cell ${td.getAttribute('data-label') ?? ''}`);

  // 3. No word of a stance, a party header or a status spans two lines (or two columns, when
  // written vertically): a word inside one text node is one box on one line. A long word may
  // break where the language file put a soft hyphen (U+00AD, drawn as "-" at a line's end),
  // so each piece between soft hyphens is checked on its own.
  const words = [
    ...matrix.querySelectorAll('.sm-cell .sm-word'),
    ...heads.flatMap((th) => [...th.querySelectorAll('.sm-party-name, .sm-party-short')]),
    ...matrix.querySelectorAll('.sm-status-label'),
  ].filter(visible);
  for (const el of words) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const m of text.matchAll(/[^\s\u00ad]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
        if (rects.length > 1) {
          const word = text.slice(0, m.index).split(/\s/).pop() + text.slice(m.index).split(/\s/)[0];
          out.push({ key: `word split: "${word.replaceAll('\u00ad', '')}" in ${name(el)}`, detail: `${rects.length} lines` });
        }
      }
    }
  }
  return out;
}

describe('every width from 320 to 1280 px', () => {
  let server;
  let browser;

  before(async () => {
    const html = (text) => (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(text);
    };
    server = await serveDist({
      routes: {
        '/data/ten.json': (req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(TEN);
        },
        '/iframe-host.html': (req, res) => {
          const query = new URL(req.url, 'http://x').search.replace(/^\?/, '');
          const src = `/embed.html?embed${query ? '&' + query : ''}`;
          html(host(`<iframe id="frame" title="Stance matrix" src="${src}"></iframe>`))(req, res);
        },
        '/element-host.html': (req, res) => {
          const src = new URL(req.url, 'http://x').searchParams.get('data');
          html(host(`<stance-matrix id="element"${src ? ` src="${src}"` : ''}></stance-matrix>`))(req, res);
        },
      },
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const dataset of DATASETS) {
    for (const mode of MODES) {
      test(`${mode.name}, ${dataset.name}: fits at every width`, async () => {
        const page = await newPage(browser);
        await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
        await page.goto(`${server.url.replace(/\/$/, '')}${mode.url(dataset)}`);
        // The document the widget lives in, and how to find its root there.
        let target = page;
        let selector = '#stance-matrix';
        if (mode.name === 'iframe') {
          await page.waitForFunction(() => document.getElementById('frame')?.contentDocument?.getElementById('stance-matrix')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
          target = await (await page.$('#frame')).contentFrame();
        } else if (mode.name === '<stance-matrix>') {
          selector = '#element';
          await page.waitForFunction(() => document.getElementById('element')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
        } else {
          await page.waitForFunction(() => document.getElementById('stance-matrix')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
        }
        const found = new Map();
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: HEIGHT });
          await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          for (const o of await target.evaluate(offenders, selector)) {
            const seen = found.get(o.key) ?? { widths: [], detail: o.detail };
            if (!seen.widths.includes(width)) seen.widths.push(width);
            found.set(o.key, seen);
          }
        }
        const report = [...found].map(([key, v]) => `${key} at ${v.widths.join(', ')} px (${v.detail})`);
        assert.deepEqual(report, [], `${mode.name}, ${dataset.name}:\n${report.join('\n')}`);
        assertNoErrors(page);
        await page.close();
      });
    }
  }
});

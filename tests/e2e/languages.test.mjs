// The reader's language (issue 16): with ?lang= for de, fr, uk and ru, no English interface
// string is visible (the bundled dataset is English, and its text is marked lang="en", so it
// is set aside), the root says the language, dates, counts and percentages are the
// locale's, axe finds nothing serious, and phones do not scroll sideways. A dataset that says
// "language": "de" gets a German interface without ?lang=. The readers' wasm carries English
// only: each other language is a hashed file, requested for a reader in it and no other, and
// a reader whose file cannot be had gets the widget in English.

import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, REPO_ROOT, assertNoErrors, axeViolations, launchBrowser, newPage, openWidget, problemsOf, recordPaints, serveDist } from './helpers.mjs';

const DATASET = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json'), 'utf8'));

/** The messages of a language file: key → text (every plural form, `|`-separated), with Rust's
 * `\"` and `\u{…}` escapes (the soft hyphens, `\u{ad}`) decoded as the widget shows them. */
function messages(code) {
  const source = readFileSync(path.join(REPO_ROOT, 'src', 'i18n', `${code}.rs`), 'utf8');
  const out = new Map();
  for (const [, key, text] of source.matchAll(/^\s+(\w+) => "((?:[^"\\]|\\.)*)",$/gm)) {
    out.set(key, text.replace(/\\"/g, '"').replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16))));
  }
  return out;
}

/** The phrases of a message a reader could spot: the text between placeholders, trimmed. */
function phrases(text) {
  return text
    .split('|')
    .flatMap((form) => form.split(/\{[0-9n]\}/))
    .map((p) => p.replace(/^[\s—–·:;,.()“”«»„"…+-]+|[\s—–·:;,.()“”«»„"…+-]+$/g, ''))
    .filter((p) => /[A-Za-z]{3}/.test(p) && p.length >= 4);
}

const ENGLISH = messages('en');
const LANGS = {
  de: { date: '23. April 2025' },
  fr: { date: '23 avril 2025' },
  uk: { date: '23 квітня 2025' },
  ru: { date: '23 апреля 2025' },
};

/** The interface text a reader sees: visible text outside elements marked as English data. */
const visibleInterfaceText = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('#stance-matrix');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const parts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !el.checkVisibility({ visibilityProperty: true })) continue;
      if ((el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en')) continue;
      parts.push(node.textContent);
    }
    // Accessible names, value texts, titles, placeholders and the options of closed lists are
    // read out or shown on demand, so they count too.
    for (const el of root.querySelectorAll('[aria-label], [aria-valuetext], [title], [placeholder], option')) {
      if ((el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en')) continue;
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder']) parts.push(el.getAttribute(name) ?? '');
      if (el.tagName === 'OPTION') parts.push(el.textContent);
    }
    return parts.join('\n');
  });

describe('the reader\'s language', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    const german = JSON.stringify({ ...DATASET, language: 'de' });
    server = await serveDist({
      routes: {
        '/german.json': (req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(german);
        },
      },
    });
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

  for (const [code, expected] of Object.entries(LANGS)) {
    test(`?lang=${code}: no English interface string, the root's lang, the locale's dates, counts and percentages`, async () => {
      const own = messages(code);
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.equal(await openWidget(page, `${server.url}?lang=${code}#since=2025-04-17&cell=nato.ua&cmp=ua.ru`), 'ready');
      await page.locator('[data-testid="cell-detail"]').waitFor();
      await page.locator('[data-testid="pair"]').waitFor();
      assert.equal(await page.getAttribute('.sm-widget', 'lang'), code);
      assert.equal(await page.getAttribute('html', 'lang'), code);
      assert.equal(await page.getAttribute('.sm-issue-title', 'lang'), 'en', 'the dataset\'s English text is marked as such');

      // The dataset's own words inside interface text (an event's title in a list option, which
      // cannot hold a marked span) are the newsroom's, not the interface's: set aside too.
      let text = await visibleInterfaceText(page);
      const datasetWords = [...DATASET.events.map((e) => e.title), ...DATASET.issues.map((i) => i.title), ...DATASET.parties.map((p) => p.name)];
      for (const words of datasetWords.sort((a, b) => b.length - a.length)) text = text.replaceAll(words, ' ');
      // A phrase the language writes the same way (e.g. "Ambivalent" in German) is not English left behind.
      const theirs = new Set([...own.values()].flatMap(phrases));
      // As words, not inside others: German "Methode" is not the English "Method".
      const escape = (p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const shown = (p) => new RegExp(`(?<![\\p{L}])${escape(p)}(?![\\p{L}])`, 'u').test(text);
      const left = [...new Set([...ENGLISH.values()].flatMap(phrases))].filter((p) => !theirs.has(p) && shown(p));
      assert.deepEqual(left, [], `English interface strings visible with ?lang=${code}`);

      assert.ok((await page.textContent('caption')).includes(expected.date), `the caption's date: ${await page.textContent('caption')}`);
      // "Showing 11 of 11 issues" in the language's plural form for 11, as the browser's rules choose it.
      const order = ['uk', 'ru'].includes(code) ? ['one', 'few', 'many', 'other'] : ['one', 'other'];
      const forms = own.get('ShowingIssues').split('|');
      const n = DATASET.issues.length;
      const form = forms[order.indexOf(new Intl.PluralRules(code).select(n))] ?? forms.at(-1);
      assert.equal(await page.textContent('[data-testid="count"]'), form.replaceAll('{0}', String(n)).replaceAll('{n}', String(n)));
      const share = (await page.textContent('[data-testid="pairs"] td.sm-share')).trim();
      const percent = Number(share.match(/\d+/)[0]);
      assert.ok(share.startsWith(new Intl.NumberFormat(code, { style: 'percent' }).format(percent / 100)), `share ${share}`);

      const serious = (await axeViolations(page)).filter((v) => ['serious', 'critical'].includes(v.impact));
      assert.deepEqual(serious, [], `axe, ${code}`);

      // Longer words (German, Russian) neither scroll the page sideways nor spill out of a cell.
      for (const width of [320, 375, 768, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${code} at ${width} px scrolls sideways by ${overflow} px`);
        const spilled = await page.$$eval('#stance-matrix .sm-matrix *', (els) =>
          els
            .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
            .map((e) => `${e.className}: ${e.textContent.slice(0, 40)}`));
        assert.deepEqual(spilled, [], `${code} at ${width} px: text wider than its box`);
      }
    });
  }

  test('a dataset that says "language": "de" gets a German interface without ?lang=', async () => {
    // boot.js cannot know the dataset's language: the widget requests the German messages itself.
    const requested = [];
    page.on('request', (request) => {
      if (/\/language\.[a-z]+\.[0-9a-f]+\.txt$/.test(request.url())) requested.push(new URL(request.url()).pathname.split('.')[1]);
    });
    assert.equal(await openWidget(page, `${server.url}?data=/german.json`), 'ready');
    assert.deepEqual(requested, ['de']);
    assert.equal(await page.getAttribute('.sm-widget', 'lang'), 'de');
    assert.equal(await page.getAttribute('.sm-issue-title', 'lang'), null, 'the data is in the interface\'s language');
    assert.equal(await page.textContent('label[for="sm-q"]'), messages('de').get('FilterIssues'));
    // ?lang= still wins over the dataset's language.
    assert.equal(await openWidget(page, `${server.url}?data=/german.json&lang=fr`), 'ready');
    assert.equal(await page.getAttribute('.sm-widget', 'lang'), 'fr');
  });

  test('messages that arrive after the wasm has started: the first view stays until they do, then the widget in that language', async () => {
    await page.addInitScript(recordPaints);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/language\.de\.[0-9a-f]+\.txt$/, async (route) => {
      await held;
      await route.continue();
    });
    const wasm = page.waitForResponse(/_bg\.wasm$/);
    await page.goto(`${server.url}?lang=de`);
    await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'prerendered');
    // The wasm is in, and has had time to start and render off-screen.
    await wasm;
    // Longer than the takeover's quick checks (500 tasks, about 2 s).
    await page.waitForTimeout(3000);
    assert.equal(await page.getAttribute('#stance-matrix', 'data-state'), 'prerendered', 'the widget waits off-screen');
    assert.equal(await page.getAttribute('#stance-matrix .sm-widget', 'lang'), 'de');
    assert.equal(await page.locator('#stance-matrix [data-testid="loading"]').count(), 0, 'no "Loading" in place of the first view');
    const before = await page.textContent('label[for="sm-q"]');
    release();
    await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready', null, { timeout: 15_000 });
    assert.equal(await page.getAttribute('#stance-matrix .sm-widget', 'lang'), 'de');
    assert.equal(await page.textContent('label[for="sm-q"]'), before);
    assert.equal(before, messages('de').get('FilterIssues'));
    const shifts = await page.evaluate(() => window.__record.shifts.reduce((a, b) => a + b, 0));
    assert.ok(shifts < 0.01, `layout shift ${shifts}`);
  });

  test('the readers\' wasm carries English only; each other language is a file the pages name, requested only by a reader in it', async () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const wasm = readFileSync(path.join(DIST, html.match(/data-wasm="?\.?\/?([^"\s>]+\.wasm)/)[1]));
    const hostWasm = readdirSync(DIST).find((f) => /^stance-matrix-embed-[0-9a-f]+_bg\.wasm$/.test(f));
    assert.ok(hostWasm, 'embed.js has its own wasm');
    const carries = (bytes, code) => bytes.includes(Buffer.from(messages(code).get('FilterIssues')));
    assert.ok(carries(wasm, 'en'), 'English is built into the readers\' wasm');
    for (const code of Object.keys(LANGS)) {
      assert.ok(!carries(wasm, code), `the readers' wasm carries ${code}`);
      // A host page may switch a widget's language at any time: embed.js's wasm has them all.
      assert.ok(carries(readFileSync(path.join(DIST, hostWasm)), code), `embed.js's wasm lacks ${code}`);
    }
    for (const name of ['index.html', 'embed.html']) {
      const named = JSON.parse(readFileSync(path.join(DIST, name), 'utf8').match(/data-languages='([^']*)'/)[1]);
      assert.deepEqual(Object.keys(named).sort(), Object.keys(LANGS).sort(), name);
      for (const [code, [href, integrity]] of Object.entries(named)) {
        const bytes = readFileSync(path.join(DIST, href));
        assert.equal(integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, `${name}: ${href}`);
        assert.ok(bytes.includes(Buffer.from(messages(code).get('FilterIssues'))), `${href} holds ${code}`);
      }
    }
    const requested = [];
    page.on('request', (request) => {
      if (/\/language\.[a-z]+\.[0-9a-f]+\.txt$/.test(request.url())) requested.push(new URL(request.url()).pathname.split('.')[1]);
    });
    assert.equal(await openWidget(page, server.url), 'ready');
    assert.deepEqual(requested, [], 'an English reader requests no language file');
    assert.equal(await openWidget(page, `${server.url}?lang=uk`), 'ready');
    assert.equal(await page.textContent('label[for="sm-q"]'), messages('uk').get('FilterIssues'));
    assert.deepEqual(requested, ['uk'], 'a Ukrainian reader requests Ukrainian, once');
  });

  test('a language whose file cannot be had: the widget in English, ready, never a blank page', async () => {
    const own = await newPage(browser, { failOnConsoleError: false });
    try {
      await own.route(/\/language\.de\.[0-9a-f]+\.txt$/, (route) => route.abort());
      assert.equal(await openWidget(own, `${server.url}?lang=de`), 'ready');
      assert.equal(await own.getAttribute('.sm-widget', 'lang'), 'en');
      assert.equal(await own.textContent('label[for="sm-q"]'), ENGLISH.get('FilterIssues'));
      // The widget asked for the file itself when boot.js's request failed, and then gave up.
      await own.unroute(/\/language\.de\./);
      await own.route(/\/language\.fr\.[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 200, body: 'Filtrer les sujets\u001e' }));
      assert.equal(await openWidget(own, `${server.url}?lang=fr`), 'ready', 'a file that is not one (cut short) is refused');
      assert.equal(await own.getAttribute('.sm-widget', 'lang'), 'en');
      assert.deepEqual(problemsOf(own).filter((e) => e.kind === 'pageerror'), []);
    } finally {
      await own.close();
    }
  });
});

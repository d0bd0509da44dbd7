// <stance-matrix> in a host page (issue 23, in part): a host stylesheet's inherited properties
// change nothing inside the widget; the host bundle never runs the standalone start (a host
// element called #stance-matrix and <html lang> stay as they were); destroy() removes exactly
// what the widget added; two attributes set in one task leave one live widget, not a blank box;
// setView() while the dataset loads is applied once it is ready.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

const FIXTURE = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'), 'utf8');

const HOSTILE = `* { letter-spacing: 3px; word-spacing: 9px; line-height: 3; text-transform: uppercase;
  font-style: italic; text-align: right; white-space: nowrap; cursor: wait; font-variant: small-caps; }`;

const page = (style, body) => `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Host</title>
<link rel="icon" href="data:,"><style>body { margin: 0; } ${style}</style>
<script type="module" src="/embed.js"></script></head><body>${body}</body></html>`;

const PAGES = {
  '/plain.html': page('', '<stance-matrix id="w"></stance-matrix>'),
  '/hostile.html': page(HOSTILE, '<stance-matrix id="w"></stance-matrix>'),
  '/named.html': page('', '<div id="stance-matrix" lang="nl">Host content</div><stance-matrix id="w" lang="de"></stance-matrix>'),
  '/foreign.html': page('', `<div id="host"></div><script type="module">
    import { mount } from '/embed.js';
    const host = document.getElementById('host');
    const shadow = host.attachShadow({ mode: 'open' });
    const note = document.createElement('p');
    note.className = 'foreign';
    note.textContent = 'The host page put this here';
    shadow.append(note);
    window.widget = await mount(host, {});
  </script>`),
  '/early.html': page('', `<stance-matrix id="w" src="/data/slow.json"></stance-matrix><script type="module">
    await customElements.whenDefined('stance-matrix');
    const w = document.getElementById('w');
    window.changes = [];
    w.addEventListener('change', (event) => window.changes.push(event.detail));
    window.stateWhenSet = w.getAttribute('data-state');
    w.setView({ query: 'harbour' });
  </script>`),
  '/race.html': page('', `<stance-matrix id="w" src="/data/slow-a.json"></stance-matrix><script type="module">
    await customElements.whenDefined('stance-matrix');
    const w = document.getElementById('w');
    // Once the first dataset is being fetched, the host asks for another.
    await new Promise((resolve) => {
      const poll = setInterval(() => {
        if (w.getAttribute('data-state') === 'loading') { clearInterval(poll); resolve(); }
      }, 5);
    });
    w.setAttribute('src', '/data/b.json');
  </script>`),
  '/twice.html': page('', `<stance-matrix id="w"></stance-matrix><script type="module">
    await customElements.whenDefined('stance-matrix');
    const w = document.getElementById('w');
    // Two attributes in one task, right after the first mount started.
    w.setAttribute('theme', 'dark');
    w.setAttribute('lang', 'fr');
  </script>`),
};

const PROPERTIES = ['letter-spacing', 'word-spacing', 'line-height', 'text-transform', 'font-style', 'text-align', 'white-space', 'cursor', 'font-variant-caps'];

describe('<stance-matrix> in a host page', () => {
  let server;
  let browser;

  before(async () => {
    const requests = { a: 'not asked' };
    const titled = (title) => FIXTURE.replace('"Harbour dispute, test edition"', JSON.stringify(title));
    const routes = {
      '/data/slow-a.json': (req, res) => {
        requests.a = 'asked';
        res.on('close', () => { if (!res.writableEnded) requests.a = 'aborted'; });
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(titled('Dataset A'));
          requests.a = 'answered';
        }, 2000);
      },
      '/data/b.json': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(titled('Dataset B'));
      },
      '/requests': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(requests));
      },
      // A dataset that takes a while: the widget is still loading when the host sets the view.
      '/data/slow.json': (req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(FIXTURE);
        }, 1500);
      },
    };
    for (const [route, html] of Object.entries(PAGES)) {
      routes[route] = (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(html);
      };
    }
    server = await serveDist({ routes });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const ready = (p, id = 'w') => p.waitForFunction((id) => document.getElementById(id)?.getAttribute('data-state') === 'ready', id, { timeout: 20_000 });

  /** The computed values of PROPERTIES for every element in the widget's shadow root. */
  const styles = (p) => p.evaluate((properties) => {
    const shadow = document.getElementById('w').shadowRoot;
    return [...shadow.querySelectorAll('.stance-matrix, .stance-matrix *')].map((el) => {
      const style = getComputedStyle(el);
      return `${el.tagName.toLowerCase()}.${el.className}: ${properties.map((p) => style.getPropertyValue(p)).join(' | ')}`;
    });
  }, PROPERTIES);

  test('a hostile host stylesheet changes no inherited property inside the widget', async () => {
    const plain = await newPage(browser);
    const hostile = await newPage(browser);
    for (const [p, route] of [[plain, 'plain.html'], [hostile, 'hostile.html']]) {
      await p.setViewportSize({ width: 900, height: 800 });
      await p.goto(`${server.url}${route}`);
      await ready(p);
    }
    const [a, b] = [await styles(plain), await styles(hostile)];
    assert.ok(a.length > 100, `${a.length} elements`);
    assert.equal(b.length, a.length);
    const differ = a.flatMap((line, i) => (line === b[i] ? [] : [`${line}\n  vs ${b[i]}`]));
    assert.deepEqual(differ.slice(0, 10), [], `${differ.length} elements differ`);
    assertNoErrors(plain);
    assertNoErrors(hostile);
    await plain.close();
    await hostile.close();
  });

  test('the host bundle never takes over a host element called #stance-matrix, nor <html lang>', async () => {
    const p = await newPage(browser);
    await p.goto(`${server.url}named.html`);
    await ready(p);
    const found = await p.evaluate(() => ({
      html: document.getElementById('stance-matrix').outerHTML,
      lang: document.documentElement.lang,
      shadow: Boolean(document.getElementById('stance-matrix').shadowRoot),
    }));
    assert.deepEqual(found, { html: '<div id="stance-matrix" lang="nl">Host content</div>', lang: 'nl', shadow: false });
    assertNoErrors(p);
    await p.close();
  });

  test('destroy() removes exactly what the widget added to a shadow root', async () => {
    const p = await newPage(browser);
    await p.goto(`${server.url}foreign.html`);
    await p.waitForFunction(() => window.widget && document.getElementById('host').getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
    const before = await p.evaluate(() => [...document.getElementById('host').shadowRoot.children].map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ')[0] : '')));
    assert.deepEqual(before, ['p.foreign', 'link', 'div.stance-matrix']);
    const after = await p.evaluate(() => {
      window.widget.destroy();
      return [...document.getElementById('host').shadowRoot.children].map((e) => e.outerHTML);
    });
    assert.deepEqual(after, ['<p class="foreign">The host page put this here</p>']);
    assertNoErrors(p);
    await p.close();
  });

  test('two attributes set in one task leave one live widget with both applied', async () => {
    const p = await newPage(browser);
    await p.goto(`${server.url}twice.html`);
    await p.waitForFunction(() => {
      const root = document.getElementById('w').shadowRoot?.querySelector('.stance-matrix');
      return root?.querySelector('.sm-widget')?.getAttribute('lang') === 'fr' && document.getElementById('w').getAttribute('data-state') === 'ready';
    }, null, { timeout: 20_000 });
    // Let any destroy still queued run.
    await p.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const found = await p.evaluate(() => {
      const shadow = document.getElementById('w').shadowRoot;
      const roots = [...shadow.children].filter((e) => e.classList.contains('stance-matrix'));
      return {
        roots: roots.length,
        links: [...shadow.children].filter((e) => e.tagName === 'LINK').length,
        dark: roots[0]?.classList.contains('sm-theme-dark'),
        rows: roots[0]?.querySelectorAll('.sm-matrix tbody tr').length ?? 0,
      };
    });
    assert.equal(found.roots, 1);
    assert.equal(found.links, 1);
    assert.equal(found.dark, true);
    assert.ok(found.rows > 0, 'the widget shows its matrix');
    assertNoErrors(p);
    await p.close();
  });

  test('setView() while the dataset is loading is applied once it is ready', async () => {
    const p = await newPage(browser);
    await p.goto(`${server.url}early.html`);
    await ready(p);
    const found = await p.evaluate(() => {
      const shadow = document.getElementById('w').shadowRoot;
      return {
        stateWhenSet: window.stateWhenSet,
        query: shadow.querySelector('#sm-q')?.value,
        rows: [...shadow.querySelectorAll('.sm-matrix tbody tr[data-issue]:not([hidden])')].map((tr) => tr.dataset.issue),
      };
    });
    assert.notEqual(found.stateWhenSet, 'ready', 'the view was set before the widget was ready');
    assert.equal(found.query, 'harbour');
    assert.deepEqual(found.rows, ['harbour']);
    assertNoErrors(p);
    await p.close();
  });

  test('src changed while loading: the last src wins and the earlier request is aborted', async () => {
    const p = await newPage(browser, { failOnConsoleError: false });
    await p.goto(`${server.url}race.html`);
    await p.waitForFunction(() => {
      const caption = document.getElementById('w').shadowRoot?.querySelector('.sm-matrix caption');
      return document.getElementById('w').getAttribute('data-state') === 'ready' && caption?.textContent.includes('Dataset B');
    }, null, { timeout: 20_000 });
    // After the first dataset's answer would have come: still the second, and it was aborted.
    await p.waitForTimeout(2500);
    const caption = await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.sm-matrix caption').textContent);
    assert.match(caption, /Dataset B/);
    const requests = await (await fetch(`${server.url}requests`)).json();
    assert.equal(requests.a, 'aborted');
    await p.close();
  });
});

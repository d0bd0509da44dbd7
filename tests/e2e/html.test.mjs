// The built pages are valid HTML: the Nu Html Checker (npm vnu-jar, on Java) reports no error
// in any dist/*.html (it found the search box's `form` attribute naming no form).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { DIST } from './helpers.mjs';

const require = createRequire(import.meta.url);
const VNU = require.resolve('vnu-jar/build/dist/vnu.jar');

/** Runs the checker on `files` (or on `input`, read from stdin with `-`); returns its messages. */
function runChecker(files, input) {
  const run = spawnSync('java', ['-jar', VNU, '--format', 'json', '--exit-zero-always', ...files], {
    input,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(`the Nu Html Checker did not run (scripts/test installs Java): ${run.error?.message ?? run.stderr}`);
  }
  // The JSON report goes to stderr.
  return JSON.parse(run.stderr || '{"messages":[]}').messages;
}

test('every built page passes the Nu Html Checker with no error', () => {
  // embed-code.html is a fragment for an article's body, and first-view.*.html are the root's
  // content in each language: each is checked inside a page (below).
  const pages = readdirSync(DIST)
    .filter((f) => f.endsWith('.html') && f !== 'embed-code.html' && !f.startsWith('first-view'))
    .map((f) => path.join(DIST, f));
  assert.ok(pages.length >= 3, `pages: ${pages}`);
  const errors = runChecker(pages).filter((m) => m.type === 'error' || m.subType === 'fatal');
  assert.deepEqual(
    errors.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine}: ${m.message}`),
    [],
  );
});

test('the embed code, in an article, passes the Nu Html Checker with no error', () => {
  const code = readFileSync(path.join(DIST, 'embed-code.html'), 'utf8');
  const article = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body><h1>Article</h1>\n${code}</body></html>`;
  const errors = runChecker(['-'], article).filter((m) => m.type === 'error' || m.subType === 'fatal');
  assert.deepEqual(errors.map((m) => `${m.lastLine}: ${m.message}`), []);
});

test('each first view in another language, in the page root, passes the Nu Html Checker with no error', () => {
  const views = readdirSync(DIST).filter((f) => /^first-view(-embed)?\.[a-z]+\.[0-9a-f]+\.html$/.test(f));
  assert.equal(views.length, 8, `four languages for each of index.html and embed.html: ${views}`);
  for (const view of views) {
    const lang = view.split('.')[1];
    const page = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head><body>`
      + `<main id="stance-matrix" class="stance-matrix">${readFileSync(path.join(DIST, view), 'utf8')}</main></body></html>`;
    const errors = runChecker(['-'], page).filter((m) => m.type === 'error' || m.subType === 'fatal');
    assert.deepEqual(errors.map((m) => `${view}:${m.lastLine}: ${m.message}`), []);
  }
});

test('the checker reports a form attribute that names no form (the check can fail)', () => {
  const page = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
    + '<input type="search" form="sm-no-form" aria-label="q"></body></html>';
  const messages = runChecker(['-'], page);
  assert.ok(messages.some((m) => m.type === 'error' && /form/.test(m.message)), JSON.stringify(messages));
});

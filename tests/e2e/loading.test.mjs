// A slow or silent server for ?data= (issues 6 and 7): a loading state while waiting, and a
// clear timeout message after 15 seconds, never a blank page.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage, serveDist } from './helpers.mjs';

describe('slow and silent dataset servers', () => {
  let server;
  let browser;
  let release = () => {};
  const hanging = [];

  before(async () => {
    const full = readFileSync(path.join(REPO_ROOT, 'tests/fixtures/valid/full.json'));
    server = await serveDist({
      routes: {
        // Answers only when the test says so.
        '/data/slow.json': (req, res) => {
          release = () => {
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(full);
          };
        },
        // Never answers.
        '/data/silent.json': (req, res) => hanging.push(res),
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const res of hanging) res.destroy();
    await browser?.close();
    await server?.close();
  });

  test('a slow dataset shows a loading state, then the matrix', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}?data=data/slow.json`);
    const loading = page.locator('[data-testid="loading"]');
    await loading.waitFor();
    assert.match(await loading.innerText(), /Loading the dataset from data\/slow\.json/);
    assert.equal(await page.getAttribute('#stance-matrix', 'aria-busy'), 'true');
    release();
    await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'ready');
    assert.equal(await page.getAttribute('#stance-matrix', 'aria-busy'), 'false');
    assert.match(await page.locator('table[data-testid="matrix"] caption').innerText(), /Harbour dispute/);
    assertNoErrors(page);
    await page.close();
  });

  test('a server that never answers gives a timeout message after 15 seconds', { timeout: 30_000 }, async () => {
    const page = await newPage(browser);
    const started = Date.now();
    await page.goto(`${server.url}?data=data/silent.json`);
    await page.locator('[data-testid="loading"]').waitFor();
    await page.waitForFunction(() => document.querySelector('#stance-matrix').dataset.state === 'error', null, { timeout: 25_000 });
    const waited = (Date.now() - started) / 1000;
    assert.ok(waited >= 14 && waited < 20, `gave up after ${waited} s`);
    assert.match(await page.locator('[data-testid="error-reason"]').innerText(), /did not answer within 15 seconds/);
    assertNoErrors(page);
    await page.close();
  });
});

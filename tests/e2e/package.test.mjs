// The npm package (issue 23): `npm pack` on the folder the build writes gives a tarball that an
// empty project installs with no network; `import { mount } from 'stance-matrix'` bundles with
// esbuild, the wasm and stylesheet found beside the bundle; the widget mounts and filters in
// Chromium; the package's types pass a typed host and refuse `theme: 3`.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { startServer } from '../../scripts/static-server.mjs';
import { REPO_ROOT, assertNoErrors, launchBrowser, newPage } from './helpers.mjs';

const PACKAGE = path.join(REPO_ROOT, 'target/npm/stance-matrix');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const TYPED = (theme) => `import { mount, type StanceMatrixView } from 'stance-matrix';
const element = document.createElement('div');
const handle = await mount(element, { theme: ${theme}, view: { query: 'crimea' } });
handle.setView({ onlyRedLines: true } satisfies StanceMatrixView);
handle.update({ lang: 'de' });
handle.destroy();
export {};
`;

describe('the npm package', () => {
  let project;
  let server;
  let browser;

  before(async () => {
    assert.ok(existsSync(path.join(PACKAGE, 'package.json')), `${PACKAGE} is missing: trunk build --release writes it`);
    project = mkdtempSync(path.join(tmpdir(), 'stance-matrix-project-'));
    const npm = (args) => execFileSync('npm', args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    npm(['pack', PACKAGE, '--pack-destination', project]);
    const tarball = readdirSync(project).find((f) => /^stance-matrix-\d+\.\d+\.\d+\.tgz$/.test(f));
    assert.ok(tarball, `npm pack wrote ${readdirSync(project).join(', ')}`);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'newsroom-article', private: true, type: 'module' }));
    npm(['install', `./${tarball}`, '--offline', '--no-audit', '--no-fund']);
    writeFileSync(path.join(project, 'host.js'), `import { mount } from 'stance-matrix';
window.widget = await mount(document.getElementById('talks'), { theme: 'light' });
`);
    writeFileSync(path.join(project, 'index.html'), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
<link rel="icon" href="data:,"><script type="module" src="out/host.js"></script></head>
<body><h1>Article</h1><div id="talks"></div></body></html>`);
    await build({
      absWorkingDir: project,
      entryPoints: ['host.js'],
      bundle: true,
      format: 'esm',
      outdir: 'out',
      loader: { '.wasm': 'file', '.css': 'file' },
      logLevel: 'silent',
    });
    server = await startServer({ root: project, port: 0, host: '127.0.0.1' });
    browser = await launchBrowser({ viewport: { width: 680, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test('the bundle esbuild made mounts a widget, with its wasm and stylesheet beside it, and filters', async () => {
    const out = readdirSync(path.join(project, 'out'));
    assert.ok(out.some((f) => f.endsWith('.wasm')) && out.some((f) => f.endsWith('.css')), out.join(', '));
    const p = await newPage(browser);
    await p.goto(`${server.url}index.html`);
    await p.waitForFunction(() => document.getElementById('talks').getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
    const rows = () => p.evaluate(() => document.getElementById('talks').shadowRoot.querySelectorAll('tbody tr[data-issue]:not([hidden])').length);
    const all = await rows();
    assert.ok(all >= 10, `${all} rows`);
    const styled = await p.evaluate(() => getComputedStyle(document.getElementById('talks').shadowRoot.querySelector('.stance-matrix')).display);
    assert.equal(styled, 'block', 'the stylesheet applies');
    await p.locator('#talks #sm-q').fill('crimea');
    await p.waitForFunction((all) => document.getElementById('talks').shadowRoot.querySelectorAll('tbody tr[data-issue]:not([hidden])').length < all, all);
    assertNoErrors(p);
    await p.close();
  });

  test("the package's types pass a typed host and refuse theme: 3", () => {
    const compile = (source) => {
      writeFileSync(path.join(project, 'typed.ts'), source);
      return spawnSync(process.execPath, [TSC, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
        '--moduleResolution', 'bundler', '--lib', 'es2022,dom', path.join(project, 'typed.ts')], { encoding: 'utf8', cwd: project });
    };
    const good = compile(TYPED("'dark'"));
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = compile(TYPED('3'));
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /typed\.ts.*error TS2322/s);
  });
});

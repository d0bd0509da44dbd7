// embed.js's TypeScript declarations (dist/embed.d.ts): a typed host that mounts a widget,
// listens to `change` and sets the view compiles with `tsc --noEmit --strict`; one that passes
// `theme: 3` does not.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DIST } from './helpers.mjs';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const GOOD = `import { mount, type StanceMatrixView } from './embed.js';
const element = document.querySelector('stance-matrix');
element?.addEventListener('change', (event) => {
  const view: StanceMatrixView = event.detail;
  console.log(view.query, view.asOf, view.open?.party);
});
element?.setView({ hidden: ['gb'], sort: 'contested' });
const handle = await mount(document.body, { src: '/talks.json', theme: 'dark', lang: 'de', view: { onlyConflicts: true } });
handle.setView({ compare: ['ru', 'ua'] });
handle.destroy();
export {};
`;

/** Compiles `host` beside a copy of dist/embed.js and its declarations; returns tsc's run. */
function compile(host) {
  const dir = mkdtempSync(path.join(tmpdir(), 'stance-matrix-types-'));
  try {
    copyFileSync(path.join(DIST, 'embed.d.ts'), path.join(dir, 'embed.d.ts'));
    writeFileSync(path.join(dir, 'embed.js'), '');
    writeFileSync(path.join(dir, 'host.ts'), host);
    return spawnSync(process.execPath, [TSC, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext',
      '--moduleResolution', 'bundler', '--lib', 'es2022,dom', path.join(dir, 'host.ts')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the build writes embed.d.ts beside embed.js', () => {
  assert.ok(existsSync(path.join(DIST, 'embed.d.ts')));
});

test('a typed host compiles against embed.d.ts', () => {
  const run = compile(GOOD);
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('a host that passes theme: 3 does not compile', () => {
  const run = compile(GOOD.replace("theme: 'dark'", 'theme: 3'));
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /TS2322: Type 'number' is not assignable to type '"auto" \| "light" \| "dark"/);
});

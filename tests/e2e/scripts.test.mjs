// The build scripts themselves: the pre-renderer is found wherever CARGO_TARGET_DIR puts the
// target folder (post-build ran target/debug/prerender even when it was elsewhere), and the
// static server sends CORS headers when asked (--cors), and only then.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildBinary } from '../../scripts/lib/cargo-bin.mjs';
import { REPO_ROOT } from './helpers.mjs';

test('the pre-renderer is found in the target folder CARGO_TARGET_DIR names', async () => {
  // A target folder elsewhere whose debug/ is the repository's, so nothing is rebuilt.
  const elsewhere = await mkdtemp(path.join(tmpdir(), 'stance-matrix-target-'));
  try {
    await symlink(path.join(REPO_ROOT, 'target', 'debug'), path.join(elsewhere, 'debug'));
    const binary = buildBinary(['--offline', '--features', 'ssr,sheet,card', '--bin', 'prerender'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CARGO_TARGET_DIR: elsewhere },
    });
    assert.equal(path.dirname(binary), path.join(elsewhere, 'debug'));
    assert.ok(existsSync(binary), binary);
  } finally {
    await rm(elsewhere, { recursive: true, force: true });
  }
});

/** Starts `static-server.mjs` with `args` on a free port; its URL and the child process. */
async function serve(root, args) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts/static-server.mjs'), '--root', root, '--port', '0', ...args]);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/at (http:\/\/\S+\/)/);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`static-server exited ${code}: ${out}`)));
  });
  return { url, child };
}

test('static-server --cors lets any origin read the files, and without it no header is sent', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'stance-matrix-root-'));
  await writeFile(path.join(root, 'embed.js'), 'export {};');
  const servers = [];
  try {
    for (const [args, allowed] of [[['--cors'], '*'], [[], null]]) {
      const server = await serve(root, args);
      servers.push(server.child);
      const answer = await fetch(`${server.url}embed.js`, { headers: { Origin: 'http://article.example' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('access-control-allow-origin'), allowed, args.join(' '));
      const preflight = await fetch(`${server.url}embed.js`, { method: 'OPTIONS' });
      assert.equal(preflight.status, allowed ? 204 : 405, args.join(' '));
    }
  } finally {
    for (const child of servers) child.kill();
    await rm(root, { recursive: true, force: true });
  }
});

// The build scripts themselves: the pre-renderer is found wherever CARGO_TARGET_DIR puts the
// target folder (post-build ran target/debug/prerender even when it was elsewhere).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
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
    const binary = buildBinary(['--offline', '--features', 'ssr,sheet', '--bin', 'prerender'], {
      cwd: REPO_ROOT,
      env: { ...process.env, CARGO_TARGET_DIR: elsewhere },
    });
    assert.equal(path.dirname(binary), path.join(elsewhere, 'debug'));
    assert.ok(existsSync(binary), binary);
  } finally {
    await rm(elsewhere, { recursive: true, force: true });
  }
});

// What was measured, on what: the build (commit and uncommitted build inputs), the machine and
// browser, and other work on the machine during the run. These go into the report's header.

import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM } from '../tests/e2e/helpers.mjs';
import { REPO_ROOT } from './options.mjs';

// What was built, read at the start (others may commit during the run): the commit, and how
// many build inputs differ from it.
export function readBuildInfo() {
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const inputs = ['src', 'styles', 'web', 'index.html', 'Trunk.toml', 'Cargo.toml', 'Cargo.lock', 'scripts/post-build.mjs'];
  return {
    commit: git('rev-parse', '--short', 'HEAD').trim() || 'unknown',
    dirty: git('status', '--porcelain', '--', ...inputs).split('\n').filter((l) => l.trim()).length,
  };
}

// Other work on the machine during the run, sampled every 2 s: builds (cargo, rustc, trunk by
// process name, not a fuzzer), a fuzzer, and the 1-minute load average. Sampling runs until
// stop() is called.
export function sampleContention() {
  const contention = { samples: 0, builds: 0, fuzzer: 0, load: [] };
  const sampler = setInterval(() => {
    execFile('pgrep', ['-a', 'cargo|rustc|trunk|fuzz'], (error, stdout) => {
      const lines = (stdout ?? '').split('\n').filter(Boolean);
      contention.samples++;
      if (lines.some((l) => !/fuzz/.test(l))) contention.builds++;
      if (lines.some((l) => /fuzz/.test(l))) contention.fuzzer++;
      contention.load.push(loadavg()[0]);
    });
  }, 2000);
  return { contention, stop: () => clearInterval(sampler) };
}

/** The machine and browser now (date, load average), with the build read at the start. */
export function describeMachine(buildInfo) {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const cpuModel = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
    } catch {
      return cpus()[0]?.model ?? 'unknown';
    }
  })();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    uname: sh('uname', ['-a']),
    cpu: cpuModel,
    cores: cpus().length,
    browser: sh(CHROMIUM, ['--version']).split('\n').filter((l) => /chrom/i.test(l)).pop() ?? 'unknown',
    node: process.version,
    load: loadavg().map((x) => x.toFixed(2)).join(', '),
    ...buildInfo,
  };
}

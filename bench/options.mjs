// The benchmark's command line (bench/measure.mjs), the repository paths it works from, and its
// progress log on stderr. A leaf: every other bench module may import it.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const BUNDLED_FILE = path.join(REPO_ROOT, 'data', 'ceasefire-2025-04.json');

export function parseArgs(argv) {
  const opts = {
    dist: path.join(REPO_ROOT, 'dist'),
    dataDir: path.join(REPO_ROOT, 'target', 'bench-data'),
    out: path.join(REPO_ROOT, 'BENCHMARKS.md'),
    loads: 20,
    reps: 15,
    extraLoads: 10,
    extraReps: 5,
    phoneLoads: 7,
    trace: true,
    lighthouse: null,
    wasmBytes: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? (() => { throw new Error(`${arg} needs a value`); })();
    if (arg === '--dist') opts.dist = path.resolve(value());
    else if (arg === '--data-dir') opts.dataDir = path.resolve(value());
    else if (arg === '--out') opts.out = path.resolve(value());
    else if (arg === '--loads') opts.loads = Number(value());
    else if (arg === '--reps') opts.reps = Number(value());
    else if (arg === '--extra-loads') opts.extraLoads = Number(value());
    else if (arg === '--phone-loads') opts.phoneLoads = Number(value());
    else if (arg === '--extra-reps') opts.extraReps = Number(value());
    else if (arg === '--no-trace') opts.trace = false;
    // Figures measured apart (scripts/bench): a JSON file each, made into a section.
    else if (arg === '--lighthouse') opts.lighthouse = path.resolve(value());
    else if (arg === '--wasm-bytes') opts.wasmBytes = path.resolve(value());
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

// The run's clock starts when the benchmark's modules load.
const started = Date.now();
/** Seconds since the run started. */
export const elapsed = () => (Date.now() - started) / 1000;
export const log = (message) => console.error(`bench: [${elapsed().toFixed(1)} s] ${message}`);

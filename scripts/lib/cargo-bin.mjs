// Building a binary of this crate and finding it: cargo says where it wrote the executable, so
// the path is right wherever CARGO_TARGET_DIR (or .cargo/config.toml) puts the target folder.
import { execFileSync } from 'node:child_process';

/** Runs `cargo build` with `args`; returns the path of the (last) executable it built. */
export function buildBinary(args, { env = process.env, cwd } = {}) {
  const out = execFileSync('cargo', ['build', '--message-format=json-render-diagnostics', ...args], {
    env,
    cwd,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  let executable = null;
  for (const line of out.toString('utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line);
    if (message.reason === 'compiler-artifact' && message.executable) executable = message.executable;
  }
  if (!executable) throw new Error(`cargo build ${args.join(' ')} built no executable`);
  return executable;
}

// Where the readers' wasm bytes go: the top items of the standalone page's wasm (the one
// index.html and embed.html load; embed.js and the check page have their own) by size, with
// twiggy, under their Rust names.
//
//   node bench/wasm-bytes.mjs [--dist target/bench-dist] [--out target/bench-data/wasm-bytes.json] [--top 20]
//
// dist/'s wasm carries no names (wasm-opt drops them). Trunk leaves the wasm-bindgen output it
// optimised, which still has them, in <cargo target>/wasm-bindgen/release/. This runs wasm-opt
// on it again with the options index.html gives Trunk, adding only --symbolmap (a list of the
// function indices and names, written after the optimisation and changing nothing in it),
// checks that the result is byte for byte dist/'s wasm, and measures dist/'s wasm with a name
// section made from that list appended (bytes the table leaves out). Run it right after the
// release build, before any other build replaces Trunk's output.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { log, REPO_ROOT } from './options.mjs';

function parseArgs(argv) {
  const opts = {
    dist: path.join(REPO_ROOT, 'target', 'bench-dist'),
    out: path.join(REPO_ROOT, 'target', 'bench-data', 'wasm-bytes.json'),
    top: 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? (() => { throw new Error(`${arg} needs a value`); })();
    if (arg === '--dist') opts.dist = path.resolve(value());
    else if (arg === '--out') opts.out = path.resolve(value());
    else if (arg === '--top') opts.top = Number(value());
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

// --- a few pieces of the wasm binary format: LEB128 numbers and sections -------------------

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return { value, at };
  }
}

function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const vec = (bytes) => Buffer.concat([u32(bytes.length), bytes]);

/** The module's sections: id, payload start and end, and a custom section's name. */
function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const list = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const size = readU32(bytes, at + 1);
    const section = { id, start: size.at, end: size.at + size.value };
    if (id === 0) {
      const name = readU32(bytes, size.at);
      section.name = bytes.subarray(name.at, name.at + name.value).toString('utf8');
    }
    list.push(section);
    at = section.end;
  }
  return list;
}

/** The module with a name section (function names) appended. */
function withNames(bytes, names) {
  if (sections(bytes).some((s) => s.id === 0 && s.name === 'name')) throw new Error('the wasm has a name section already');
  const entries = [...names].sort((a, b) => a[0] - b[0]).map(([index, name]) => Buffer.concat([u32(index), vec(Buffer.from(name))]));
  const functionNames = Buffer.concat([u32(entries.length), ...entries]);
  const payload = Buffer.concat([vec(Buffer.from('name')), Buffer.from([1]), vec(functionNames)]);
  return Buffer.concat([bytes, Buffer.from([0]), vec(payload)]);
}

/** Each data segment's size and the longest run of text in it (what twiggy calls data[i]). */
function dataSegments(bytes) {
  const data = sections(bytes).find((s) => s.id === 11);
  if (!data) return [];
  let { value: count, at } = readU32(bytes, data.start);
  const segments = [];
  for (let i = 0; i < count; i++) {
    const flags = readU32(bytes, at);
    at = flags.at;
    if (flags.value === 2) at = readU32(bytes, at).at; // memory index
    if (flags.value !== 1) {
      // the offset: a constant expression, read opcode by opcode up to `end`
      while (bytes[at] !== 0x0b) {
        const op = bytes[at++];
        if (op === 0x41 || op === 0x23) at = readU32(bytes, at).at; // i32.const, global.get
        else if (op === 0x42) at = readU32(bytes, at).at; // i64.const (unsigned read skips it alike)
        else throw new Error(`data segment ${i}: unexpected opcode 0x${op.toString(16)} in its offset`);
      }
      at++;
    }
    const size = readU32(bytes, at);
    const content = bytes.subarray(size.at, size.at + size.value);
    at = size.at + size.value;
    const runs = content.toString('utf8').match(/(?:(?!\uFFFD)[\p{L}\p{N}\p{P}\p{S} ]){8,}/gu) ?? [];
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    segments.push({ index: i, bytes: size.value, text: longest.slice(0, 60) });
  }
  return segments;
}

// --- names ------------------------------------------------------------------------------------

/** A Rust symbol without its hash and crate disambiguators: core::fmt::write::h0123456789abcdef
 *  → core::fmt::write, dlmalloc[e24a27700634d609]::dlmalloc → dlmalloc::dlmalloc. */
export const withoutHash = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');

/** The crate an item's name belongs to, for the table by crate; other items by kind. */
export function crateOf(name) {
  if (/^data\[\d+\]$/.test(name)) return 'data segments (static data: strings, tables, the bundled dataset)';
  if (/^code\[\d+\]$/.test(name)) return 'functions without a name';
  if (/^(type|import|export|elem|table|memory|global|func|start)\b|section|^"/.test(name)) return 'wasm structure (types, imports, exports, tables, headers)';
  let inner = name;
  // Drop glue and similar generics belong to the type they are for.
  const generic = inner.match(/^core::ptr::drop_in_place<(.*)>$/);
  if (generic) inner = generic[1];
  inner = inner.replace(/^(?:[<&*]|dyn |impl |mut |const )+/, '');
  const crate = inner.match(/^[A-Za-z_$][A-Za-z0-9_$]*/)?.[0];
  if (!crate) return 'other';
  if (crate.startsWith('byn$')) return 'functions merged by wasm-opt (byn$…)';
  if (/^[A-Z]$/.test(crate)) return 'blanket impls (<T as …>)';
  if (/^__|^main$/.test(crate)) return 'runtime exports (main, __externref_…, __rustc…)';
  if (/^(bool|char|str|[iuf](8|16|32|64|128|size)|f32|f64)$/.test(crate)) return 'core';
  return crate;
}

/** For each item, the largest of its own code (stance_matrix::…) it alone keeps alive: a hint to
 *  what a generic function (CompStateInner<COMP>::view, one per component) was made for. */
function ownCodeHints(tree) {
  const hints = new Map();
  const own = (name) => /^<?stance_matrix::/.test(name);
  const visit = (node) => {
    if (!own(node.name)) {
      const queue = [...(node.children ?? [])];
      let found = null;
      while (queue.length && !found) {
        queue.sort((a, b) => b.retained_size - a.retained_size);
        const next = queue.shift();
        if (own(next.name)) found = next.name;
        else queue.push(...(next.children ?? []));
      }
      if (found) hints.set(node.name, withoutHash(found));
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const root of tree.items ?? [tree]) visit(root);
  return hints;
}

// --- the measurement ----------------------------------------------------------------------

const opts = parseArgs(process.argv.slice(2));
const run = (command, args) => execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const wasms = readdirSync(opts.dist).filter((f) => /^stance-matrix-[0-9a-f]{16}_bg\.wasm$/.test(f));
if (wasms.length !== 1) throw new Error(`wasm-bytes: expected one readers' wasm (stance-matrix-<hash>_bg.wasm) in ${opts.dist}, found ${wasms.length}`);
const wasmFile = wasms[0];
const distWasm = readFileSync(path.join(opts.dist, wasmFile));
if (!readFileSync(path.join(opts.dist, 'index.html'), 'utf8').includes(wasmFile)) throw new Error(`wasm-bytes: index.html does not load ${wasmFile}`);

// What Trunk was told (index.html's <link data-trunk rel="rust">), and where it left the wasm.
const tag = readFileSync(path.join(REPO_ROOT, 'index.html'), 'utf8').match(/<link\b[^>]*\bdata-trunk\b[^>]*\brel="rust"[^>]*>/)?.[0];
if (!tag) throw new Error('wasm-bytes: no <link data-trunk rel="rust"> in index.html');
const attr = (name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
const bin = attr('data-bin') ?? 'stance-matrix';
const optArgs = [`-O${attr('data-wasm-opt') ?? 's'}`, ...(attr('data-reference-types') !== undefined ? ['--enable-reference-types'] : []), ...(attr('data-wasm-opt-params') ?? '').split(/\s+/).filter(Boolean)];
const targetDir = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'])).target_directory;
const bound = path.join(targetDir, 'wasm-bindgen', 'release', `${bin}_bg.wasm`);

const work = path.join(path.dirname(opts.out), 'wasm-bytes');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const again = path.join(work, 'readers.wasm');
const map = path.join(work, 'readers.symbols');
log(`wasm-bytes: wasm-opt ${optArgs.join(' ')} --symbolmap on ${path.relative(REPO_ROOT, bound) || bound}`);
run('wasm-opt', [bound, ...optArgs, `--symbolmap=${map}`, '-o', again]);
if (!readFileSync(again).equals(distWasm)) {
  throw new Error(`wasm-bytes: wasm-opt on ${bound} does not give ${wasmFile}: Trunk's output is not this dist/'s (another build since?)`);
}
const names = readFileSync(map, 'utf8').split('\n').filter(Boolean).map((line) => {
  const colon = line.indexOf(':');
  return [Number(line.slice(0, colon)), line.slice(colon + 1)];
});
const named = path.join(work, 'readers-named.wasm');
writeFileSync(named, withNames(distWasm, names));

const twiggy = (command, args = []) => JSON.parse(run('twiggy', [command, '--format', 'json', ...args, named]));
// The name section (added here, not in dist/'s wasm), as twiggy names its parts.
const NAME_SECTION = new Set(['"function names" subsection', "custom section 'name' headers"]);
const items = twiggy('top').filter((x) => !NAME_SECTION.has(x.name));
const counted = items.reduce((n, x) => n + x.shallow_size, 0);
if (counted !== distWasm.length) log(`wasm-bytes: twiggy's items add up to ${counted} bytes, the wasm has ${distWasm.length}`);
const retained = new Map(twiggy('top', ['--retained']).map((x) => [x.name, x.retained_size]));
const hints = ownCodeHints(twiggy('dominators'));
const segments = dataSegments(distWasm);
const top = items.slice(0, opts.top).map((x) => {
  const segment = x.name.match(/^data\[(\d+)\]$/);
  return {
    name: withoutHash(x.name),
    shallow: x.shallow_size,
    retained: retained.get(x.name) ?? null,
    keeps: hints.get(x.name) ?? null,
    text: segment ? segments[Number(segment[1])]?.text ?? null : null,
  };
});
const byCrate = new Map();
for (const x of items) byCrate.set(crateOf(x.name), (byCrate.get(crateOf(x.name)) ?? 0) + x.shallow_size);

const result = {
  date: new Date().toISOString(),
  wasm: wasmFile,
  bytes: distWasm.length,
  gzip: gzipSync(distWasm, { level: 9 }).length,
  source: path.relative(REPO_ROOT, bound) || bound,
  wasmOpt: [...optArgs, '--symbolmap'].join(' '),
  twiggy: run('twiggy', ['--version']).trim(),
  functions: names.length,
  counted,
  top,
  byCrate: [...byCrate].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes })),
};
mkdirSync(path.dirname(opts.out), { recursive: true });
writeFileSync(opts.out, JSON.stringify(result, null, 1));
log(`wasm-bytes: ${wasmFile}, ${result.bytes} bytes (gzip -9: ${result.gzip}); top ${opts.top} in ${path.relative(process.cwd(), opts.out)}; named copy ${path.relative(process.cwd(), named)}`);

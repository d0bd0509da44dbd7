#!/usr/bin/env node
// Trunk post_build hook, release builds only. Every byte and request here is paid by every
// reader, so it:
//   1. minifies the wasm-bindgen JS glue, which Trunk leaves as generated (its own minifier
//      fails on it);
//   2. minifies boot.js;
//   3. joins the per-component stylesheets (kept apart in styles/ for editing) into one file,
//      in the order index.html lists them: one request, and it compresses better as a whole;
//      the pages link a copy with media queries in place of the container queries
//      (scripts/lib/page-css.mjs);
//   4. builds the host-page bundle (feature host-api) and writes embed.js for it, and the npm
//      package (target/npm/stance-matrix/);
//   5. pre-renders the widget's first view into index.html and embed.html (src/prerender), for
//      the bundled dataset or the file in STANCE_MATRIX_DATASET (scripts/build --data FILE),
//      which embed.js's wasm then has compiled in (STANCE_MATRIX_DATASET_JSON, build.rs),
//      and writes embed-code.html, the embed code with the first view in it, and card.png,
//      the social card (1200 × 630) that link previews show, named in the pages' Open Graph
//      tags when the build knows its absolute address (STANCE_MATRIX_URL, scripts/build --url);
// and keeps every Subresource Integrity hash in index.html correct.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { buildBinary } from './lib/cargo-bin.mjs';
import { pageCss } from './lib/page-css.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: run as a Trunk hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const indexPath = path.join(dir, 'index.html');
let index = readFileSync(indexPath, 'utf8');

for (const name of readdirSync(dir).filter((f) => /^stance-matrix-[0-9a-f]+\.js$/.test(f))) {
  const file = path.join(dir, name);
  const source = readFileSync(file);
  const minified = transformSync(source.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' }).code;
  writeFileSync(file, minified);
  index = index.split(sri(source)).join(sri(Buffer.from(minified)));
  console.log(`post-build: ${name} ${source.length} → ${Buffer.byteLength(minified)} bytes`);
}

// Trunk's minified HTML may drop attribute quotes: match <link … href=X.css … rel=stylesheet>.
// boot.js has no integrity attribute (Trunk copies it as is), so it is simply minified.
const boot = path.join(dir, 'boot.js');
writeFileSync(boot, transformSync(readFileSync(boot, 'utf8'), { minify: true, format: 'esm', target: 'es2020' }).code);

const links = [...index.matchAll(/<link(?=[^>]*\brel="?stylesheet"?)[^>]*\bhref="?(?:\.\/)?([^"\s>]+\.css)"?[^>]*>/g)];
if (links.length > 1) {
  const css = links.map(([, href]) => readFileSync(path.join(dir, href), 'utf8')).join('\n');
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
  const name = `stance-matrix-${hash}.css`;
  writeFileSync(path.join(dir, name), css);
  for (const [, href] of links) rmSync(path.join(dir, href));
  // The pages' own copy, with media queries for the container queries (scripts/lib/page-css.mjs);
  // embed.js, the npm package and the check page keep the container queries.
  const page = pageCss(css);
  const pageName = `stance-matrix-page-${createHash('sha256').update(page).digest('hex').slice(0, 16)}.css`;
  writeFileSync(path.join(dir, pageName), page);
  const joined = `<link rel="stylesheet" href="./${pageName}" integrity="${sri(Buffer.from(page))}">`;
  index = index.replace(links[0][0], joined);
  for (const [tag] of links.slice(1)) index = index.replace(tag, '');
  console.log(`post-build: ${links.length} stylesheets → ${name} (${Buffer.byteLength(css)} bytes)`);
}
// The wasm is not preloaded: on a phone its 160 kB compete with the stylesheet for the first
// paint (measured with bench/phone.mjs: first contentful paint 1320 → 1152 ms). boot.js requests
// it beside its bindings instead, checked against the same integrity hash.
const preload = index.match(/<link(?=[^>]*\brel="?preload"?)(?=[^>]*_bg\.wasm)[^>]*>/);
if (preload) {
  const integrity = preload[0].match(/\bintegrity="?([^"\s>]+)"?/);
  index = index.replace(preload[0], '');
  if (integrity) index = index.replace(/<script(?=[^>]*\bdata-wasm=)/, `<script data-wasm-integrity="${integrity[1]}"`);
  console.log('post-build: wasm preload removed; boot.js fetches it with its integrity hash');
}
writeFileSync(indexPath, index);

// 4. The host-page bundle: the same crate with the `host-api` feature (mount(), the options
//    reader, serde-wasm-bindgen), built into its own wasm so that readers of the standalone page
//    do not download it, then dist/embed.js, the stable address host pages load
//    (<stance-matrix> and mount()), with this build's file names filled in.
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// A wasm bundle of its own (bin `bin` with `features`, in target/<name>/): built, bound,
// optimised and written to dist/ under a hashed stem, its JS glue minified. Returns the stem
// and the wasm's size. `env` is cargo's environment.
function buildBundle(name, bin, features, env = process.env) {
  const targetDir = path.join('target', name);
  execFileSync('cargo', ['build', '--release', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', bin, '--features', features, '--target-dir', targetDir],
    { stdio: ['ignore', 'inherit', 'inherit'], env });
  const staging = path.join(targetDir, 'bindgen');
  rmSync(staging, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', staging, '--out-name', name,
    path.join(targetDir, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`)]);
  run('wasm-opt', ['-Oz', '--converge', '--strip-producers', '--low-memory-unused', path.join(staging, `${name}_bg.wasm`), '-o', path.join(staging, `${name}_bg.opt.wasm`)]);
  const wasmBytes = readFileSync(path.join(staging, `${name}_bg.opt.wasm`));
  const stem = `stance-matrix-${name}-${createHash('sha256').update(wasmBytes).digest('hex').slice(0, 16)}`;
  writeFileSync(path.join(dir, `${stem}_bg.wasm`), wasmBytes);
  const glue = readFileSync(path.join(staging, `${name}.js`), 'utf8').replaceAll(`${name}_bg.wasm`, `${stem}_bg.wasm`);
  writeFileSync(path.join(dir, `${stem}.js`), transformSync(glue, { minify: true, format: 'esm', target: 'es2020' }).code);
  return { stem, size: wasmBytes.length };
}

// A bare <stance-matrix> shows this build's dataset: a newsroom's (as JSON, a sheet converted
// by scripts/build) is compiled into this wasm in place of the bundled one (build.rs).
const dataset = process.env.STANCE_MATRIX_DATASET;
const datasetJson = process.env.STANCE_MATRIX_DATASET_JSON ?? dataset;
if (dataset && !/^\uFEFF?\s*\{/.test(readFileSync(datasetJson, 'utf8'))) {
  throw new Error(`post-build: ${dataset} is a sheet: build with scripts/build --data, which converts it`);
}
const hostEnv = { ...process.env };
if (dataset) hostEnv.STANCE_MATRIX_BUNDLED = path.resolve(datasetJson);
else delete hostEnv.STANCE_MATRIX_BUNDLED;
const { stem, size: wasmSize } = buildBundle('embed', 'stance-matrix', 'host-api', hostEnv);
const stylesheet = readdirSync(dir).filter((f) => /^stance-matrix-[0-9a-f]+\.css$/.test(f));
if (stylesheet.length !== 1) throw new Error(`post-build: expected one stylesheet, found ${stylesheet.length}`);
const embed = readFileSync('web/embed.js', 'utf8')
  .replace('__BINDINGS__', `./${stem}.js`)
  .replace('__WASM__', `./${stem}_bg.wasm`)
  .replace('__CSS__', `./${stylesheet[0]}`);
writeFileSync(path.join(dir, 'embed.js'), transformSync(embed, { minify: true, format: 'esm', target: 'es2022' }).code);
// Its TypeScript declarations, beside it (a TypeScript host importing embed.js finds them).
writeFileSync(path.join(dir, 'embed.d.ts'), readFileSync('web/embed.d.ts'));
console.log(`post-build: embed.js → ${stem} (${wasmSize} bytes of wasm)`);

// 4b. The npm package, in target/npm/stance-matrix/ (`npm pack` there gives the tarball a
//     project installs): embed.js for browsers and CDNs, as in dist/, and index.js for
//     bundlers, which imports the glue, the wasm and the stylesheet, so the bundler copies the
//     files beside its bundle and the addresses are relative to it (import.meta.url).
//     Written by builds of the bundled dataset only: a --data build's embed.js has a newsroom's
//     dataset compiled in, which is no package to publish.
const npmDir = path.join('target', 'npm', 'stance-matrix');
if (!dataset) {
  rmSync(npmDir, { recursive: true, force: true });
  mkdirSync(npmDir, { recursive: true });
  const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
  for (const file of ['embed.js', 'embed.d.ts', `${stem}.js`, `${stem}_bg.wasm`, stylesheet[0]]) {
    copyFileSync(path.join(dir, file), path.join(npmDir, file));
  }
  copyFileSync(path.join(dir, 'embed.d.ts'), path.join(npmDir, 'index.d.ts'));
  writeFileSync(path.join(npmDir, 'index.js'), `// Stance Matrix for bundlers: import { mount } from 'stance-matrix' (see README.md).
import init, * as bindings from './${stem}.js';
import wasm from './${stem}_bg.wasm';
import css from './${stylesheet[0]}';
import { provide } from './embed.js';
provide(async () => {
  await init({ module_or_path: new URL(wasm, import.meta.url) });
  return bindings;
}, new URL(css, import.meta.url).href);
export { mount } from './embed.js';
`);
  writeFileSync(path.join(npmDir, 'package.json'), `${JSON.stringify({
  name: 'stance-matrix',
  version,
  description: 'Where the parties to a negotiation stand on each issue: an embeddable, accessible matrix (<stance-matrix>, mount())',
  license: 'MIT',
  type: 'module',
  exports: {
    '.': { types: './index.d.ts', default: './index.js' },
    './embed.js': { types: './embed.d.ts', default: './embed.js' },
  },
  types: './index.d.ts',
  sideEffects: true,
  files: ['index.js', 'index.d.ts', 'embed.js', 'embed.d.ts', `${stem}.js`, `${stem}_bg.wasm`, stylesheet[0], 'README.md'],
}, null, 2)}\n`);
  writeFileSync(path.join(npmDir, 'README.md'), `# stance-matrix ${version}

\`<stance-matrix>\` and \`mount()\` for host pages: see the project's README, "Embedding".

With a bundler, \`import { mount } from 'stance-matrix'\` (this also defines \`<stance-matrix>\`). The
entry imports the WebAssembly and the stylesheet as files: the bundler copies them beside
its bundle. esbuild needs to be told so: \`--loader:.wasm=file --loader:.css=file\`.
Without a bundler, load \`stance-matrix/embed.js\` as a module: it finds its files beside it.
`);
  console.log(`post-build: npm package in ${npmDir} (stance-matrix ${version})`);
}

// 5. The first view in the HTML: a native build of this crate (feature ssr) renders it with
//    the same components, so the matrix is there before the wasm (src/prerender/mod.rs).
//    embed.html is the same page rendered without the page header, for iframes. With the
//    feature card it also draws the social card with resvg (src/share/card/, png.rs), which
//    no wasm carries. Built (debug) with the features scripts/build checks datasets with, so
//    the two share one build; cargo says where the binary is, wherever CARGO_TARGET_DIR puts it.
const prerender = buildBinary(['--offline', '--features', 'ssr,sheet,card', '--bin', 'prerender']);
const dataArgs = dataset ? ['--data', dataset] : [];
const url = process.env.STANCE_MATRIX_URL;
const urlArgs = url ? ['--url', url] : [];
run(prerender, [indexPath, ...dataArgs, ...urlArgs, '--embed', '-o', path.join(dir, 'embed.html')]);
run(prerender, [indexPath, ...dataArgs, ...urlArgs]);
console.log(`post-build: pre-rendered index.html and embed.html (${dataset ?? 'bundled dataset'})`);
run(prerender, ['--card', path.join(dir, 'card.png'), ...dataArgs, ...urlArgs]);
console.log(`post-build: card.png, the social card${url ? `, named in the pages' link preview at ${url}` : ' (no --url: the pages do not name it)'}`);
// The first view in each other language the widget speaks, for a reader who asks for one
// (?lang=, or the browser's language on a dataset that names none): web/boot.js fetches the
// file for the language the widget will speak, with its integrity hash, and shows it until the
// wasm takes over, so no reader waits for the wasm to see a matrix. The page names the files
// on boot.js's script tag (data-first-views: language → [address, integrity]).
const LANGUAGES = ['en', 'de', 'fr', 'uk', 'ru'];
// The messages of each language but English, which the readers' wasm carries alone (feature
// all-languages is off in its build: src/i18n): a small hashed file per language, which
// boot.js requests, with its integrity hash, beside the wasm for a reader in that language
// (the widget requests it itself when only the dataset tells). The pages name them on
// boot.js's script tag (data-languages: language → [address, integrity]).
const languageFiles = {};
for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
  const staged = path.join(dir, '.language.txt');
  run(prerender, ['--language', lang, '-o', staged]);
  const bytes = readFileSync(staged);
  const name = `language.${lang}.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.txt`;
  renameSync(staged, path.join(dir, name));
  languageFiles[lang] = [`./${name}`, sri(bytes)];
}
console.log(`post-build: the messages of ${Object.keys(languageFiles).join(', ')} as files of their own for the readers' wasm`);
for (const [page, pageArgs] of [['index.html', []], ['embed.html', ['--embed']]]) {
  const file = path.join(dir, page);
  const html = readFileSync(file, 'utf8');
  // The language the page's own first view speaks: the widget's root element's.
  const widgetTag = html.match(/<div [^>]*\bclass="sm-widget"[^>]*>/)?.[0];
  const own = widgetTag?.match(/ lang="([a-z]+)"/)?.[1];
  if (!own) throw new Error(`post-build: no pre-rendered widget with a lang in ${page}`);
  const views = {};
  for (const lang of LANGUAGES.filter((l) => l !== own)) {
    const staged = path.join(dir, '.first-view.html');
    run(prerender, ['--first-view', lang, ...dataArgs, ...pageArgs, '-o', staged]);
    const bytes = readFileSync(staged);
    const name = `first-view${pageArgs.length ? '-embed' : ''}.${lang}.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.html`;
    renameSync(staged, path.join(dir, name));
    views[lang] = [`./${name}`, sri(bytes)];
  }
  const named = html.replace(' src=./boot.js', ` data-first-views='${JSON.stringify(views)}' data-languages='${JSON.stringify(languageFiles)}' src=./boot.js`);
  if (named === html) throw new Error(`post-build: no boot.js script tag in ${page}`);
  writeFileSync(file, named);
}
console.log(`post-build: first views in ${LANGUAGES.length - 1} more languages for index.html and embed.html`);
// The embed code for this build (iframe and <stance-matrix>, its first view in a declarative
// shadow root): at the address the widget is published at (scripts/build --url), else with
// addresses relative to dist/ (right for a page beside it).
let folder = url || './';
if (!folder.endsWith('/')) folder += '/';
run(prerender, ['--embed-code', folder, '--css', stylesheet[0], ...dataArgs, '-o', path.join(dir, 'embed-code.html')]);
console.log(`post-build: embed-code.html for ${folder}`);

// 6. The check page (check.html): its own wasm, with the sheet reader (feature sheet), so the
//    readers' widget does not grow for it; the widget's stylesheet plus check.css.
const { stem: checkStem, size: checkSize } = buildBundle('check', 'check', 'sheet,ssr');
writeFileSync(path.join(dir, 'check-boot.js'), `import init from './${checkStem}.js';\ninit({ module_or_path: './${checkStem}_bg.wasm' });\n`);
writeFileSync(path.join(dir, 'check.css'), readFileSync('styles/check.css'));
writeFileSync(path.join(dir, 'check.html'), readFileSync('web/check.html', 'utf8').replace('__CSS__', `./${stylesheet[0]}`));
console.log(`post-build: check.html → ${checkStem} (${checkSize} bytes of wasm)`);

// Transfer: every file the widget's standalone page (bundled data) loads, raw and compressed,
// cross-checked against dist/, with the reference page's files for comparison; and its table.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { kb, mdTable, section } from './format.mjs';
import { BENCH_DIR, BUNDLED_FILE, log } from './options.mjs';
import { newInstrumentedPage, waitReady } from './page.mjs';

const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);

export async function measureTransfer({ opts, base, browser }) {
  log('transfer sizes');
  const transfer = [];
  {
    const { context, page, cdp, errors } = await newInstrumentedPage(browser, { disableCache: true });
    const pending = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(base)) return;
      pending.push(
        response.body().then(
          (body) => ({ url, status: response.status(), type: response.headers()['content-type'] ?? '', body }),
          () => ({ url, status: response.status(), type: '', body: Buffer.alloc(0) }),
        ),
      );
    });
    await page.goto(base + '/');
    await waitReady(page);
    await page.waitForLoadState('networkidle');
    for (const r of await Promise.all(pending)) {
      transfer.push({
        file: new URL(r.url).pathname.replace(/^\//, '') || 'index.html',
        status: r.status,
        type: r.type.split(';')[0],
        raw: r.body.length,
        gzip: gzipSync(r.body, { level: 9 }).length,
        brotli: brotliCompressSync(r.body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: r.body.length },
        }).length,
      });
    }
    if (errors.length) log(`widget page errors: ${errors.join('; ')}`);
    void cdp;
    await context.close();
  }
  const distFiles = readdirSync(opts.dist).filter((f) => statSync(path.join(opts.dist, f)).isFile());
  const loadedFiles = new Set(transfer.map((t) => t.file));
  const notLoaded = distFiles.filter((f) => !loadedFiles.has(f));
  const notInDist = [...loadedFiles].filter((f) => !distFiles.includes(f));
  for (const t of transfer) {
    const onDisk = path.join(opts.dist, t.file);
    if (existsSync(onDisk) && statSync(onDisk).size !== t.raw) {
      throw new Error(`transfer: ${t.file} is ${t.raw} bytes in the browser, ${statSync(onDisk).size} on disk`);
    }
  }
  const transferTotal = { raw: sum(transfer, 'raw'), gzip: sum(transfer, 'gzip'), brotli: sum(transfer, 'brotli') };

  // The reference page with the same (bundled) data, for comparison: html + js + the JSON.
  const compressed = (buffer) => ({
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  const refTransfer = ['reference.html', 'reference.js']
    .map((f) => ({ file: `bench/${f}`, ...compressed(readFileSync(path.join(BENCH_DIR, f))) }))
    .concat([{ file: `bench-data/${path.basename(BUNDLED_FILE)}`, ...compressed(readFileSync(BUNDLED_FILE)) }]);
  const refTotal = { raw: sum(refTransfer, 'raw'), gzip: sum(refTransfer, 'gzip'), brotli: sum(refTransfer, 'brotli') };
  return { transfer, transferTotal, refTotal, distFiles, notLoaded, notInDist };
}

export function transferSection({ transfer, transferTotal, refTotal, distFiles, notLoaded, notInDist }) {
  return section(
    'Transfer (widget standalone page, bundled data)',
    'Every response the page loads (`page.on(\'response\')`), sizes of the bodies as served; gzip is ' +
      '`zlib.gzipSync` level 9, brotli is `zlib.brotliCompressSync` quality 11. 1 kB = 1000 bytes.',
    mdTable(
      ['file', 'type', 'raw', 'gzip -9', 'brotli 11'],
      [
        ...transfer.map((t) => [`\`${t.file}\``, t.type, kb(t.raw), kb(t.gzip), kb(t.brotli)]),
        ['**total**', `${transfer.length} files`, `**${kb(transferTotal.raw)}**`, `**${kb(transferTotal.gzip)}**`, `**${kb(transferTotal.brotli)}**`],
        ['reference page for comparison', 'html + js + bundled JSON', kb(refTotal.raw), kb(refTotal.gzip), kb(refTotal.brotli)],
      ],
      ['', '', 'r', 'r', 'r'],
    ),
    `Cross-check with the \`dist/\` listing: ${distFiles.length} files in dist/, ${transfer.length} loaded; ` +
      `in dist/ but not loaded: ${notLoaded.length ? notLoaded.map((f) => `\`${f}\``).join(', ') : 'none'}; ` +
      `loaded but not in dist/: ${notInDist.length ? notInDist.map((f) => `\`${f}\``).join(', ') : 'none'}. ` +
      'Every loaded file has the same byte count as on disk. The widget carries the bundled dataset inside ' +
      'the wasm; the reference fetches it as JSON.',
  );
}

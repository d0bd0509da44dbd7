// Performance benchmark of the Stance Matrix widget against a plain-DOM reference page.
//
//   node bench/measure.mjs [--dist dist] [--data-dir target/bench-data] [--out BENCHMARKS.md]
//                          [--loads 20] [--reps 15] [--extra-loads 10] [--extra-reps 5] [--no-trace]
//                          [--lighthouse FILE] [--wasm-bytes FILE]
//
// Serves dist/ at /, bench/ at /bench/ and the datasets (the bundled one and the generated
// gen-*.json files in --data-dir) at /bench-data/, then drives headless Chromium
// (playwright-core, /usr/bin/chromium) through: transfer sizes, cold startup, the first row on
// a phone (Lighthouse's mobile profile), filter and party-toggle latency, memory, and a
// Chromium trace of the largest dataset. It prints one
// markdown table per section and writes them all to --out. See BENCHMARKS.md for the method.
// --lighthouse and --wasm-bytes add the figures that scripts/bench measures apart
// (bench/lighthouse/run.mjs, bench/wasm-bytes.mjs) as sections of their own.
//
// This file is the run's order only. The pieces: options.mjs (command line, paths, log),
// machine.mjs (build, machine, other work), datasets.mjs (datasets, server, page kinds),
// page.mjs (browser, in-page instrumentation, CDP), one module per measurement with its table
// (transfer, startup, phone, interactions with memory, time controls, trace), report.mjs (budgets, BENCHMARKS.md) and
// format.mjs (statistics and markdown).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPages, loadDatasets, serveBench } from './datasets.mjs';
import { interactionSections, measureInteractions, memorySection } from './interactions.mjs';
import { describeMachine, readBuildInfo, sampleContention } from './machine.mjs';
import { log, parseArgs } from './options.mjs';
import { launchBrowser } from './page.mjs';
import { measurePhone, phoneSection } from './phone.mjs';
import { budgetSection, lighthouseSection, readMeasured, wasmBytesSection, writeReport } from './report.mjs';
import { measureStartup, startupSection } from './startup.mjs';
import { measureTime, timeSection } from './time.mjs';
import { traceLargest, traceSection } from './trace.mjs';
import { measureTransfer, transferSection } from './transfer.mjs';

const opts = parseArgs(process.argv.slice(2));
const buildInfo = readBuildInfo();
const lighthouse = readMeasured(opts.lighthouse);
const wasmBytes = readMeasured(opts.wasmBytes);

if (!existsSync(path.join(opts.dist, 'index.html'))) {
  console.error(`bench: ${opts.dist}/index.html is missing; run trunk build --release first`);
  process.exit(1);
}
const DATASETS = loadDatasets(opts);
const server = await serveBench(opts, DATASETS);
const base = server.url.replace(/\/$/, '');
log(`serving ${opts.dist} at ${server.url} (datasets: ${DATASETS.map((d) => d.label).join(', ')})`);
const browser = await launchBrowser();
const sampler = sampleContention();

// Measure: the page kinds come from the widget's paging, seen when every dataset is checked.
const run = { opts, base, browser, DATASETS };
const pages = await checkPages(run);
const sizes = await measureTransfer(run);
const startup = await measureStartup(run, pages);
// The phone's loads go over an emulated mobile network: from a server that compresses, as a
// CDN would (the widget and the reference alike).
const gzipServer = await serveBench(opts, DATASETS, { compress: 'gzip' });
const phone = await measurePhone({ ...run, base: gzipServer.url.replace(/\/$/, '') }, pages);
await gzipServer.close();
const { interaction, memory } = await measureInteractions(run, pages);
const time = await measureTime(run);
const traces = opts.trace ? await traceLargest(run, pages) : {};

await browser.close();
await server.close();
sampler.stop();

// Report
const machine = describeMachine(buildInfo);
const sections = [
  transferSection(sizes),
  ...(wasmBytes ? [wasmBytesSection(wasmBytes)] : []),
  startupSection(run, pages, startup),
  phoneSection(phone),
  ...(lighthouse ? [lighthouseSection(lighthouse)] : []),
  ...interactionSections(run, pages, interaction),
  memorySection(run, pages, memory),
  timeSection(run, time),
  ...(opts.trace ? [traceSection(run, pages, traces)] : []),
  budgetSection(run, pages, { transferTotal: sizes.transferTotal, startup, interaction, phone, lighthouse }),
];
const { transfer, transferTotal, refTotal } = sizes;
const figures = { transfer, transferTotal, refTotal, startup, phone: { firstRow: phone.firstRow, fcp: phone.fcp, cls: phone.cls }, lighthouse, wasmBytes, interaction, memory, time, traces };
writeReport(run, pages, { machine, contention: sampler.contention, sections, figures });

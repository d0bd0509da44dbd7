// The report: the budgets (targets for the figures, checked against them), then BENCHMARKS.md,
// its header (machine, build, datasets, reference page, dataset check) followed by every
// section, and the raw figures as bench-results.json in the data directory. Also the sections
// of the figures measured apart by scripts/bench: Lighthouse (bench/lighthouse/run.mjs) and
// where the readers' wasm bytes go (bench/wasm-bytes.mjs).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kb, mb, median, mdTable, ms, ratio, section, times } from './format.mjs';
import { OP_LABEL, OPS } from './interactions.mjs';
import { elapsed, log, REPO_ROOT } from './options.mjs';

export function budgetSection({ DATASETS }, { pageSize, paged }, { transferTotal, startup, interaction, phone, lighthouse }) {
  const widgetGzip = transferTotal.gzip;
  const budgets = [];
  const budget = (name, measured, target, stretch, shown, fmt) => {
    budgets.push([
      name,
      shown,
      fmt(target),
      measured <= target ? '**PASS**' : '**MISS**',
      stretch === null ? '—' : `${fmt(stretch)}: ${measured <= stretch ? 'PASS' : 'MISS'}`,
    ]);
  };
  budget('total transfer, gzip (widget, bundled data)', widgetGzip, 130_000, 100_000, kb(widgetGzip), (x) => `≤ ${kb(x)}`);
  const wFirst = median(startup['widget/bundled'].firstRow);
  budget('first matrix row, median (widget, bundled data)', wFirst, 200, 100, ms(wFirst), (x) => `≤ ${x} ms`);
  const rFirst = median(startup['reference/bundled'].firstRow);
  const loop = ratio(wFirst, rFirst);
  budget('first matrix row, loopback, ours/reference (bundled data)', loop, 1.0, null, `${times(loop)} (${ms(wFirst)} vs ${ms(rFirst)})`, (x) => `≤ ${times(x)}`);
  if (phone) {
    const onPhone = ratio(median(phone.firstRow.widget), median(phone.firstRow.reference));
    const shown = `${times(onPhone)} (${ms(median(phone.firstRow.widget))} vs ${ms(median(phone.firstRow.reference))})`;
    budget('first matrix row, phone profile, ours/reference (bundled data)', onPhone, 1.0, null, shown, (x) => `≤ ${times(x)}`);
    const ready = ratio(median(phone.interactive.widget), median(phone.interactive.reference));
    const readyShown = `${times(ready)} (${ms(median(phone.interactive.widget))} vs ${ms(median(phone.interactive.reference))})`;
    budget('search box takes input, phone profile, ours/reference (bundled data)', ready, 2.0, 1.5, readyShown, (x) => `≤ ${times(x)}`);
    const shift = Math.max(...phone.cls.widget, ...phone.cls.embedded);
    budget('layout shift up to interactive, phone, standalone and embedded (worst load)', shift, 0.0099, null, shift.toFixed(4), () => '< 0.01');
  }
  if (lighthouse?.pages) budgets.push(...lighthouseBudgets(lighthouse).map((b) => [...b, '—']));
  const gen200 = DATASETS.find((d) => d.key === '200x10');
  if (gen200) {
    const n = median(interaction['widget/200x10'].results.narrow.map((y) => y.latency));
    budget('narrowing filter, median (widget, 200×10)', n, 16.7, null, ms(n), (x) => `≤ ${x} ms`);
  }
  for (const key of ['200x10', '1000x30']) {
    const d = DATASETS.find((x) => x.key === key);
    if (!d) continue;
    const series = (k) => ({
      first: startup[`${k}/${key}`]?.firstRow,
      inter: startup[`${k}/${key}`]?.interactive,
      ...Object.fromEntries(OPS.map((op) => [op, interaction[`${k}/${key}`]?.results[op].map((y) => y.latency)])),
    });
    const [w, r, f] = ['widget', 'reference', 'full'].map(series);
    for (const [what, k] of [['first row', 'first'], ['interactive', 'inter'], ...OPS.map((op) => [OP_LABEL[op], op])]) {
      const x = ratio(median(w[k]), median(r[k]));
      budgets.push([
        `ours/reference, ${what} (${d.label}), medians`,
        `${times(x)} (${ms(median(w[k]))} vs ${ms(median(r[k]))})`,
        '≤ 1.5×',
        x <= 1.5 ? '**PASS**' : '**MISS**',
        `< 1×: ${x < 1 ? 'PASS' : 'MISS'}`,
        f[k] ? `${times(ratio(median(w[k]), median(f[k])))} (${ms(median(f[k]))})` : '—',
      ]);
    }
  }
  for (const b of budgets) if (b.length === 5) b.push('');
  return section(
    'Budgets',
    'kB = 1000 bytes. The ratio budgets compare medians with the like-for-like reference' +
      (paged ? ` (same paging: ${pageSize} rows); the last column compares with the reference that renders every row, for information.` : '.'),
    mdTable(['budget', 'measured', 'target', 'result', 'stretch', 'ours/all-rows reference (info)'], budgets),
  );
}

/** `figures` are the measurements as written to bench-results.json, in that order. */
export function writeReport({ opts, DATASETS }, { validation, PAGES }, { machine, contention, sections, figures }) {
  const pct = (n) => `${Math.round((100 * n) / Math.max(1, contention.samples))} %`;
  const order = (list, x) => list.indexOf(x);
  validation.sort(
    (a, b) =>
      order(DATASETS.map((d) => d.label), a[0]) - order(DATASETS.map((d) => d.label), b[0]) ||
      order(PAGES.map((p) => p.label), a[1]) - order(PAGES.map((p) => p.label), b[1]),
  );
  const header = `# Benchmarks

Generated by \`scripts/bench\` (\`bench/measure.mjs\`); do not edit by hand, run the script again.

- **Date:** ${machine.date}
- **Machine:** \`${machine.uname}\`
- **CPU:** ${machine.cpu}, ${machine.cores} cores
- **Other work on the machine** (sampled every 2 s): another build (cargo, rustc or trunk) during
  ${pct(contention.builds)} of the run, a fuzzer during ${pct(contention.fuzzer)}; 1-minute load average
  median ${median(contention.load).toFixed(2)}, max ${Math.max(...contention.load, 0).toFixed(2)} (this counts the benchmark's own
  browser and server too). Single figures are noisy on a shared 2-core machine; the widget and the
  reference ran interleaved, under the same conditions, so compare them with each other.
- **Browser:** ${machine.browser}, headless, via playwright-core, viewport 1280×800
- **Node:** ${machine.node}
- **Build:** \`trunk build --release\` at commit ${machine.commit}${machine.dirty ? ` plus ${machine.dirty} uncommitted file(s) in the build inputs (src/, styles/, …)` : ''}, served from \`${path.relative(REPO_ROOT, opts.dist)}/\`${path.basename(opts.dist) === 'bench-dist' ? ' (scripts/bench copies dist/ there right after its build, so builds by others during the run do not change what is measured)' : ''}
- **Datasets:** ${DATASETS.map((d) => `${d.label} (${mb(d.bytes)} JSON)`).join(', ')}; the generated ones come from
  \`bench/generate.mjs\` (seeded, ~85 % of cells stated, history on ~6 %, 3–10 sources).
- **Reference:** \`bench/reference.html\` + \`bench/reference.js\`, a hand-written plain-DOM page (no
  framework, benchmark-only) rendering the same table shape with the same ids; filtering rebuilds
  the tbody rows from the filtered list, a party toggle rebuilds header and rows and recomputes the
  status over the visible parties. Its search covers title, description, category and summaries
  (as the widget's does) but only lower-cases (the widget also folds diacritics).

## Dataset check

Each dataset loaded once in every page before measuring: \`data-state\` must be \`ready\` and every issue a row (up to the page size).

${mdTable(['dataset', 'page', 'data-state', 'rows', 'count text', 'show more'], validation)}
`;
  writeFileSync(opts.out, header + '\n' + sections.join('\n'));
  writeFileSync(path.join(opts.dataDir, 'bench-results.json'), JSON.stringify({ machine, ...figures }, null, 1));
  log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out} in ${elapsed().toFixed(0)} s`);
}

// --- Lighthouse (bench/lighthouse/run.mjs) ------------------------------------------------------

/** The issue's budgets for a phone: Lighthouse's score, total blocking time, and the largest
 *  paint no later than 1.1 × the first (the matrix is on screen with the first paint). */
export const LIGHTHOUSE_BUDGET = { score: 95, tbt: 150, lcpOverFcp: 1.1 };
const pass = (ok) => (ok ? '**PASS**' : '**MISS**');
const lcpHeld = (run) => run.lcp <= LIGHTHOUSE_BUDGET.lcpOverFcp * run.fcp;

/** Figures written by a separate step (--lighthouse, --wasm-bytes): null when not asked for,
 *  { missing } when that step did not run or failed. */
export function readMeasured(file) {
  if (!file) return null;
  if (!existsSync(file)) return { missing: path.relative(REPO_ROOT, file) };
  return JSON.parse(readFileSync(file, 'utf8'));
}

function lighthousePage(p) {
  const m = (key) => median(p.runs.map((r) => r[key]));
  const held = p.runs.filter(lcpHeld).length;
  return { score: m('score'), fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), tti: m('tti'), bytes: m('bytes'), held, worst: Math.max(...p.runs.map((r) => r.lcp / r.fcp)) };
}

/** Budget rows (budget, measured, target, result, stretch), over the three pages. */
function lighthouseBudgets(lh) {
  const pages = lh.pages.map((p) => ({ ...p, m: lighthousePage(p) }));
  const low = pages.reduce((a, b) => (b.m.score < a.m.score ? b : a));
  const slow = pages.reduce((a, b) => (b.m.tbt > a.m.tbt ? b : a));
  const runs = pages.reduce((n, p) => n + p.runs.length, 0);
  const held = pages.reduce((n, p) => n + p.m.held, 0);
  const worst = Math.max(...pages.map((p) => p.m.worst));
  return [
    [`Lighthouse performance score, mobile, median of ${lh.runs} (lowest of ${pages.length} pages)`, `${low.m.score} (${low.key})`, `≥ ${LIGHTHOUSE_BUDGET.score}`, pass(low.m.score >= LIGHTHOUSE_BUDGET.score), '—'],
    [`Lighthouse total blocking time, mobile, median of ${lh.runs} (highest of ${pages.length} pages)`, `${ms(slow.m.tbt)} (${slow.key})`, `≤ ${LIGHTHOUSE_BUDGET.tbt} ms`, pass(slow.m.tbt <= LIGHTHOUSE_BUDGET.tbt), '—'],
    [`Lighthouse largest contentful paint ≤ ${LIGHTHOUSE_BUDGET.lcpOverFcp} × first, every run of every page`, `${held} of ${runs} runs (worst ${times(worst)})`, `every run`, pass(held === runs), '—'],
  ];
}

export function lighthouseSection(lh) {
  const title = 'Lighthouse on a phone';
  if (lh.missing) {
    return section(title, `Not measured in this run: no \`${lh.missing}\` (\`scripts/bench --no-lighthouse\`, or Lighthouse failed: see the run's log).`, '');
  }
  const rows = lh.pages.map((p) => {
    const m = lighthousePage(p);
    return [
      p.label,
      String(p.runs.length),
      String(m.score),
      ms(m.fcp),
      ms(m.lcp),
      ms(m.tbt),
      ms(m.tti),
      kb(m.bytes),
      `${m.held} of ${p.runs.length} (worst ${times(m.worst)})`,
      pass(m.score >= LIGHTHOUSE_BUDGET.score),
      pass(m.tbt <= LIGHTHOUSE_BUDGET.tbt),
      pass(m.held === p.runs.length),
    ];
  });
  const t = lh.throttling ?? {};
  const chromium = lh.chromium ?? (lh.userAgent ?? '').match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
  const screen = lh.screen ?? {};
  const lcpElements = lh.pages.map((p) => {
    const seen = new Map();
    for (const r of p.runs) seen.set(r.lcpElement, (seen.get(r.lcpElement) ?? 0) + 1);
    const [element] = [...seen].sort((a, b) => b[1] - a[1])[0] ?? [];
    const candidates = median(p.runs.map((r) => r.lcpCandidates ?? NaN));
    const shown = element ? `\`${element.replace(/`/g, "'").replace(/\|/g, '\\|')}\`` : 'not named';
    return `${p.key}: ${shown}${Number.isFinite(candidates) ? `, candidate ${candidates} of the load (median)` : ''}`;
  });
  const lcpErrors = [...new Set(lh.pages.flatMap((p) => p.runs.map((r) => r.lcpError).filter(Boolean)))];
  const warnings = [...new Set(lh.pages.flatMap((p) => p.runs.flatMap((r) => r.warnings ?? [])))];
  return section(
    title,
    `Lighthouse ${lh.lighthouse} (npm, pinned in \`bench/lighthouse/package.json\`), performance category, its default ` +
      `${lh.formFactor} preset: a ${screen.width ?? '?'} × ${screen.height ?? '?'} screen at ${screen.deviceScaleFactor ?? '?'}×, ` +
      `${lh.throttlingMethod === 'simulate' ? 'simulated' : lh.throttlingMethod} throttling (${t.rttMs} ms round trip, ` +
      `${((t.throughputKbps ?? NaN) / 1000).toFixed(1)} Mbit/s down, CPU ${t.cpuSlowdownMultiplier}× slower), which Lighthouse ` +
      `computes from an unthrottled load on loopback. Debian's ${chromium}, a fresh one with a fresh profile for every run ` +
      `(\`${(lh.chromeFlags ?? []).join(' ')}\`); \`${lh.dist}/\` served by \`scripts/static-server.mjs\` with ${lh.compression}, as a CDN would. ` +
      `${lh.runs} run(s) per page, the pages interleaved; each figure is the median of its own runs. **Transfer** is Lighthouse's ` +
      'total byte weight (compressed, as sent); **TTI** its time to interactive (no longer in the score). Budgets from the issue ' +
      `"Usable on a phone as soon as it is visible": score ≥ ${LIGHTHOUSE_BUDGET.score}, total blocking time ≤ ${LIGHTHOUSE_BUDGET.tbt} ms ` +
      `(medians), largest contentful paint ≤ ${LIGHTHOUSE_BUDGET.lcpOverFcp} × first contentful paint in every run. ` +
      `The Lighthouse part took ${Math.round(lh.seconds)} s.`,
    mdTable(
      ['page', 'runs', 'score', 'FCP', 'LCP', 'TBT', 'TTI', 'transfer', 'LCP ≤ 1.1 × FCP (runs)', 'score ≥ 95', 'TBT ≤ 150 ms', 'LCP ≤ 1.1 × FCP, every run'],
      rows,
      ['', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    `Largest contentful paint element (the trace's last candidate, most runs): ${lcpElements.join('; ')}` +
      (lcpErrors.length ? ` (Lighthouse could not name it: ${lcpErrors.map((e) => `"${e.split('\n')[0]}"`).join('; ')})` : '') + '. ' +
      'Observed on loopback, before the simulation, medians: ' +
      lh.pages.map((p) => `${p.key} FCP ${ms(median(p.runs.map((r) => r.observedFcp)))}, LCP ${ms(median(p.runs.map((r) => r.observedLcp)))}`).join('; ') +
      ' (the simulated LCP waits for every request that ended before the observed LCP, the FCP only for the render-blocking ' +
      'ones: when the observed paint comes after the wasm has arrived, the simulated LCP includes its download). ' +
      `Lighthouse's CPU benchmark index on this machine, median: ${median(lh.pages.flatMap((p) => p.runs.map((r) => r.benchmarkIndex))).toFixed(0)}.` +
      (warnings.length ? ` Lighthouse's warnings: ${warnings.map((w) => `"${w}"`).join('; ')}.` : ''),
  );
}

// --- the readers' wasm by item (bench/wasm-bytes.mjs) ----------------------------------------

const code = (text) => `\`${String(text).replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\s+/g, ' ')}\``;

// The same tables from an earlier build, for comparison (the issue asks for both).
const BEFORE = path.join(REPO_ROOT, 'bench', 'wasm-bytes-before.md');

export function wasmBytesSection(wb) {
  const title = "Where the readers' wasm bytes go";
  if (wb.missing) return section(title, `Not measured in this run: no \`${wb.missing}\` (see the run's log).`, '');
  const pct = (n) => `${((100 * n) / wb.bytes).toFixed(1)} %`;
  const rows = wb.top.map((x, i) => [
    String(i + 1),
    code(x.name),
    String(x.shallow),
    pct(x.shallow),
    x.retained === null ? '—' : String(x.retained),
    x.text ? `text: ${code(x.text)}` : x.keeps ? `keeps ${code(x.keeps)}` : '',
  ]);
  const shown = 12;
  const crates = wb.byCrate.slice(0, shown).map((c) => [c.crate, String(c.bytes), pct(c.bytes)]);
  const rest = wb.byCrate.slice(shown).reduce((n, c) => n + c.bytes, 0);
  if (rest) crates.push([`${wb.byCrate.length - shown} more`, String(rest), pct(rest)]);
  return section(
    title,
    `The readers' wasm, \`${wb.wasm}\` (the one \`index.html\` and \`embed.html\` load; \`embed.js\` and the check page have their own): ` +
      `${wb.bytes} bytes, **${kb(wb.gzip)} gzip -9**. Measured build: dist's wasm itself, named. wasm-opt \`${wb.wasmOpt}\` ` +
      `(index.html's options for Trunk, plus \`--symbolmap\`) was run again on Trunk's wasm-bindgen output, \`${wb.source}\`, ` +
      `gave dist's wasm byte for byte, and its map of ${wb.functions} function names was put into a name section on a copy ` +
      `(\`target/bench-data/wasm-bytes/readers-named.wasm\`; the name section is not counted). ${wb.twiggy}, \`top -n ${wb.top.length}\`: ` +
      'shallow is the item\'s own bytes, retained what goes with it (what only it keeps alive), before compression; names without ' +
      'their hashes. Yew makes one `CompStateInner<COMP>::view` per component, all with one name: the last column gives the ' +
      'largest of our own functions it alone keeps, which tells the component, and for a data segment its longest text.',
    mdTable(['#', 'item', 'shallow bytes', 'of the wasm', 'retained bytes', 'what it is'], rows, ['r', '', 'r', 'r', 'r', '']),
    `By crate (every item, shallow bytes, by the first path segment of its name):\n\n` +
      mdTable(['crate or kind', 'bytes', 'of the wasm'], crates, ['', 'r', 'r']) +
      (existsSync(BEFORE) ? `\n\n### Before\n\n${readFileSync(BEFORE, 'utf8').trim()}` : ''),
  );
}

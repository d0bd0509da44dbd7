// Interactions and memory, measured on one loaded page per page kind and dataset: filter
// (narrowing, restoring) and party-toggle (hide, show) latency with its breakdown, and the
// memory after load; and their tables.

import { mb, median, mdTable, ms, p95, ratio, section, times } from './format.mjs';
import { MARKER } from './generate.mjs';
import { log } from './options.mjs';
import { metricsOf, newInstrumentedPage, pageOperation, rowInfo, waitReady } from './page.mjs';

export const OPS = ['narrow', 'restore', 'hide', 'show'];
export const OP_LABEL = {
  narrow: 'filter: narrowing (all → few)',
  restore: 'filter: restoring (few → all)',
  hide: 'party: hide one column',
  show: 'party: show it again',
};

export async function measureInteractions({ opts, base, browser, DATASETS }, { pagesFor, checkRows }) {
  const interaction = {};
  const memory = {};
  for (const d of DATASETS) {
    for (const p of pagesFor(d)) {
      log(`interactions: ${p.key} ${d.label}`);
      const { context, page, cdp, errors } = await newInstrumentedPage(browser);
      await page.goto(base + p.url(d));
      await waitReady(page);
      checkRows(p, d, await page.evaluate(rowInfo));
      await page.evaluate(`window.__benchOp = ${pageOperation.toString()}`);
      await cdp.send('Performance.enable');

      // Memory after load, after a full garbage collection.
      await page.waitForTimeout(200);
      await cdp.send('HeapProfiler.collectGarbage');
      memory[`${p.key}/${d.key}`] = await page.evaluate(() => ({
        jsHeap: performance.memory.usedJSHeapSize,
        wasm: window.__benchWasm.reduce((n, i) => n + (i?.exports?.memory?.buffer?.byteLength ?? 0), 0),
        instances: window.__benchWasm.length,
        nodes: document.getElementsByTagName('*').length,
      }));

      const results = Object.fromEntries(OPS.map((op) => [op, []]));
      const first = {};
      const run = async (op) => {
        const arg =
          op === 'narrow' ? { action: 'query', value: d.query }
          : op === 'restore' ? { action: 'query', value: '' }
          : { action: 'toggle', party: d.toggleParty };
        const before = await metricsOf(cdp);
        const r = await page.evaluate((a) => window.__benchOp(a), arg);
        const after = await metricsOf(cdp);
        for (const k of ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration']) {
          r[k] = (after[k] - before[k]) * 1000;
        }
        const expectRows = Math.min(op === 'narrow' ? d.expectedMatches : d.issues, p.limit(d));
        if (r.rows !== expectRows) throw new Error(`${p.key} ${d.label} ${op}: ${r.rows} rows, expected ${expectRows}`);
        if (r.latency === null) throw new Error(`${p.key} ${d.label} ${op}: no mutation observed`);
        return r;
      };
      // The first round after load (cold) is reported apart and not in the statistics. The
      // all-rows reference (for information only) gets fewer repetitions.
      const reps = p.key === 'full' ? Math.min(opts.reps, opts.extraReps) : opts.reps;
      for (let rep = -1; rep < reps; rep++) {
        for (const op of ['narrow', 'restore']) {
          const r = await run(op);
          if (rep < 0) first[op] = r;
          else results[op].push(r);
        }
      }
      for (let rep = -1; rep < reps; rep++) {
        for (const op of ['hide', 'show']) {
          const r = await run(op);
          if (rep < 0) first[op] = r;
          else results[op].push(r);
        }
      }
      if (errors.length) log(`${p.key} ${d.label}: page errors: ${errors.join('; ')}`);
      interaction[`${p.key}/${d.key}`] = { results, first };
      await context.close();
    }
  }
  return { interaction, memory };
}

/** The latency table and the table of where its time goes. */
export function interactionSections({ opts, DATASETS }, { pageSize, paged, pagesFor }, interaction) {
  const sections = [];
  const interactionRows = [];
  const breakdownRows = [];
  const lat = (x, op) => x.results[op].map((y) => y.latency);
  for (const d of DATASETS) {
    for (const op of OPS) {
      const w = interaction[`widget/${d.key}`];
      const r = interaction[`reference/${d.key}`];
      const f = interaction[`full/${d.key}`];
      interactionRows.push([
        d.label,
        OP_LABEL[op],
        String(w.results[op][0].rows),
        ms(median(lat(w, op))),
        ms(p95(lat(w, op))),
        ms(w.first[op].latency),
        ms(median(lat(r, op))),
        ms(p95(lat(r, op))),
        ms(r.first[op].latency),
        times(ratio(median(lat(w, op)), median(lat(r, op)))),
        f ? `${ms(median(lat(f, op)))} (${f.results[op][0].rows} rows)` : '—',
        f ? times(ratio(median(lat(w, op)), median(lat(f, op)))) : '—',
      ]);
      for (const p of pagesFor(d)) {
        const x = interaction[`${p.key}/${d.key}`];
        const col = (k) => median(x.results[op].map((y) => y[k]));
        breakdownRows.push([
          d.label,
          OP_LABEL[op],
          p.label,
          ms(col('latency')),
          ms(col('script')),
          ms(col('layout')),
          String(Math.round(col('callbacks'))),
          ms(col('ScriptDuration')),
          ms(col('RecalcStyleDuration')),
          ms(col('LayoutDuration')),
          ms(col('TaskDuration')),
        ]);
      }
    }
  }
  sections.push(section(
    'Filter and party-toggle latency',
    `${opts.reps} repetitions of each operation per page and dataset (${Math.min(opts.reps, opts.extraReps)} for the all-rows reference), after one cold round right after ` +
      'load (column "1st", not in the statistics). Narrowing types the query ' +
      `("crimea" on the bundled data, "${MARKER}" on the generated ones, in ~10 % of titles) by setting ` +
      '`#sm-q`\'s value and dispatching an `input` event; restoring sets it back to "". Hide/show clicks ' +
      'the first party\'s checkbox (with all issues shown). `performance.now()` is taken just before the ' +
      'dispatch; a MutationObserver on the table (subtree, childList, attributes, characterData) forces ' +
      'style and layout in each callback (`document.body.getBoundingClientRect()`, `offsetHeight`) and ' +
      'records the time after it. **Latency = last callback\'s time − dispatch time.** The end of an ' +
      'operation is decided by a double `requestAnimationFrame` plus an idle callback with no further ' +
      'mutation (only to know it is over; the measured end is the last forced layout, never a frame). ' +
      '"rows after" is the widget\'s row count after the operation.' + (paged ? ` "reference" pages its rows like the widget (${pageSize} rows); "all rows" renders every matching row.` : ''),
    mdTable(
      ['dataset', 'operation', 'rows after', 'widget median', 'p95', '1st', 'reference median', 'p95', '1st', 'ours/ref', 'reference, all rows: median', 'ours/all-rows ref'],
      interactionRows,
      ['', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ));
  sections.push(section(
    'Where the interaction time goes',
    'Medians over the same repetitions. **Until first callback**: dispatch → first MutationObserver ' +
      'callback, i.e. the script work (event handler, framework and diffing, DOM calls) before the DOM ' +
      'settles. **Forced style+layout**: time spent inside the observer callbacks forcing style and ' +
      'layout. The last four columns are DevTools `Performance.getMetrics` deltas around the whole ' +
      'operation, including the wait for its end (idle) and the observer itself.',
    mdTable(
      ['dataset', 'operation', 'page', 'latency', 'until first callback', 'forced style+layout', 'callbacks', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration'],
      breakdownRows,
      ['', '', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ));
  return sections;
}

export function memorySection({ DATASETS }, { pagesFor }, memory) {
  const memoryRows = [];
  for (const d of DATASETS) {
    const w = memory[`widget/${d.key}`];
    for (const p of pagesFor(d)) {
      const m = memory[`${p.key}/${d.key}`];
      const own = p.key === 'widget';
      memoryRows.push([
        d.label,
        p.label,
        mb(d.bytes),
        mb(m.jsHeap),
        own ? mb(m.wasm) : '—',
        mb(m.jsHeap + m.wasm),
        String(m.nodes),
        own ? '' : times(ratio(w.jsHeap + w.wasm, m.jsHeap + m.wasm)),
      ]);
    }
  }
  return section(
    'Memory after load',
    'After the page is interactive and a full garbage collection (DevTools `HeapProfiler.collectGarbage`): ' +
      '`performance.memory.usedJSHeapSize` (Chromium with `--enable-precise-memory-info`) and the wasm ' +
      'linear memory, `exports.memory.buffer.byteLength` of the instance captured by wrapping ' +
      '`WebAssembly.instantiate`/`instantiateStreaming` in an init script. Linear memory never shrinks, so ' +
      'it is the high-water mark of the Rust heap, not what is live. DOM elements: ' +
      '`document.getElementsByTagName(\'*\').length`.',
    mdTable(
      ['dataset', 'page', 'JSON size', 'JS heap', 'wasm memory', 'JS heap + wasm', 'DOM elements', 'ours/this (JS heap + wasm)'],
      memoryRows,
      ['', '', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
}

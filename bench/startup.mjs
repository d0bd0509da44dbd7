// Startup: cold loads of every page kind and dataset (fresh context, cache disabled, pages
// interleaved), timing the dataset's arrival, the first row, ready and interactive; and its table.

import { median, mdTable, ms, p95, ratio, section, times } from './format.mjs';
import { log } from './options.mjs';
import { newInstrumentedPage, waitReady } from './page.mjs';

export async function measureStartup({ opts, base, browser, DATASETS }, { pagesFor }) {
  log(`startup: ${opts.loads} cold loads per page and dataset`);
  const startup = {};
  for (const d of DATASETS) {
    const pages = pagesFor(d);
    for (const p of pages) startup[`${p.key}/${d.key}`] = { dataLoaded: [], firstRow: [], ready: [], interactive: [] };
    for (let n = 0; n < opts.loads; n++) {
      // Rotate the order, so no page is always the first after another's load. The all-rows
      // reference (for information only) gets fewer loads.
      const now = pages.filter((p) => p.key !== 'full' || n < opts.extraLoads);
      for (const p of now.slice(n % now.length).concat(now.slice(0, n % now.length))) {
        const { context, page } = await newInstrumentedPage(browser, { disableCache: true });
        await page.goto(base + p.url(d), { waitUntil: 'commit' });
        const marks = await waitReady(page);
        await context.close();
        for (const k of ['dataLoaded', 'firstRow', 'ready', 'interactive']) startup[`${p.key}/${d.key}`][k].push(marks[k]);
      }
    }
    log(`startup ${d.label}: widget first row ${ms(median(startup[`widget/${d.key}`].firstRow))}, ` +
      `reference ${ms(median(startup[`reference/${d.key}`].firstRow))}`);
  }
  return startup;
}

export function startupSection({ opts, DATASETS }, { pageSize, paged, pagesFor }, startup) {
  const startupRows = [];
  for (const d of DATASETS) {
    const w = startup[`widget/${d.key}`];
    for (const p of pagesFor(d)) {
      const s = startup[`${p.key}/${d.key}`];
      const own = p.key === 'widget';
      startupRows.push([
        d.label,
        p.label,
        String(s.firstRow.length),
        s.dataLoaded.some(Number.isFinite) ? ms(median(s.dataLoaded)) : 'in wasm',
        ms(median(s.firstRow)),
        ms(p95(s.firstRow)),
        ms(median(s.ready)),
        ms(median(s.interactive)),
        ms(p95(s.interactive)),
        own ? '' : times(ratio(median(w.firstRow), median(s.firstRow))),
        own ? '' : times(ratio(median(w.interactive), median(s.interactive))),
      ]);
    }
  }
  const pagingNote = paged
    ? `The widget renders long matrices a page of rows at a time, fewer rows the more parties there are ` +
      `(here ${pageSize}; a "Show more" button adds the next). "reference (same pages)" does the same and is the like-for-like comparison ` +
      'used for the ratio budgets; "reference (all rows)" renders every matching row, one row per issue, ' +
      `and shows what paging saves. On the bundled data (${DATASETS[0].issues} issues) they are the same page.`
    : 'The widget renders every row, as does the reference.';
  return section(
    'Startup (cold loads)',
    `${opts.loads} cold loads per page and dataset (${opts.extraLoads} for the all-rows reference), each in a fresh browser context with the cache ` +
      'disabled (DevTools `Network.setCacheDisabled`), pages interleaved. Times are ' +
      '`performance.now()` (ms since navigation start) in a MutationObserver installed with ' +
      '`page.addInitScript`. **First row**: the first `table[data-testid="matrix"] tbody tr[data-issue]:not([hidden])` ' +
      'in the DOM (script time; its layout comes after). **Ready**: the first observer callback in ' +
      'which `main#stance-matrix` has `data-state="ready"` and `input#sm-q` exists and is not ' +
      'disabled. **Interactive** (the definition used here): ready, then the next frame has been ' +
      'rendered and the main thread is free: the time at which a `setTimeout(0)` posted from the ' +
      'first `requestAnimationFrame` after ready runs. It includes the style and layout of what is ' +
      'shown (the widget sets ready after its first frame, the reference before it) plus up to one ' +
      'frame of vsync wait. **Dataset received**: median `responseEnd` of the dataset request ' +
      '(Resource Timing). The widget loads the bundled ' +
      'data from its wasm and the others with `?data=/bench-data/…`; the reference always fetches. ' +
      'The ratio columns are widget median ÷ that page\'s median.\n\n' + pagingNote,
    mdTable(
      ['dataset', 'page', 'loads', 'dataset received', 'first row median', 'p95', 'ready median', 'interactive median', 'p95', 'first row ours/this', 'interactive ours/this'],
      startupRows,
      ['', '', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
}

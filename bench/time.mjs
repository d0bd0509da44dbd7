// Time controls (issue 15), on the widget page of each dataset: moving the "As of" slider to
// a date in the middle of the talks and back to the latest, and turning "Changed since" on
// (the earliest date, the most marks) and off. Latency from the input event to the end of the
// last DOM change with its layout, as for the filters (page.mjs, `pageOperation`).

import { median, mdTable, ms, p95, section } from './format.mjs';
import { log } from './options.mjs';
import { newInstrumentedPage, pageOperation, waitReady } from './page.mjs';

export const TIME_OPS = ['asof-middle', 'asof-latest', 'since-on', 'since-off'];
const LABEL = {
  'asof-middle': 'As of: latest → a middle date',
  'asof-latest': 'As of: back to the latest',
  'since-on': 'Changed since: the earliest date',
  'since-off': 'Changed since: off',
};

export async function measureTime({ opts, base, browser, DATASETS }) {
  const out = {};
  for (const d of DATASETS) {
    log(`time controls: ${d.label}`);
    const { context, page } = await newInstrumentedPage(browser);
    await page.goto(base + d.widget);
    await waitReady(page);
    await page.evaluate(`window.__benchOp = ${pageOperation.toString()}`);
    const last = Number(await page.getAttribute('[data-testid="asof"]', 'max'));
    const args = {
      'asof-middle': { action: 'asof', value: Math.floor(last / 2) },
      'asof-latest': { action: 'asof', value: last },
      'since-on': { action: 'since', value: 1 },
      'since-off': { action: 'since', value: 0 },
    };
    const results = Object.fromEntries(TIME_OPS.map((op) => [op, []]));
    for (let rep = 0; rep < opts.reps + 1; rep++) {
      for (const op of TIME_OPS) {
        const r = await page.evaluate((a) => window.__benchOp(a), args[op]);
        if (r.latency === null) throw new Error(`${d.label} ${op}: no change observed`);
        if (rep > 0) results[op].push(r.latency); // the first round warms up
      }
    }
    out[d.key] = { stops: last + 1, results };
    await context.close();
  }
  return out;
}

export function timeSection(run, time) {
  const rows = run.DATASETS.flatMap((d) =>
    TIME_OPS.map((op) => [d.label, String(time[d.key].stops), LABEL[op], ms(median(time[d.key].results[op])), ms(p95(time[d.key].results[op]))]),
  );
  return section(
    'Time controls: As of and Changed since',
    'The widget page of each dataset (the bundled one, and the generated ones through `?data=`); no plain-page reference exists for these. ' +
      'Moving "As of" rebuilds the dataset as of that date (`Dataset::until`), its analysis and the rows; "Changed since" compares two such views cell by cell.',
    mdTable(['dataset', 'stops', 'operation', 'median', 'p95'], rows, ['', 'r', '', 'r', 'r']),
  );
}

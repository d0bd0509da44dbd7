// Where the time goes: a Chromium trace of the largest dataset (a cold load and a restoring
// filter per page kind), self time per event on the page's main thread grouped by kind; and its
// table.

import { mdTable, ms, section } from './format.mjs';
import { log } from './options.mjs';
import { newInstrumentedPage, pageOperation, waitReady } from './page.mjs';

// The renderer main thread of our page: the CrRendererMain thread whose events mention `url`
// (navigation, requests), else the busiest one. Returns "pid:tid".
function pageThread(events, url) {
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  }
  const busy = new Map();
  let byUrl = null;
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    if (e.ph === 'X') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
    if (!byUrl && e.args && JSON.stringify(e.args).includes(url)) byUrl = key;
  }
  return byUrl ?? [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const TRACE_BUCKETS = [
  ['style', /recalcStyle|rebuildLayoutTree|UpdateLayoutTree|RecalculateStyles|Style|CSSParser|StyleSheet/],
  ['layout', /Layout|Shape|InlineNode|LayoutText/],
  ['paint, composite', /Paint|Composit|Layerize|Raster|PrePaint|Commit|UpdateLayer|CompositingInputs/],
  ['garbage collection', /GC|Gc|Sweep|Scavenge|MarkCompact|Heap/],
  ['HTML parsing', /ParseHTML|HTMLDocumentParser|Tokenizer/],
  ['compile (JS, wasm)', /[Cc]ompile|[Ww]asm|Streaming|v8\.parse|ParseScript|ParseFunction/],
  ['script (JS + wasm)', /FunctionCall|EvaluateScript|evaluateModule|v8|V8|Microtask|EventDispatch|TimerFire|AnimationFrame|callFunction|ScriptEvaluation|MutationObserver|AsyncTask Run/],
];
const bucketOf = (name) => TRACE_BUCKETS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/** Self time per event name and per bucket on the page's main thread, in ms. */
function summariseTrace(buffer, thread) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const main = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && `${e.pid}:${e.tid}` === thread)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: an event's duration minus that of the events nested directly in it.
  const nodes = [];
  const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const node = { name: e.name, end: e.ts + e.dur, self: e.dur };
    const parent = stack[stack.length - 1];
    if (parent && node.end <= parent.end) parent.self -= e.dur;
    stack.push(node);
    nodes.push(node);
  }
  const self = new Map();
  for (const n of nodes) self.set(n.name, (self.get(n.name) ?? 0) + Math.max(0, n.self));
  const buckets = {};
  let total = 0;
  for (const [name, us] of self) {
    const b = bucketOf(name);
    buckets[b] = (buckets[b] ?? 0) + us / 1000;
    total += us / 1000;
  }
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`);
  return { buckets, total, top };
}

const largestOf = (DATASETS) => DATASETS[DATASETS.length - 1];

export async function traceLargest({ base, browser, DATASETS }, { pagesFor }) {
  const traces = {};
  const largest = largestOf(DATASETS);
  log(`trace: ${largest.label}`);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', 'disabled-by-default-v8.gc'];
  for (const p of pagesFor(largest)) {
    const { context, page } = await newInstrumentedPage(browser, { disableCache: true });
    await browser.startTracing(page, { categories });
    await page.goto(base + p.url(largest), { waitUntil: 'commit' });
    await waitReady(page);
    const startTrace = await browser.stopTracing();
    const thread = pageThread(JSON.parse(startTrace.toString()).traceEvents ?? [], base);
    const startupTrace = summariseTrace(startTrace, thread);
    await page.evaluate(`window.__benchOp = ${pageOperation.toString()}`);
    await page.evaluate((q) => window.__benchOp({ action: 'query', value: q }), largest.query);
    await page.waitForTimeout(100);
    await browser.startTracing(page, { categories });
    const restore = await page.evaluate(() => window.__benchOp({ action: 'query', value: '' }));
    const restoreTrace = summariseTrace(await browser.stopTracing(), thread);
    traces[p.key] = { startup: startupTrace, restore: restoreTrace, restoreLatency: restore.latency };
    await context.close();
  }
  return traces;
}

export function traceSection({ DATASETS }, { pagesFor }, traces) {
  const largest = largestOf(DATASETS);
  const bucketNames = ['script (JS + wasm)', 'compile (JS, wasm)', 'garbage collection', 'style', 'layout', 'paint, composite', 'HTML parsing', 'other'];
  const bucketHeads = bucketNames.map((b) => (b === 'other' ? 'other (loading, IPC, scheduler)' : b));
  const rows = [];
  const tops = [];
  for (const p of pagesFor(largest)) {
    for (const phase of ['startup', 'restore']) {
      const t = traces[p.key][phase];
      rows.push([p.label, phase === 'startup' ? 'cold load to interactive' : 'restoring filter (few → all)', ...bucketNames.map((b) => ms(t.buckets[b] ?? 0)), ms(t.total)]);
      tops.push(`- ${p.label}, ${phase}: ${t.top.join('; ')} (ms)`);
    }
  }
  return section(
    `Chromium trace, ${largest.label}`,
    'One traced cold load and one traced restoring filter per page (`browser.startTracing`, categories ' +
      'devtools.timeline, v8, blink, gc). Self time of the trace events on the renderer main thread, ' +
      'grouped by kind by event name; wasm execution counts as script (the release wasm has no name ' +
      'section, so the trace cannot split it further). Tracing adds a lot of overhead to script, and ' +
      'the load figures run until the trace stops (just after interactive), so totals exceed the ' +
      'untraced medians: read the proportions, not the absolute times.',
    mdTable(['page', 'what', ...bucketHeads, 'total'], rows, ['', '', ...bucketNames.map(() => 'r'), 'r']),
    'Largest events by self time:\n\n' + tops.join('\n'),
  );
}

// A phone's first screen: cold loads of the bundled dataset with Lighthouse's "mobile" profile
// (150 ms round trip, ~1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, 375 × 740 viewport, cache
// disabled), widget, reference and the widget framed in an article (embed.html) interleaved:
// first row, first contentful paint, interactive (the search box takes input) and layout shift up
// to interactive; and its table.
// Loopback at 1280 px (startup.mjs) hides what a reader on a phone waits for.

import { median, mdTable, ms, p95, ratio, section, times } from './format.mjs';
import { log } from './options.mjs';
import { newInstrumentedPage, waitReady } from './page.mjs';

export const PHONE = { latency: 150, download: (1.6 * 1024 * 1024) / 8 * 0.9, upload: (750 * 1024) / 8 * 0.9, cpu: 4, width: 375, height: 740 };

export async function measurePhone({ opts, base, browser, DATASETS }, { pagesFor }) {
  const d = DATASETS[0];
  const embedded = { key: 'embedded', label: 'widget in an article (embed.html iframe)', url: () => '/bench/article.html' };
  const pages = [...pagesFor(d).filter((p) => p.key !== 'full'), embedded];
  log(`phone: ${opts.phoneLoads} cold loads per page, ${d.label}, Lighthouse mobile profile`);
  const firstRow = Object.fromEntries(pages.map((p) => [p.key, []]));
  const fcp = Object.fromEntries(pages.map((p) => [p.key, []]));
  const cls = Object.fromEntries(pages.map((p) => [p.key, []]));
  const interactive = Object.fromEntries(pages.map((p) => [p.key, []]));
  for (let n = 0; n < opts.phoneLoads; n++) {
    for (const p of n % 2 ? [...pages].reverse() : pages) {
      const { context, page, cdp } = await newInstrumentedPage(browser, { disableCache: true, viewport: { width: PHONE.width, height: PHONE.height } });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.download, uploadThroughput: PHONE.upload });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
      await page.goto(base + p.url(d), { waitUntil: p === embedded ? 'domcontentloaded' : 'commit' });
      // Framed, the widget's marks are its frame's; the article's own shifts count too.
      const frame = p === embedded ? await (await page.waitForSelector('iframe')).contentFrame() : page;
      const marks = await waitReady(frame, 120_000);
      const outer = p === embedded ? await page.evaluate(() => window.__bench.cls) : 0;
      await context.close();
      // A row in the DOM is seen once the page paints: the pre-rendered one arrives with the
      // HTML, long before the first paint.
      firstRow[p.key].push(Math.max(marks.firstRow, marks.fcp ?? 0));
      fcp[p.key].push(marks.fcp);
      cls[p.key].push(marks.cls + outer);
      interactive[p.key].push(marks.interactive);
    }
  }
  log(`phone: widget first row ${ms(median(firstRow.widget))}, reference ${ms(median(firstRow.reference))}; ` +
    `interactive ${ms(median(interactive.widget))}, reference ${ms(median(interactive.reference))}`);
  return { label: d.label, pages, firstRow, fcp, cls, interactive };
}

export function phoneSection(phone) {
  const { label, pages, firstRow, fcp, cls, interactive } = phone;
  const rows = pages.map((p) => [
    p.label,
    String(firstRow[p.key].length),
    ms(median(firstRow[p.key])),
    ms(p95(firstRow[p.key])),
    ms(median(fcp[p.key])),
    ms(median(interactive[p.key])),
    Math.max(...cls[p.key]).toFixed(4),
  ]);
  const r = ratio(median(firstRow.widget), median(firstRow.reference));
  const ri = ratio(median(interactive.widget), median(interactive.reference));
  const worstShift = Math.max(...cls.widget, ...cls.embedded);
  return section(
    'First row on a phone',
    `Cold loads of ${label} in a 375 × 740 viewport with the Lighthouse "mobile" profile: ${PHONE.latency} ms round trip, ` +
      `${((PHONE.download * 8) / 1e6).toFixed(2)} Mbit/s down, ${((PHONE.upload * 8) / 1e6).toFixed(2)} Mbit/s up (DevTools network emulation), ` +
      `CPU ${PHONE.cpu}× slower (DevTools CPU throttling), cache disabled, files served gzip-compressed (level 9) as a CDN would; widget and reference interleaved. ` +
      'Times from navigation: **first row**, the first matrix row on screen: the later of the row in the DOM (the pre-rendered ' +
      'page has it in its HTML; the reference builds it from the fetched JSON) and the first contentful paint (Paint Timing). **Layout shift**: ' +
      '**Interactive**: the search box takes input and the main thread is free (as in the startup table: ready, then the next ' +
      'frame, then a zero timeout). **Layout shift**: ' +
      'the largest, over the loads, of the sum of `layout-shift` entries (without recent input) up to interactive; ' +
      'for the article, the shifts inside the frame and in the article.',
    mdTable(['page', 'loads', 'first row, median', 'first row, p95', 'first contentful paint, median', 'interactive, median', 'layout shift, worst load'], rows, ['', 'r', 'r', 'r', 'r', 'r', 'r']),
    `Widget / reference, medians: first row **${times(r)}** (budget ≤ 1.0×: **${r <= 1.0 ? 'PASS' : 'MISS'}**); ` +
      `interactive **${times(ri)}** (budget ≤ 2.0×: **${ri <= 2.0 ? 'PASS' : 'MISS'}**; stretch ≤ 1.5×: **${ri <= 1.5 ? 'PASS' : 'MISS'}**). Worst layout shift, standalone or embedded: ` +
      `**${worstShift.toFixed(4)}** (budget < 0.01: **${worstShift < 0.01 ? 'PASS' : 'MISS'}**).`,
  );
}

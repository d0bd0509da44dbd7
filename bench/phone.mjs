// A phone's first screen: cold loads of the bundled dataset with Lighthouse's "mobile" profile
// (150 ms round trip, ~1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, 375 × 740 viewport, cache
// disabled), widget and reference interleaved; and its table. Loopback at 1280 px (startup.mjs)
// hides what a reader on a phone waits for.

import { median, mdTable, ms, p95, ratio, section, times } from './format.mjs';
import { log } from './options.mjs';
import { newInstrumentedPage, waitReady } from './page.mjs';

export const PHONE = { latency: 150, download: (1.6 * 1024 * 1024) / 8 * 0.9, upload: (750 * 1024) / 8 * 0.9, cpu: 4, width: 375, height: 740 };

export async function measurePhone({ opts, base, browser, DATASETS }, { pagesFor }) {
  const d = DATASETS[0];
  const pages = pagesFor(d).filter((p) => p.key !== 'full');
  log(`phone: ${opts.phoneLoads} cold loads per page, ${d.label}, Lighthouse mobile profile`);
  const firstRow = Object.fromEntries(pages.map((p) => [p.key, []]));
  for (let n = 0; n < opts.phoneLoads; n++) {
    for (const p of n % 2 ? [...pages].reverse() : pages) {
      const { context, page, cdp } = await newInstrumentedPage(browser, { disableCache: true, viewport: { width: PHONE.width, height: PHONE.height } });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.download, uploadThroughput: PHONE.upload });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
      await page.goto(base + p.url(d), { waitUntil: 'commit' });
      const marks = await waitReady(page, 120_000);
      await context.close();
      firstRow[p.key].push(marks.firstRow);
    }
  }
  log(`phone: widget first row ${ms(median(firstRow.widget))}, reference ${ms(median(firstRow.reference))}`);
  return { label: d.label, pages, firstRow };
}

export function phoneSection(phone) {
  const { label, pages, firstRow } = phone;
  const rows = pages.map((p) => [p.label, String(firstRow[p.key].length), ms(median(firstRow[p.key])), ms(p95(firstRow[p.key]))]);
  const r = ratio(median(firstRow.widget), median(firstRow.reference));
  return section(
    'First row on a phone',
    `Cold loads of ${label} in a 375 × 740 viewport with the Lighthouse "mobile" profile: ${PHONE.latency} ms round trip, ` +
      `${((PHONE.download * 8) / 1e6).toFixed(2)} Mbit/s down, ${((PHONE.upload * 8) / 1e6).toFixed(2)} Mbit/s up (DevTools network emulation), ` +
      `CPU ${PHONE.cpu}× slower (DevTools CPU throttling), cache disabled; widget and reference interleaved. ` +
      'Time from navigation to the first matrix row in the DOM.',
    mdTable(['page', 'loads', 'first row, median', 'first row, p95'], rows, ['', 'r', 'r', 'r']),
    `Widget / reference, medians: **${times(r)}** (the first-paint budget is ≤ 1.2×: **${r <= 1.2 ? 'PASS' : 'MISS'}**).`,
  );
}

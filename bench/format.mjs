// Statistics (median, p95), number formatting and markdown tables and sections for the report.
// Pure and a leaf, shared by every measurement's table and by the budgets.

export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Nearest-rank 95th percentile. */
export function p95(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)];
}

export const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms` : 'n/a');
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');

export function mdTable(headers, rows, align = []) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const sep = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [line(headers), line(sep), ...rows.map(line)].join('\n');
}

/** One report section: printed to stdout as it is made, and returned for BENCHMARKS.md. */
export function section(title, intro, table, notes = '') {
  const text = `## ${title}\n\n${intro ? intro + '\n\n' : ''}${table}${notes ? '\n\n' + notes : ''}\n`;
  console.log('\n' + text);
  return text;
}

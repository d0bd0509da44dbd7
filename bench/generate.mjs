// Deterministic generator of synthetic `stance-matrix/1` datasets for the benchmark.
//
//   node bench/generate.mjs OUT_DIR [ISSUESxPARTIES ...]     (default: 200x10 1000x30)
//
// writes OUT_DIR/gen-<issues>x<parties>.json. As a module: generate(issues, parties, seed).
//
// What a generated dataset looks like (see docs/data-format.md):
// - about 85 % of issue × party cells have a current position; about 6 % of those also have
//   an earlier one (history), dated before it;
// - stances spread over the five values; red lines (~18 % of supports/opposes) only on
//   supports or opposes; confidence mostly on_record;
// - short realistic text: issue titles built from a vocabulary of searchable words, a
//   description on about half of them, one-sentence summaries, a few quotes and conditions;
// - six categories, 3–10 sources (each position cites 1–3 of them), all dates in 2025.
// - The word MARKER ("corridor") is in the titles of about 10 % of issues and nowhere else (no
//   summary, description, category or party name), so a search for it narrows all → ~10 %.
// The same (issues, parties, seed) always gives the same file, byte for byte.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MARKER = 'corridor';
export const MARKER_SHARE = 0.1;

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STANCES = ['supports', 'open', 'ambivalent', 'sceptical', 'opposes'];
const CATEGORIES = [
  ['territory', 'Territory'],
  ['security', 'Security'],
  ['economy', 'Economy'],
  ['relief', 'Relief and aid'],
  ['governance', 'Governance'],
  ['talks', 'Talks'],
];
const REGIONS = [
  'Northland', 'Eastmark', 'Westvale', 'Southreach', 'Highmoor', 'Lowfield', 'Riverland', 'Coastia',
  'Ardenia', 'Belmora', 'Caldria', 'Dunmere', 'Eskara', 'Fenwick', 'Galdor', 'Harrowin',
  'Istria', 'Jorvath', 'Kelmar', 'Lorvia', 'Marrow', 'Norvale', 'Ostrava', 'Pellin',
  'Quarren', 'Rostov', 'Selmar', 'Tarvin', 'Ulmara', 'Varn', 'Wexmoor', 'Yarrow', 'Zemlin',
];
const PARTY_KINDS = ['Republic of', 'Kingdom of', 'Federation of', 'Union of', 'Free State of', ''];
const VERBS = [
  'Withdraw', 'Guarantee', 'Lift', 'Extend', 'Monitor', 'Restore', 'Freeze', 'Open', 'Demilitarise',
  'Recognise', 'Suspend', 'Fund', 'Hold', 'Exchange', 'Reopen', 'Limit', 'Protect', 'Release',
];
const ADJECTIVES = [
  'heavy', 'civilian', 'naval', 'cross-border', 'joint', 'international', 'regional', 'temporary',
  'permanent', 'neutral', 'northern', 'southern', 'eastern', 'western', 'nuclear', 'grain',
];
const NOUNS = [
  'weapons', 'prisoners', 'sanctions', 'elections', 'ports', 'pipelines', 'airspace', 'bridges',
  'monitors', 'peacekeepers', 'reparations', 'refugees', 'shipping lanes', 'power plants',
  'checkpoints', 'border crossings', 'energy exports', 'frozen assets', 'observers', 'rail links',
];
const PLACES = [
  'along the front line', 'in the disputed provinces', 'at the river crossing', 'on the coast',
  'near the capital', 'in the buffer zone', 'across the northern border', 'in the occupied districts',
  'under UN supervision', 'within 30 days', 'before the winter', 'by the end of the year',
];
const SUMMARIES = {
  supports: [
    'Backs the proposal and has said it would sign it as drafted.',
    'Publicly endorsed the plan at the last round of talks.',
    'Its foreign minister called the idea a fair basis for a deal.',
    'Supports it and offered to help pay for its implementation.',
  ],
  open: [
    'Says it is ready to discuss the proposal if the details are right.',
    'Willing to negotiate, but wants guarantees written into the text.',
    'Has signalled flexibility in private briefings to mediators.',
    'Open to a phased version with independent verification.',
  ],
  ambivalent: [
    'Officials have given mixed signals and no formal answer.',
    'Praised the aim but criticised the timetable in the same statement.',
    'Its leaders contradict each other on the point.',
    'Says it neither backs nor rejects the idea for now.',
  ],
  sceptical: [
    'Doubts the plan can be enforced and wants more time to study it.',
    'Called the proposal premature but did not rule it out.',
    'Its envoy questioned who would pay for monitoring.',
    'Leans against it, citing the failure of earlier attempts.',
  ],
  opposes: [
    'Rejects the proposal outright as an unacceptable concession.',
    'Its parliament voted against any such arrangement.',
    'Calls the idea a non-starter and has walked out of talks over it.',
    'Opposes it and says the matter is closed.',
  ],
};
const QUOTES = [
  'We will not be rushed into a bad deal.',
  'This is a reasonable starting point.',
  'There can be no agreement without it.',
  'We are studying the text carefully.',
];
const CONDITIONS = [
  'Only if independent monitors verify compliance.',
  'Only as part of a final settlement.',
  'Only after prisoners are exchanged.',
];
const PUBLISHERS = ['Example Wire', 'Daily Ledger', 'Global Report', 'News Desk', 'The Observer Times'];

const pad = (n, width) => String(n).padStart(width, '0');

/** A date in 2025 as YYYY-MM-DD, `day` days after 1 January (0–363). */
function dateOf(day) {
  const d = new Date(Date.UTC(2025, 0, 1 + day));
  return d.toISOString().slice(0, 10);
}

/**
 * Generates a valid stance-matrix/1 dataset with `issues` issues and `parties` parties.
 * Deterministic for a given (issues, parties, seed).
 */
export function generate(issues, parties, seed = 20250423) {
  if (!(issues >= 1 && parties >= 1)) throw new Error('generate: need at least one issue and one party');
  const rand = prng(seed ^ Math.imul(issues, 7919) ^ Math.imul(parties, 104729));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

  const partyList = [];
  for (let p = 0; p < parties; p++) {
    const region = REGIONS[p % REGIONS.length];
    const round = Math.floor(p / REGIONS.length);
    const kind = PARTY_KINDS[p % PARTY_KINDS.length];
    const name = `${kind ? kind + ' ' : ''}${region}${round ? ` ${round + 1}` : ''}`;
    partyList.push({ id: `p${pad(p + 1, 3)}`, name, short: region.slice(0, 3).toUpperCase() + (round ? round + 1 : '') });
  }

  const sourceCount = int(3, 10);
  const sources = [];
  for (let s = 0; s < sourceCount; s++) {
    sources.push({
      id: `s${s + 1}`,
      title: `${pick(VERBS)} ${pick(ADJECTIVES)} ${pick(NOUNS)}: what the parties said`,
      url: `https://news.example.org/2025/${pad(s + 1, 2)}/report-${s + 1}`,
      publisher: pick(PUBLISHERS),
      published: dateOf(int(0, 330)),
    });
  }

  const issueList = [];
  for (let i = 0; i < issues; i++) {
    const marked = rand() < MARKER_SHARE;
    const noun = marked ? `humanitarian ${MARKER}s` : pick(NOUNS);
    const issue = {
      id: `i${pad(i + 1, 4)}`,
      title: `${pick(VERBS)} ${pick(ADJECTIVES)} ${noun} ${pick(PLACES)}`,
      category: CATEGORIES[int(0, CATEGORIES.length - 1)][0],
    };
    if (rand() < 0.5) {
      issue.description = `Whether the parties should agree this as part of round ${int(1, 12)} of the talks, and on what terms.`;
    }
    issueList.push(issue);
  }

  const positions = [];
  const asOf = 364; // 2025-12-31
  for (let i = 0; i < issues; i++) {
    for (let p = 0; p < parties; p++) {
      if (rand() >= 0.85) continue; // not stated
      const day = int(20, asOf);
      const history = rand() < 0.06;
      const make = (stance, date) => {
        const position = {
          party: partyList[p].id,
          issue: issueList[i].id,
          stance,
        };
        if ((stance === 'supports' || stance === 'opposes') && rand() < 0.18) position.red_line = true;
        position.summary = pick(SUMMARIES[stance]);
        if (rand() < 0.12) {
          position.quote = pick(QUOTES);
          position.speaker = `Spokesperson for ${partyList[p].name}`;
        }
        if (stance !== 'opposes' && rand() < 0.08) position.conditions = pick(CONDITIONS);
        position.date = dateOf(date);
        const c = rand();
        position.confidence = c < 0.6 ? 'on_record' : c < 0.9 ? 'reported' : 'inferred';
        const cited = new Set();
        const n = int(1, Math.min(3, sourceCount));
        while (cited.size < n) cited.add(sources[int(0, sourceCount - 1)].id);
        position.sources = [...cited];
        return position;
      };
      if (history) positions.push(make(pick(STANCES), int(0, day - 1)));
      positions.push(make(pick(STANCES), day));
    }
  }

  return {
    format: 'stance-matrix/1',
    title: `Synthetic talks benchmark: ${issues} issues, ${parties} parties`,
    description: 'A generated dataset for performance measurements. The parties, issues and statements are invented.',
    as_of: dateOf(asOf),
    methodology: 'Generated by bench/generate.mjs with a seeded pseudo-random generator; not real reporting.',
    parties: partyList,
    categories: CATEGORIES.map(([id, name]) => ({ id, name })),
    issues: issueList,
    sources,
    positions,
  };
}

/** How many issues would match a search for `word` (title, description, category, summaries). */
export function matchingIssues(dataset, word) {
  const needle = word.toLowerCase();
  const categories = new Map((dataset.categories ?? []).map((c) => [c.id, c.name]));
  const text = new Map(
    dataset.issues.map((i) => [i.id, [i.title, i.description ?? '', categories.get(i.category) ?? ''].join('\n')]),
  );
  for (const p of dataset.positions) text.set(p.issue, text.get(p.issue) + '\n' + p.summary);
  return [...text.values()].filter((t) => t.toLowerCase().includes(needle)).length;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const [outDir, ...sizes] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node bench/generate.mjs OUT_DIR [ISSUESxPARTIES ...]');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const size of sizes.length ? sizes : ['200x10', '1000x30']) {
    const [issues, parties] = size.split('x').map(Number);
    const dataset = generate(issues, parties);
    const file = path.join(outDir, `gen-${issues}x${parties}.json`);
    const text = JSON.stringify(dataset);
    writeFileSync(file, text);
    console.log(
      `generate: ${file}: ${issues} issues × ${parties} parties, ${dataset.positions.length} positions, ` +
        `${dataset.sources.length} sources, ${(text.length / 1e6).toFixed(2)} MB, ` +
        `"${MARKER}" in ${matchingIssues(dataset, MARKER)} issues`,
    );
  }
}

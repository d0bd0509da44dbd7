// Benchmark-only plain-DOM reference for the Stance Matrix widget: what a competent
// hand-written page would do, with no framework. It fetches the dataset given by ?data=,
// renders the same table shape (caption; thead with one column per visible party; one row per
// issue: a row header, one cell per visible party with the stance word, and a status cell)
// and offers the same search box (#sm-q) and party checkboxes (input[data-party]), with the
// same ids and data-testid attributes, so bench/measure.mjs drives both pages identically.
//
// Filtering rebuilds the tbody's rows from the filtered list; a party checkbox rebuilds the
// header and rows with the visible parties, and the status is recomputed over them.
//
// ?limit=N renders at most N matching rows plus a "Show N more issues" button (as the widget
// pages long matrices); pages reset when the filters change. Without it, every row is rendered.
'use strict';

(async () => {
  const root = document.getElementById('stance-matrix');
  const fail = (message) => {
    root.setAttribute('data-state', 'error');
    root.setAttribute('aria-busy', 'false');
    root.textContent = `Could not load the dataset: ${message}`;
  };

  const params = new URLSearchParams(location.search);
  const limit = Number(params.get('limit')) > 0 ? Number(params.get('limit')) : Infinity;
  let pages = 1;
  let data;
  try {
    const url = params.get('data');
    if (!url) throw new Error('no ?data= given');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
  } catch (error) {
    fail(error.message);
    return;
  }

  const parties = data.parties;
  const issues = data.issues;
  const np = parties.length;
  const partyIndex = new Map(parties.map((p, i) => [p.id, i]));
  const issueIndex = new Map(issues.map((x, i) => [x.id, i]));
  const categoryName = new Map((data.categories ?? []).map((c) => [c.id, c.name]));

  // The current position per issue × party: the latest-dated one, except that a position that
  // only adds to the standing one (`adds`) replaces none; and a lower-cased search text per
  // issue: title, description, category and every position's summary.
  const current = new Array(issues.length * np).fill(null);
  const haystack = issues.map((x) =>
    [x.title, x.description ?? '', categoryName.get(x.category) ?? ''].join('\n').toLowerCase(),
  );
  for (const pos of data.positions) {
    const i = issueIndex.get(pos.issue);
    const k = i * np + partyIndex.get(pos.party);
    const held = current[k];
    if (!held || (held.adds && !pos.adds) || (!held.adds === !pos.adds && held.date < pos.date)) current[k] = pos;
    haystack[i] += '\n' + pos.summary.toLowerCase();
  }

  const WORD = {
    supports: 'Supports',
    open: 'Open',
    ambivalent: 'Ambivalent',
    sceptical: 'Sceptical',
    opposes: 'Opposes',
  };
  const SCORE = { supports: 2, open: 1, ambivalent: 0, sceptical: -1, opposes: -2 };
  const STATUS = {
    'red-line-clash': 'Red-line clash',
    conflict: 'Conflict',
    agreement: 'Agreement',
    unclear: 'Unclear',
  };

  const visible = parties.map(() => true);
  let terms = [];

  // Status over the visible parties: a red line on one side with someone on the other is a
  // clash; both sides is a conflict; two or more on one side only is agreement.
  function status(i) {
    let pro = 0;
    let con = 0;
    let redPro = false;
    let redCon = false;
    for (let p = 0; p < np; p++) {
      if (!visible[p]) continue;
      const pos = current[i * np + p];
      if (!pos) continue;
      const s = SCORE[pos.stance];
      if (s > 0) {
        pro++;
        if (pos.red_line) redPro = true;
      } else if (s < 0) {
        con++;
        if (pos.red_line) redCon = true;
      }
    }
    if ((redPro && con > 0) || (redCon && pro > 0)) return 'red-line-clash';
    if (pro > 0 && con > 0) return 'conflict';
    if (pro + con >= 2) return 'agreement';
    return 'unclear';
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // --- static parts -----------------------------------------------------------------------
  const heading = el('h1', '', data.title);
  const form = el('form', 'sm-filters');
  form.setAttribute('role', 'search');
  form.addEventListener('submit', (e) => e.preventDefault());
  const field = el('div', 'sm-field');
  const label = el('label', '', 'Filter issues');
  label.htmlFor = 'sm-q';
  const input = el('input');
  input.id = 'sm-q';
  input.type = 'search';
  input.autocomplete = 'off';
  field.append(label, input);
  const fieldset = el('fieldset', 'sm-field sm-parties');
  fieldset.append(el('legend', '', 'Parties shown'));
  parties.forEach((party, p) => {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.party = party.id;
    box.addEventListener('change', () => {
      visible[p] = box.checked;
      pages = 1;
      renderHead();
      renderRows();
    });
    const wrap = el('label');
    wrap.append(box, ' ' + party.name);
    fieldset.append(wrap);
  });
  form.append(field, fieldset);
  const count = el('p', 'sm-count');
  count.dataset.testid = 'count';
  count.setAttribute('role', 'status');

  const scroll = el('div', 'sm-scroll');
  const table = el('table', 'sm-matrix');
  table.dataset.testid = 'matrix';
  const caption = el('caption', '', `${data.title} — as of ${data.as_of}`);
  const colgroup = el('colgroup');
  const thead = el('thead');
  const tbody = el('tbody');
  table.append(caption, colgroup, thead, tbody);
  const more = el('p', 'sm-more');
  const moreButton = el('button', 'sm-button');
  moreButton.type = 'button';
  moreButton.dataset.testid = 'show-more';
  moreButton.addEventListener('click', () => {
    pages++;
    renderRows();
  });
  more.append(moreButton);
  scroll.append(table, more);

  // --- dynamic parts ----------------------------------------------------------------------
  function renderHead() {
    const cols = [el('col', 'c-issue')];
    const row = el('tr');
    const first = el('th', '', 'Issue');
    first.scope = 'col';
    row.append(first);
    for (let p = 0; p < np; p++) {
      if (!visible[p]) continue;
      cols.push(el('col', 'c-party'));
      const th = el('th', '', parties[p].name);
      th.scope = 'col';
      th.dataset.party = parties[p].id;
      row.append(th);
    }
    cols.push(el('col', 'c-status'));
    const last = el('th', '', 'Status');
    last.scope = 'col';
    row.append(last);
    colgroup.replaceChildren(...cols);
    thead.replaceChildren(row);
  }

  function renderRow(i) {
    const issue = issues[i];
    const tr = el('tr');
    tr.dataset.issue = issue.id;
    const th = el('th');
    th.scope = 'row';
    th.append(el('span', 'title', issue.title));
    const category = categoryName.get(issue.category);
    if (category) th.append(el('span', 'cat', category));
    tr.append(th);
    for (let p = 0; p < np; p++) {
      if (!visible[p]) continue;
      const pos = current[i * np + p];
      const td = el('td', pos ? `s-${pos.stance}` : 's-not-stated', pos ? WORD[pos.stance] : 'Not stated');
      td.dataset.party = parties[p].id;
      td.dataset.stance = pos ? pos.stance : 'not-stated';
      if (pos?.red_line) td.append(el('span', 'rl', 'Red line'));
      tr.append(td);
    }
    const s = status(i);
    const td = el('td', `st-${s}`, STATUS[s]);
    td.dataset.testid = 'status';
    td.dataset.status = s;
    tr.append(td);
    return tr;
  }

  function renderRows() {
    const rows = document.createDocumentFragment();
    const max = pages * limit;
    let shown = 0;
    for (let i = 0; i < issues.length; i++) {
      if (terms.length && !terms.every((t) => haystack[i].includes(t))) continue;
      if (shown < max) rows.append(renderRow(i));
      shown++;
    }
    tbody.replaceChildren(rows);
    count.textContent = `Showing ${shown} of ${issues.length} issues`;
    const hidden = Math.max(0, shown - max);
    more.hidden = hidden === 0;
    moreButton.textContent = `Show ${Math.min(hidden, limit)} more issues`;
  }

  input.addEventListener('input', () => {
    pages = 1;
    terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    renderRows();
  });

  renderHead();
  renderRows();
  root.replaceChildren(heading, form, count, scroll);
  root.setAttribute('data-state', 'ready');
  root.setAttribute('aria-busy', 'false');
})();

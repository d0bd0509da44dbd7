// Starts the widget without an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self'). Trunk writes the hashed file names into
// the data attributes of the script tag that loads this file.
const tag = document.querySelector('script[data-bindings][data-wasm]');

// A newsroom's dataset (?data=) is requested now, while the wasm downloads, not after it
// starts; the widget picks the answer up (src/browser/fetch.rs, `prefetched`). The promise never rejects:
// a failure becomes { error: name }, so no "uncaught in promise" reaches the console before
// the widget reads it. The 15-second limit matches the widget's own.
// The same rule as the widget's (src/state/embed.rs, `PageConfig::from_query`): the first `data`
// parameter decides, `+` is a space, and a value that does not decode is left to the widget,
// which reports it. Only same-origin data is requested early: the widget checks other origins
// against the allow-list it was built with, and a refused address must not be requested.
const param = location.search.slice(1).split('&').find((part) => part.split('=')[0] === 'data');
let data = null;
try {
  data = param === undefined ? null : decodeURIComponent(param.slice(5).replace(/\+/g, ' ')).trim();
} catch (_) {
  // Malformed: the widget shows the error.
}
if (data) {
  try {
    const href = new URL(data, location.href);
    if (href.origin === location.origin && (href.protocol === 'http:' || href.protocol === 'https:')) {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 15000);
      window.stanceMatrixPrefetch = {
        url: data,
        answer: fetch(href, { signal: controller.signal }).then(
          (response) => ({ response }),
          (error) => ({ error: error && error.name }),
        ),
      };
    }
  } catch (_) {
    // Not a URL: the widget reports it.
  }
}
// A pre-rendered page shows the dataset it was built with; `?data=` asks for another, which must
// not be mistaken for it meanwhile: the widget starts over from "loading" (src/browser/start.rs).
const slot = document.getElementById('stance-matrix');
// An empty `data` is the bundled dataset (the same rule): the pre-render stays.
const other = param !== undefined && (data === null ? param.slice(5) !== '' : data !== '');
// `?lang=` for another language than the pre-render's is the same (the widget writes the page
// in that language): a matrix in one language swapped for another would move under the reader.
// The words are the widget's own "Loading" message (src/i18n; tests/i18n.rs keeps them equal).
const LOADING = {
  en: 'Loading the dataset…',
  de: 'Datensatz wird geladen …',
  fr: 'Chargement du jeu de données…',
  uk: 'Завантаження набору даних…',
  ru: 'Загрузка набора данных…',
};
// The language the widget will speak, by its own rule (Lang::choose in src/i18n, and
// PageConfig::from_query): the last non-empty ?lang= it speaks, else the dataset's language
// (the pre-render carries it), else the first of the browser's it speaks, else English.
const spoken = (tag) => {
  const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
  return Object.hasOwn(LOADING, primary) ? primary : null;
};
let asked = null;
for (const part of location.search.slice(1).split('&')) {
  const [key, ...value] = part.split('=');
  if (key !== 'lang') continue;
  try {
    const text = decodeURIComponent(value.join('=').replace(/\+/g, ' ')).trim();
    if (text) asked = text;
  } catch (_) {
    // Not valid URL encoding: the widget ignores it too.
  }
}
const prerenderedWidget = slot?.querySelector('.sm-widget');
const speaks =
  spoken(asked) ?? spoken(prerenderedWidget?.getAttribute('data-dataset-lang')) ?? (navigator.languages ?? []).map(spoken).find(Boolean) ?? 'en';
const otherLang = prerenderedWidget && speaks !== prerenderedWidget.getAttribute('lang');
// The readers' wasm speaks English only: another language's messages are a small file of their
// own (scripts/post-build.mjs), requested now, beside the wasm, with the integrity hash the
// page names on this tag (data-languages: language → [address, integrity]); the widget picks
// the answer up (src/browser/languages.rs). The promise never rejects: null is a failure.
let languages = {};
try {
  languages = JSON.parse(tag?.dataset.languages || '{}');
} catch (_) {
  // A page edited by hand: the widget asks for the file itself, or speaks English.
}
if (Object.hasOwn(languages, speaks)) {
  const [href, integrity] = languages[speaks];
  window.stanceMatrixLanguage = {
    code: speaks,
    answer: fetch(href, { integrity }).then((response) => (response.ok ? response.text() : null)).catch(() => null),
  };
}
if ((other || otherLang) && slot && slot.hasAttribute('data-prerendered')) {
  slot.removeAttribute('data-prerendered');
  slot.setAttribute('data-state', 'loading');
  slot.setAttribute('aria-busy', 'true');
  // The first view in the reader's language usually follows within a round trip (below):
  // until then the root is empty, so the first paint is that view, laid out once, rather than
  // "Loading" followed by a layout of the whole view after the first paint (a long task on a
  // cold page: 50–80 ms on the test machine). "Loading" if it takes longer, or fails.
  slot.textContent = '';
  const loading = () => {
    if (slot.getAttribute('data-state') === 'loading' && !slot.firstElementChild && !slot.textContent) {
      slot.textContent = LOADING[speaks];
    }
  };
  setTimeout(loading, 400);
  // The build wrote the same first view in each other language (scripts/post-build.mjs): a
  // small file that arrives long before the wasm. It takes the place of "Loading" only while
  // that is all the root holds: once the wasm has started, the root is the widget's.
  let views = {};
  try {
    views = JSON.parse(tag?.dataset.firstViews || '{}');
  } catch (_) {
    // A page edited by hand: "Loading" until the wasm runs.
  }
  const view = !other && Object.hasOwn(views, speaks) ? views[speaks] : null;
  // `run` once, in a task after the next frame (or 100 ms on: a hidden tab has no frames).
  const later = (run) => {
    let ran = false;
    const once = () => {
      if (!ran) {
        ran = true;
        run();
      }
    };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 100);
  };
  if (!view) loading();
  if (view) {
    fetch(view[0], { integrity: view[1] })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => {
        if (html === null) loading();
        if (html === null || slot.getAttribute('data-state') !== 'loading' || slot.firstElementChild) return;
        // Shown in steps, each laid out and painted in a task of its own, top down so that
        // nothing shown moves (the matrix's columns are fixed by its first row): the widget
        // with the matrix's first rows, then four rows at a time, then each part that follows
        // the matrix (legend, notes, comparison, footer). At once, the style, layout and paint of
        // the whole view took 50–80 ms after the first paint on the test machine: a long
        // task, which would hold up a reader's first tap. A template lays nothing out.
        const template = document.createElement('template');
        template.innerHTML = html;
        const widget = template.content.firstElementChild;
        const scroll = widget?.querySelector(':scope > .sm-scroll');
        const body = scroll?.querySelector('tbody');
        const steps = [];
        const rows = body ? [...body.children].slice(4) : [];
        for (let i = 0; i < rows.length; i += 4) steps.push([body, rows.slice(i, i + 4)]);
        const after = [];
        for (let node = scroll?.nextSibling; node; node = node.nextSibling) after.push(node);
        for (const node of after) steps.push([widget, [node]]);
        for (const [, nodes] of steps) for (const node of nodes) node.remove();
        slot.replaceChildren(template.content);
        // The wasm takes over what is shown (src/browser/start.rs) if it starts meanwhile.
        slot.setAttribute('data-prerendered', '');
        const step = () => {
          // Unless the wasm has taken over meanwhile: then the root is the widget's.
          if (!slot.isConnected || slot.getAttribute('data-state') !== 'loading' || slot.firstElementChild !== widget) return;
          const next = steps.shift();
          if (next) next[0].append(...next[1]);
          if (steps.length) {
            later(step);
            return;
          }
          slot.removeAttribute('aria-busy');
          slot.setAttribute('data-state', 'prerendered');
        };
        later(step);
      })
      .catch(loading);
  }
}
// Details the reader opens or closes on the pre-rendered page stay so when the widget takes
// over (src/browser/takeover.rs). A click on a summary (Enter and Space make one too) is the reader's;
// a toggle event also fires for details parsed open.
slot?.addEventListener('click', (event) => {
  const summary = event.target instanceof Element ? event.target.closest('summary') : null;
  summary?.parentElement?.setAttribute('data-reader-toggled', '');
});
const fail = (error) => {
  const message = 'The stance matrix could not start in this browser. Please reload the page or try another browser.';
  if (slot && slot.hasAttribute('data-prerendered')) {
    // The pre-rendered matrix is complete and readable: keep it, and say why nothing responds.
    const note = document.createElement('p');
    note.className = 'sm-start-failed';
    note.setAttribute('role', 'status');
    note.textContent = `${message} The matrix below is as published; filters and details need the interactive version.`;
    slot.setAttribute('data-state', 'error');
    slot.prepend(note);
  } else if (slot) {
    slot.setAttribute('data-state', 'error');
    slot.textContent = message;
  }
  console.warn('stance-matrix: start failed', error);
};
// The wasm is requested once the first contentful paint is on screen (its Paint Timing entry,
// or at most 300 ms on: a hidden tab paints nothing), beside its bindings (not preloaded: see
// scripts/post-build.mjs), with the integrity hash the build wrote. The first view is then
// shown before the wasm competes with it for the network and the main thread. A failure
// reaches `fail` through the bindings.
const start = () => {
  const integrity = tag.dataset.wasmIntegrity;
  const wasm = fetch(tag.dataset.wasm, integrity ? { integrity } : {});
  wasm.catch(() => {});
  import(tag.dataset.bindings)
    .then((bindings) => bindings.default({ module_or_path: wasm }))
    .catch(fail);
};
if (tag) {
  let started = false;
  const once = () => {
    if (!started) {
      started = true;
      start();
    }
  };
  try {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        setTimeout(once, 0);
      }
    }).observe({ type: 'paint', buffered: true });
  } catch (_) {
    // No Paint Timing: the frame after this script.
    requestAnimationFrame(() => setTimeout(once, 0));
  }
  setTimeout(once, 300);
}

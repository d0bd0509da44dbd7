// Stance Matrix in a host page, without an iframe:
//   <script type="module" src="https://graphics.example.org/stance-matrix/embed.js"></script>
//   <stance-matrix src="https://graphics.example.org/data/talks.json" theme="auto"></stance-matrix>
// or, from a script: import { mount } from '…/embed.js'; const widget = await mount(element,
// { data, src, lang, theme, view }); widget.setView(view); widget.update({ src, lang, theme });
// widget.destroy();
// The element gets a `change` event (CustomEvent, detail = the reader's view) and a
// `data-state` attribute (loading, ready, error). Each widget renders into its element's
// shadow root; all share one WebAssembly instance. scripts/post-build.mjs fills in the hashed
// file names below and writes this file to dist/embed.js, a stable address.

const here = new URL('.', import.meta.url);
const files = { bindings: '__BINDINGS__', wasm: '__WASM__', css: '__CSS__' };
let started;
let stylesheet = new URL(files.css, here).href;
let load = () =>
  import(new URL(files.bindings, here).href).then(async (bindings) => {
    await bindings.default({ module_or_path: new URL(files.wasm, here) });
    return bindings;
  });

function start() {
  started ??= load();
  return started;
}

/**
 * For the npm package's entry (index.js): how to load the bindings, and the stylesheet's
 * address, as a bundler resolved them. Not part of the documented API.
 */
export function provide(loadBindings, css) {
  load = loadBindings;
  stylesheet = css;
}

/** Mounts a widget into `element`; resolves to { setView(view), update(options), destroy() }. */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('stance-matrix: mount(element, options) needs an element');
  const bindings = await start();
  const mounted = bindings.mountWidget(element, options, stylesheet);
  let live = true;
  return {
    setView(view) {
      if (live) mounted.setView(view);
    },
    update(options = {}) {
      if (live) mounted.update(options);
    },
    destroy() {
      if (!live) return;
      live = false;
      mounted.destroy();
      mounted.free();
    },
  };
}

const ATTRIBUTES = ['src', 'theme', 'lang'];

class StanceMatrixElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #widget = null;
  #queued = false;

  connectedCallback() {
    if (this.#widget) return;
    this.#widget = mount(this, this.#options());
    this.#widget.catch((error) => console.warn('stance-matrix: could not start', error));
  }

  // Attribute changes in one task are applied together, once, as an update of the running
  // widget (the reader's view kept), never a remount.
  attributeChangedCallback() {
    if (!this.#widget || this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      const options = this.#options();
      this.#widget?.then((w) => w.update(options), () => {});
    });
  }

  disconnectedCallback() {
    this.#widget?.then((w) => w.destroy(), () => {});
    this.#widget = null;
  }

  /** The view the reader is looking at, for scripts (the same object as in `change`). */
  setView(view) {
    this.#widget?.then((w) => w.setView(view));
  }

  #options() {
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    return options;
  }
}

if (!customElements.get('stance-matrix')) customElements.define('stance-matrix', StanceMatrixElement);

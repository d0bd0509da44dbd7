// Stance Matrix in a host page, without an iframe:
//   <script type="module" src="https://graphics.example.org/stance-matrix/embed.js"></script>
//   <stance-matrix src="https://graphics.example.org/data/talks.json" theme="auto"></stance-matrix>
// or, from a script: import { mount } from '…/embed.js'; const widget = await mount(element,
// { data, src, lang, theme, view }); widget.setView(view); widget.destroy();
// The element gets a `change` event (CustomEvent, detail = the reader's view) and a
// `data-state` attribute (loading, ready, error). Each widget renders into its element's
// shadow root; all share one WebAssembly instance. scripts/post-build.mjs fills in the hashed
// file names below and writes this file to dist/embed.js, a stable address.

const here = new URL('.', import.meta.url);
const files = { bindings: '__BINDINGS__', wasm: '__WASM__', css: '__CSS__' };
let started;

function start() {
  started ??= import(new URL(files.bindings, here).href).then(async (bindings) => {
    await bindings.default({ module_or_path: new URL(files.wasm, here) });
    return bindings;
  });
  return started;
}

/** Mounts a widget into `element`; resolves to { setView(view), destroy() }. */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError('stance-matrix: mount(element, options) needs an element');
  const bindings = await start();
  const mounted = bindings.mountWidget(element, options, new URL(files.css, here).href);
  let live = true;
  return {
    setView(view) {
      if (live) mounted.setView(view);
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

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.#widget) this.#render();
  }

  disconnectedCallback() {
    this.#widget?.then((w) => w.destroy());
    this.#widget = null;
  }

  /** The view the reader is looking at, for scripts (the same object as in `change`). */
  setView(view) {
    this.#widget?.then((w) => w.setView(view));
  }

  #render() {
    this.#widget?.then((w) => w.destroy());
    const options = {};
    for (const name of ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    this.#widget = mount(this, options);
    this.#widget.catch((error) => console.warn('stance-matrix: could not start', error));
  }
}

if (!customElements.get('stance-matrix')) customElements.define('stance-matrix', StanceMatrixElement);

// Starts the widget without an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self'). Trunk writes the hashed file names into
// the data attributes of the script tag that loads this file.
const tag = document.querySelector('script[data-bindings][data-wasm]');
const fail = (error) => {
  const slot = document.getElementById('stance-matrix');
  if (slot) {
    slot.setAttribute('data-state', 'error');
    slot.textContent = 'The stance matrix could not start in this browser. Please reload the page or try another browser.';
  }
  console.warn('stance-matrix: start failed', error);
};
if (tag) {
  import(tag.dataset.bindings)
    .then((bindings) => bindings.default({ module_or_path: tag.dataset.wasm }))
    .catch(fail);
}

// The stylesheet of the widget's own pages (index.html, embed.html, and the first views in
// other languages that boot.js puts into them), made from the widget's stylesheet by
// scripts/post-build.mjs. The widget's layouts switch on its own width with container queries
// (styles/phone.css), which a widget in a host page (<stance-matrix>, mount()) needs. On its
// own page the widget is as wide as the window less the root's padding, so there the container
// queries become media queries on the window: Chromium lays the page out in about half the
// time (the pre-rendered page at 375 px, 4× CPU: 400-560 ms of layout with the container
// query, 190-245 ms with media queries; measured with a trace of the first load).

/** The root's padding on both sides together, in rem (`.stance-matrix { padding: 1rem }` in
 *  styles/base.css). The iframe page's root has 0.5rem (`.sm-embed-root`): there a layout
 *  switches up to 1rem (16 px) of window width early, always to the more compact one. */
export const PAGE_PADDING_REM = 2;

const CONTAINER_RULE = /\.stance-matrix \.sm-widget\s*\{\s*container:\s*sm\s*\/\s*inline-size;?\s*\}/g;
const CONTAINER_QUERY = /@container\s+sm\s*\(\s*(?:max-width:\s*([\d.]+)rem|width\s*<=\s*([\d.]+)rem)\s*\)/g;

/** `css` with the widget's container queries as media queries on the window. Throws on any
 *  container query or container it does not know how to turn, so none slips through. */
export function pageCss(css) {
  const out = css
    .replace(CONTAINER_RULE, '')
    .replace(CONTAINER_QUERY, (_, a, b) => `@media (max-width:${Number(a ?? b) + PAGE_PADDING_REM}rem)`);
  const left = out.match(/@container[^{]*|container(?:-type|-name)?\s*:[^;}]*/);
  if (left) throw new Error(`page-css: cannot turn "${left[0].trim()}" into a media query`);
  return out;
}

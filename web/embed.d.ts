// Types for embed.js: <stance-matrix> and mount(). Copied to dist/embed.d.ts by the build, next
// to embed.js, so a TypeScript host that imports embed.js gets them.

/** A dataset id of a party, an issue or a category, as in the dataset file. */
export type Id = string;

/** A date as the dataset writes it: `YYYY-MM-DD`. */
export type IsoDate = string;

/** The reader's view: in `change` events, and what `setView()` and `mount()`'s `view` take. */
export interface StanceMatrixView {
  /** The text of the "Filter issues" box. */
  query?: string;
  /** A category id, or null/absent for every category. */
  category?: Id | null;
  /** Ids of hidden parties. */
  hidden?: Id[];
  onlyConflicts?: boolean;
  onlyRedLines?: boolean;
  sort?: 'dataset' | 'contested' | 'agreed';
  /** The cell whose details are open. */
  open?: { issue: Id; party: Id } | null;
  /** Two party ids compared against each other. */
  compare?: [Id, Id] | null;
  /** The date the matrix shows; absent or null for the latest. */
  asOf?: IsoDate | null;
  /** Cells changed since this date are marked; absent or null for none. */
  since?: IsoDate | null;
  /** The matrix read as text ("Read as text"): each shown issue in plain words. */
  asText?: boolean;
}

/** The options of `mount()`; the element takes `src`, `theme` and `lang` as attributes. */
export interface StanceMatrixOptions {
  /** A `stance-matrix/1` dataset as a plain object (docs/data-format.md). */
  data?: object;
  /** A dataset's address, used when `data` is not given. */
  src?: string;
  theme?: 'auto' | 'light' | 'dark';
  /** The language the widget speaks; another value gets a console warning. */
  lang?: 'en' | 'de' | 'fr' | 'uk' | 'ru' | (string & {});
  /** The view to start with. */
  view?: StanceMatrixView;
}

/** A mounted widget. */
export interface StanceMatrixHandle {
  /** Sets the view now, or once the dataset has loaded; parts that do not fit it are dropped. */
  setView(view: StanceMatrixView): void;
  /** Applies new options to the running widget (the reader's view kept where it fits); `view` is ignored: use `setView`. */
  update(options: Omit<StanceMatrixOptions, 'view'>): void;
  /** Removes the widget and exactly what it added. */
  destroy(): void;
}

/** Mounts a widget into `element` (inside its shadow root). */
export function mount(element: Element, options?: StanceMatrixOptions): Promise<StanceMatrixHandle>;

/** `<stance-matrix src theme lang>`: its `data-state` is `loading`, `ready`, `error` or `crashed`. */
export interface StanceMatrixElement extends HTMLElement {
  setView(view: StanceMatrixView): void;
  addEventListener(
    type: 'change',
    listener: (this: StanceMatrixElement, event: CustomEvent<StanceMatrixView>) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'stance-matrix': StanceMatrixElement;
  }
}

/**
 * Token sets for the toolbar's theme switch and the themed stories. They are
 * the examples of docs/theming.md: a page sets the same `--portal-*` properties
 * on any ancestor (usually `:root`).
 */
export type Tokens = Record<`--portal-${string}`, string>;

/**
 * Dark: the widgets follow the page's `color-scheme`; only the accent needs a lighter red to keep 4.5:1 contrast.
 * The banner's band follows the accent, and its gold text needs the dark red band: it keeps the default.
 */
export const dark: Tokens = {
  '--portal-color-primary': '#ff8a80',
  '--portal-focus-color': '#8ab4f8',
  '--portal-color-error': '#ff6b6b',
  '--portal-banner-background': '#b5121b',
};

/** The red-and-gold of a provincial portal: dark red text links, gold rules and borders. */
export const redAndGold: Tokens = {
  '--portal-color-primary': '#a50e0e',
  '--portal-color-text': '#2b1a0f',
  '--portal-color-muted': '#6b4e1f',
  '--portal-color-surface': '#fffaf0',
  '--portal-color-border': '#d4a017',
  '--portal-focus-color': '#8a5a00',
  '--portal-radius': '2px',
  '--portal-gap': '1rem',
};

/** Sets (or, with `undefined` values, removes) tokens on an element's inline style. */
export function applyTokens(el: HTMLElement, tokens: Tokens, on = true): void {
  for (const [name, value] of Object.entries(tokens)) {
    if (on) el.style.setProperty(name, value);
    else el.style.removeProperty(name);
  }
}

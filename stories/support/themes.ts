/**
 * Token sets for the toolbar's theme switch and the themed stories. They are
 * the examples of docs/theming.md: a page sets the same `--portal-*` properties
 * on any ancestor (usually `:root`).
 */
export type Tokens = Record<`--portal-${string}`, string>;

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

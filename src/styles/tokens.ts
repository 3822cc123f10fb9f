/**
 * Design tokens every widget shares. Public `--portal-*` properties feed
 * private `--_*` ones with fallbacks, so a widget needs no theme wrapper and a
 * page themes all widgets at once (`--portal-color-primary`) or one alone.
 * Text takes the colour the widget inherits from where it sits (a dark footer's
 * white, a page's #222), and the muted tones, rules and placeholders are that
 * colour made translucent, so they keep their contrast on whatever the page
 * paints behind them; system colours (CanvasText) would follow the scheme, not
 * the page's paint, and vanish in a dark box on a light page. The accent,
 * focus and error colours have a dark value, chosen by `light-dark()` from the
 * `color-scheme` (inherited): 4.5:1 for text and 3:1 for controls and focus
 * rings on Canvas in either scheme (docs/accessibility.md).
 *
 * The shared properties, documented here once: the manifest
 * (custom-elements-manifest.config.mjs) adds each to every widget's docs that
 * does not describe it in its own words.
 *
 * @cssprop --portal-color-primary - The site's accent: links, buttons, marks (default #b5121b; #ff8a80 in a dark scheme).
 * @cssprop --portal-accent - Accent for one widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Secondary text: dates, summaries, labels (default: the text colour at 75%: 4.5:1 where the page's own text is #444 or darker on white).
 * @cssprop --portal-color-surface - Background of buttons and fields (default: the page's Canvas).
 * @cssprop --portal-color-border - Borders of cards, fields and rules.
 * @cssprop --portal-color-error - Edge and tint of the error box, error text (default #b00020; #ff6b6b in a dark scheme).
 * @cssprop --portal-link-color - Link colour (default: the accent).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-gap - Space between blocks (default 0.75rem).
 * @cssprop --portal-focus-color - Focus ring colour (default #1a5fb4; #8ab4f8 in a dark scheme).
 * @cssprop --portal-skeleton-height - Height reserved by the loading placeholder, so nothing moves when the data arrives (default: the widget's own figure, docs/theming.md).
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_accent: var(--portal-accent, var(--portal-color-primary, light-dark(#b5121b, #ff8a80)));
    /* currentColor is resolved where each is used: the inherited text colour. */
    --_muted: var(--portal-color-muted, color-mix(in srgb, currentColor 75%, transparent));
    --_surface: var(--portal-color-surface, Canvas);
    --_border: var(--portal-color-border, color-mix(in srgb, currentColor 20%, transparent));
    --_tint: color-mix(in srgb, currentColor 10%, transparent);
    --_radius: var(--portal-radius, 4px);
    --_gap: var(--portal-gap, 0.75rem);
    --_focus: var(--portal-focus-color, light-dark(#1a5fb4, #8ab4f8));
    --_error: var(--portal-color-error, light-dark(#b00020, #ff6b6b));
    /* font, color-scheme and (without --portal-color-text) color are inherited from the page. */
    display: block;
    color: var(--portal-color-text, currentColor);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--portal-link-color, var(--_accent));
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-block-size: 24px;
    min-inline-size: 24px;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The status area every data widget shares: skeleton, error box. */
export const statusStyles = css`
  .skeleton {
    display: grid;
    gap: var(--_gap);
    min-block-size: var(--portal-skeleton-height, var(--_reserve, 6rem));
  }
  .skeleton span {
    display: block;
    block-size: 1em;
    border-radius: var(--_radius);
    background: var(--_tint);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, transparent);
    margin-block: 0.5em;
  }
  .error p {
    margin: 0;
  }
`;

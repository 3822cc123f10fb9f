import { css } from 'lit';

export const styles = css`
  :host {
    /* The moving line is as wide as all its text: it must not widen the page's grid or flex column. */
    contain: inline-size;
    /* The gold text needs a dark red band: in a dark scheme the light accent would not carry it. */
    --_bg: var(--portal-banner-background, light-dark(var(--_accent), #b5121b));
    --_fg: var(--portal-banner-color, #ffde00);
    /* One line of the band in every state (build/widgets-css.ts reads it for the page's rules): nothing moves when the text arrives. */
    --_reserve: 2.25em;
  }
  .banner,
  .skeleton {
    min-block-size: var(--_reserve);
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.375em 0.5em;
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--_radius);
    font-size: var(--portal-banner-font-size, 1.125rem);
    font-weight: var(--portal-banner-font-weight, 700);
  }
  /* Loading: the fallback text in the band, on one line, instead of bars. */
  .skeleton {
    display: block;
    padding-block: 0;
    line-height: var(--_reserve);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .skeleton > [aria-hidden] {
    display: none;
  }
  .banner :focus-visible {
    outline-color: currentColor;
  }
  .pause,
  .expand {
    flex: none;
    background: transparent;
    color: inherit;
    border-color: currentColor;
    font-size: 0.875rem;
    line-height: 1;
    padding: 0.375em 0.5em;
  }
  .viewport {
    flex: 1;
    min-inline-size: 0;
  }
  .track {
    display: flex;
  }
  .run {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--portal-banner-gap, 3em);
  }
  a {
    color: inherit;
  }
  /* Painted above the cut text, whose links run on under it, clipped (axe's target-size counted them as covering it). */
  .expand {
    position: relative;
  }
  /* Not needed (the text fits): its place stays, so showing it never resizes the text, which would loop the ResizeObserver. */
  .expand[hidden] {
    display: inline-block;
    visibility: hidden;
  }
  /* One line, as tall as the band before its data: moving, or still and folded ("Xem thêm" unfolds it). */
  .line .viewport {
    overflow: hidden;
  }
  .line .track {
    inline-size: max-content;
  }
  .line .run {
    flex-wrap: nowrap;
    white-space: nowrap;
  }
  .moving .run {
    padding-inline-end: var(--portal-banner-gap, 3em);
  }
  @media (prefers-reduced-motion: no-preference) {
    .moving .track {
      animation: portal-ticker var(--_duration, 30s) linear infinite;
    }
    /* Hover holds the text too; the pause button is what stops it. */
    .moving:hover .track {
      animation-play-state: paused;
    }
  }
  /*
   * A focused link must be in view (at 320 px most of the line is not): while focus is inside
   * (the moving band, or the still text; not "Xem thêm"), the text stands still, wrapped, in full.
   */
  :is(.moving, .viewport):focus-within .track {
    animation: none;
    inline-size: auto;
  }
  :is(.moving, .viewport):focus-within .run {
    flex-wrap: wrap;
    white-space: normal;
    padding-inline-end: 0;
  }
  .moving:focus-within .run + .run {
    display: none;
  }
  @keyframes portal-ticker {
    to {
      transform: translateX(-50%);
    }
  }
  @media (forced-colors: active) {
    .banner {
      border: 1px solid CanvasText;
    }
  }
`;

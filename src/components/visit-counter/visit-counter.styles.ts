import { css } from 'lit';

export const styles = css`
  /* The box kept from before the tag is defined until the data shows (build/widgets-css.ts reads it for the page's rules). Two rows, three with today. */
  :host {
    --_reserve: 3.375rem;
  }
  :host([show-today]) {
    --_reserve: 5.25rem;
  }
  dl {
    display: grid;
    gap: calc(var(--_gap) / 2);
    margin: 0;
  }
  [part~='row'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5em;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .stale dd {
    color: var(--_muted);
  }
  /* The fallback's margins would make the loading box taller than the counter. */
  .skeleton ::slotted(*) {
    margin-block: 0;
  }
  .stale-note {
    margin: 0.5em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;

import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.js';

/** The shared field styles, then the widget's own. */
export const styles = [
  fieldStyles,
  css`
  /* The box kept from before the tag is defined on: its form (build/widgets-css.ts reads it for the page's rules). */
  :host {
    --_reserve: 3.875rem;
  }
  /* minmax(0, 1fr) and a row that wraps: at 320 px (and with wider text spacing) the button goes under the box, not past the column. */
  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  input {
    flex: 1 1 8em;
    min-inline-size: 0;
  }
  .results {
    list-style: none;
    margin: var(--_gap) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  li {
    display: grid;
    gap: 0.2em;
  }
  a {
    font-weight: 600;
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  mark {
    background: var(--portal-mark-color, color-mix(in srgb, var(--_accent) 15%, transparent));
    color: inherit;
    border-radius: 2px;
  }
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`,
];

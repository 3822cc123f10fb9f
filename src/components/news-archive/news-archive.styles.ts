import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.js';

/** The shared field styles, then the widget's own. */
export const styles = [
  fieldStyles,
  css`
  /* The box kept from before the tag is defined until the data shows (build/widgets-css.ts reads it for the page's rules). A six-week calendar; the date form below it shows in every state. */
  :host {
    --_reserve: 17.875rem;
  }
  /* fit-content, not max-content: in an auto-sized grid or flex column the calendar may shrink to its narrowest (320 px, text spacing). */
  .calendar {
    display: grid;
    gap: 0.5em;
    inline-size: fit-content;
    max-inline-size: 100%;
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .title {
    font-weight: 600;
  }
  .jump {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  table {
    border-collapse: collapse;
    text-align: center;
  }
  th {
    font-weight: normal;
    font-size: 0.8em;
    color: var(--_muted);
    padding: 0.25em;
  }
  td {
    position: relative;
    min-inline-size: 2.25em;
    block-size: 2.25em;
    padding: 0;
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  td[tabindex] {
    cursor: pointer;
  }
  td[tabindex]:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -1px;
  }
  td[part~='has-news'] {
    color: var(--_accent);
    font-weight: 700;
    background: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
  }
  td[part~='today'] {
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  td[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_surface);
  }
  /* 12 px at the default size: smaller figures are not readable (the count is also in the cell's name). */
  .count {
    position: absolute;
    inset-block-end: 1px;
    inset-inline-end: 2px;
    font-size: 0.75em;
    font-weight: 400;
    line-height: 1;
  }
  .months {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25em;
  }
  .months button {
    border: 0;
    padding: 0;
    background: none;
    text-align: start;
    text-decoration: underline;
  }
  .months [aria-pressed='true'],
  .months [aria-current] {
    font-weight: 700;
  }
  .date-form {
    display: grid;
    gap: 0.25em;
    margin-block-start: var(--_gap);
  }
  .row {
    display: flex;
    gap: 0.5em;
  }
  input {
    inline-size: 9em;
  }
  .date-error {
    margin: 0;
    color: var(--_error);
  }
  .date-error:empty {
    display: none;
  }
  @media (forced-colors: active) {
    /* Box shadows are not drawn in forced colours: the today ring becomes an outline. */
    td[part~='today'] {
      outline: 2px dotted CanvasText;
      outline-offset: -4px;
    }
    td[part~='has-news'] {
      text-decoration: underline;
    }
    td[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
`,
];

import { css } from 'lit';
import { fieldStyles } from '../../styles/fields.js';

/** The shared field styles, then the widget's own. */
export const styles = [
  fieldStyles,
  css`
  /* minmax(0, 1fr): a long link title in a <select> must not widen a narrow sidebar. */
  /* The box kept from before the tag is defined until the data shows (build/widgets-css.ts reads it for the page's rules). Three groups. */
  :host {
    --_reserve: 15.5rem;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_gap);
  }
  .group {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  label,
  .title {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 0.375em;
  }
  select,
  input {
    min-block-size: 2em;
  }
  select {
    flex: 1;
    min-inline-size: 0;
  }
  /* The filter box may not be wider than the column (Firefox sizes a search field by its characters, wider with text spacing). */
  .filter {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
  }
  .filter input {
    min-inline-size: 0;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: 0.25em;
  }
  /* A target of 24 px at least (WCAG 2.5.8): a list of short links is otherwise too tight. */
  [part='link'] {
    display: inline-block;
    min-block-size: 24px;
  }
  p {
    margin: 0;
  }
  .go-error {
    color: var(--_error);
  }
  @media (forced-colors: active) {
    select,
    input {
      border-color: ButtonText;
    }
  }
`,
];

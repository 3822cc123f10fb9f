/**
 * Form fields (input, select), styled once for the widgets that have them
 * (search, archive, links). A module of its own: a widget without fields (the
 * news list) does not carry these rules.
 */
import { css } from 'lit';

export const fieldStyles = css`
  input,
  select {
    font: inherit;
    /* The system field pair, not the inherited text: white text on a white field in a dark footer otherwise. */
    color: var(--portal-color-text, FieldText);
    background: var(--portal-color-surface, Field);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.375em;
    min-block-size: 24px;
  }
`;

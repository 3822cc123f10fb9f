/** Rules several news widgets share, each written once. */
import { css } from 'lit';

/** A plain list of items: no bullets, no indent, the gap between items (list, videos). */
export const itemListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
`;

/** An item's date and summary, quieter than its title (list, search). */
export const itemMetaStyles = css`
  time,
  .summary {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary {
    margin: 0;
  }
`;

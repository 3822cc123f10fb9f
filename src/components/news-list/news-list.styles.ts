import { css } from 'lit';

export const styles = css`
  /* One item skeleton per item to come, as tall as an item: a two-line title and the date, with the summary two lines more (build/widgets-css.ts reads it for the page's rules). */
  :host {
    --_item: 4.2625em;
  }
  :host([show-summary]) {
    --_item: 6.8875em;
  }
  .skeleton > [aria-hidden] {
    block-size: var(--_item);
  }
  /* A flex column rather than a one-column grid: the same boxes, and a long list lays out in half the time (Blink sizes each grid's tracks: 7 KB an item). */
  li {
    display: flex;
    flex-flow: column;
    gap: 0.25em;
  }
  .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--portal-card-min-width, 14rem)), 1fr));
  }
  .cards li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em;
  }
  .list li:has(img) {
    display: grid;
    grid-template-columns: var(--portal-thumb-width, 6rem) 1fr;
    column-gap: 0.75em;
  }
  .list img {
    grid-row: span 3;
  }
  img {
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_tint);
  }
  /* A 24 px target at least (WCAG 2.5.8), with a summary right below. */
  .title {
    font-weight: 600;
    line-height: 1.35;
    text-decoration: none;
    display: inline-block;
    min-block-size: 24px;
  }
  a.title:hover {
    text-decoration: underline;
  }
  .titles li {
    display: list-item;
    list-style: square inside;
  }
  /* Items have no white space between elements: the inline date and source keep their gap. */
  .titles li > * + * {
    margin-inline-start: 0.3em;
  }
  /* A hub's merged feed: the source per item and the stale note, as quiet as the date. */
  .source,
  .stale {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .stale {
    margin: 0;
  }
  .more {
    margin-block-start: var(--_gap);
  }
  .clear {
    margin-block: 0.25em var(--_gap);
  }
`;

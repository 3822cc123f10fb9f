import { css } from 'lit';

export const styles = css`
  /* The box kept from before the tag is defined until the data shows (build/widgets-css.ts reads it for the page's rules). An article is at least one screen long. */
  :host {
    --_reserve: 100svh;
  }
  article {
    display: grid;
    gap: var(--_gap);
    font-size: calc(var(--_scale, 1) * 1em);
  }
  .size-0 {
    --_scale: 0.875;
  }
  .size-2 {
    --_scale: 1.125;
  }
  .size-3 {
    --_scale: 1.25;
  }
  .size-4 {
    --_scale: 1.5;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.3;
  }
  [part='title'] {
    font-size: 1.6em;
  }
  .meta,
  .source {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  figure {
    margin: 0;
  }
  figure img {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: contain;
    background: var(--_tint);
    border-radius: var(--_radius);
  }
  .summary {
    margin: 0;
    font-weight: 600;
  }
  .body {
    max-inline-size: var(--portal-article-max-width, 75ch);
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  .body img {
    max-inline-size: 100%;
    block-size: auto;
  }
  .body table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  .body th,
  .body td {
    border: 1px solid var(--_border);
    padding: 0.25em 0.5em;
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_border);
  }
  .source {
    justify-content: flex-end;
    font-style: italic;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tags li {
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .attachments ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .related {
    margin-block-start: calc(2 * var(--_gap));
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_border);
    display: grid;
    gap: var(--_gap);
  }
  .not-found p {
    margin: 0 0 0.5em;
  }
  @media print {
    .tools,
    .related,
    .error {
      display: none;
    }
    .body {
      max-inline-size: none;
    }
  }
`;

/**
 * Real `<h1>`…`<h6>` elements, for the article alone (its title may be the page's h1, its
 * sections one level below): apart from ./heading.ts so that the other widgets' pages do
 * not carry six templates they never render.
 */
import { html } from 'lit';

/** h1…h6: the article's title (its `heading-level`, 1 allowed) and its sections, one level below, up to h6. */
const H_TAGS = [
  (part: string, c: unknown) => html`<h1 part=${part} id=${part}>${c}</h1>`,
  (part: string, c: unknown) => html`<h2 part=${part} id=${part}>${c}</h2>`,
  (part: string, c: unknown) => html`<h3 part=${part} id=${part}>${c}</h3>`,
  (part: string, c: unknown) => html`<h4 part=${part} id=${part}>${c}</h4>`,
  (part: string, c: unknown) => html`<h5 part=${part} id=${part}>${c}</h5>`,
  (part: string, c: unknown) => html`<h6 part=${part} id=${part}>${c}</h6>`,
];

/** A real `<hN part id>` element: `level` brought into 1–6 (a page's title must stay a heading). */
export const hTag = (level: number, part: string, content: unknown) =>
  H_TAGS[Math.min(Math.max(Math.trunc(level) || 1, 1), 6) - 1](part, content);

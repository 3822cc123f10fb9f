/**
 * The `heading-level` rule of every widget, in one place: a level 2–6 makes a
 * heading of that level; another value (0, the default of the news list) makes
 * none. The article, whose title may be the page's h1, takes 1 as well.
 */
import { html } from 'lit';

/** Whether `heading-level` names a heading: 2 to 6. */
export const isHeadingLevel = (level: number): boolean => level >= 2 && level <= 6;

/** `content` inside a `role="heading"` of `level`, or as it is when `level` names no heading. */
export const heading = (level: number, content: unknown): unknown =>
  isHeadingLevel(level) ? html`<div role="heading" aria-level=${level}>${content}</div>` : content;

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

/**
 * The `heading-level` rule of every widget, in one place: a level 2–6 makes a
 * heading of that level; another value (0, the default of the news list) makes
 * none. The article, whose title may be the page's h1, takes 1 as well, and makes
 * real `<hN>` elements (./heading-tags.ts).
 */
import { html } from 'lit';

/** Whether `heading-level` names a heading: 2 to 6. */
export const isHeadingLevel = (level: number): boolean => level >= 2 && level <= 6;

/**
 * `content` inside a `role="heading"` of `level`, or as it is when `level` names
 * no heading: the one writer of that markup in a template (the news list's item
 * builder, which uses no templates, writes the same with its own DOM calls). A
 * part or class goes on an element in `content`, e.g. `<span part="heading">`.
 */
export const heading = (level: number, content: unknown): unknown =>
  isHeadingLevel(level) ? html`<div role="heading" aria-level=${level}>${content}</div>` : content;

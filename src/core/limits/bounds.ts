/**
 * The bounds themselves and what every part of src/core/limits* shares: the
 * figures, the wording of a warning, the mark for an oversized text. A leaf,
 * so the parts loaded on demand import it without importing ../limits.ts back.
 */
import type { ParseWarning, WarningEffect, WarningProblem } from '../formats/warnings.js';

/** The bounds. Mutable for the corpus check only, which lifts them to compare. */
export const LIMITS = {
  /** Characters of a title (item, feed), a tag or an author's name: browsers lay out one huge text run for tens of seconds. */
  titleChars: 500,
  /** Characters of a summary. */
  summaryChars: 50_000,
  /** UTF-8 bytes of `content_html` or `content_text`; a larger body is not rendered but linked to the original. */
  contentBytes: 1_000_000,
  /** Elements nested deeper than this in `content_html` are unwrapped (their text kept) before sanitizing. */
  htmlDepth: 256,
  /** Items read from one document; those after it (older: feeds list newest first) are not parsed. */
  items: 10_000,
};

/**
 * A bound's warning, in the parsers' shape (formats/warnings.ts), with what
 * was cut in `value`: `items[0].title: too long (1048576 characters, cut to 500)`.
 */
export function limitWarning(path: string, problem: WarningProblem, effect: WarningEffect, value: string): ParseWarning {
  return { path, problem, effect, value };
}

/** Milliseconds of parse work between two yields to the event loop. */
export const SLICE_MS = 20;

/** Lets the page handle input and paint between two slices of parse work. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Stands in, in the document text, for a string or text run too long for any
 * field: more than 8 characters per byte of {@link LIMITS.contentBytes} (no
 * escape or entity is longer), so more than the limit once decoded. The parser
 * never copies it; boundFeed (../limits.ts) turns the field it lands in into a cut one.
 * Written as a URL of a scheme no reader allows, so a URL field drops it.
 */
export const CUT_MARK = 'portal-widgets-cut:\uFDD0';
export const oversized = (length: number) => length > LIMITS.contentBytes * 8;

/** What limitText (../limits.ts) did to a document's text. */
export interface LimitedText {
  text: string;
  /** Items beyond {@link LIMITS.items} were cut out. */
  itemsCut: boolean;
  /** An oversized string or text run was replaced by {@link CUT_MARK}. */
  marked: boolean;
}

/**
 * The bounds that keep one hostile feed from freezing or crashing a reader's tab
 * (or exhausting the hub, which parses with the same code): entity declarations
 * refused, text fields cut, oversized bodies not rendered, deep HTML flattened,
 * items beyond a count not parsed. Each cut leaves a warning naming what was
 * cut. docs/limits.md gives the figures; no real feed comes near them (the
 * 146-document corpus reads the same with and without them).
 *
 * This module is what every news widget loads: the bounds and the checks that
 * find a document within them. The work for one that is not (src/core/limits/)
 * loads only when such a document comes.
 */
import type { Feed } from './model.js';

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
 * The one place a bound's warning is worded, so that the warning shape of the
 * parsers changes here alone: `items[0].title: 1048576 characters, more than 500 (cut to 500)`.
 */
export function limitWarning(path: string, problem: string, effect: string): string {
  return `${path}: ${problem} (${effect})`;
}

/** Milliseconds of parse work between two yields to the event loop. */
export const SLICE_MS = 20;

/** Lets the page handle input and paint between two slices of parse work. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Stands in, in the document text, for a string or text run too long for any
 * field: more than 8 characters per byte of {@link LIMITS.contentBytes} (no
 * escape or entity is longer), so more than the limit once decoded. The parser
 * never copies it; {@link boundFeed} turns the field it lands in into a cut one.
 * Written as a URL of a scheme no reader allows, so a URL field drops it.
 */
export const CUT_MARK = 'portal-widgets-cut:\uFDD0';
export const oversized = (length: number) => length > LIMITS.contentBytes * 8;

/** What {@link limitText} did to a document's text. */
export interface LimitedText {
  text: string;
  /** Items beyond {@link LIMITS.items} were cut out. */
  itemsCut: boolean;
  /** An oversized string or text run was replaced by {@link CUT_MARK}. */
  marked: boolean;
}

/**
 * The document text within the bounds before any parser builds anything from
 * it: at most {@link LIMITS.items} items (for XML the items after the limit are
 * cut out of the text, the document's closing tags kept; for JSON every array
 * beyond the limit is closed after its first elements), and each oversized
 * string or text run replaced by {@link CUT_MARK}. Long scans yield to the page.
 */
export async function limitText(body: string): Promise<LimitedText> {
  if (body.startsWith('<')) return (await import('./limits/xml.js')).limitXml(body);
  // An oversized string needs a long text; an array of more than LIMITS.items elements, as many commas.
  if (!oversized(body.length)) {
    let commas = 0;
    for (let i = body.indexOf(','); i >= 0 && commas < LIMITS.items; i = body.indexOf(',', i + 1)) commas++;
    if (commas < LIMITS.items) return { text: body, itemsCut: false, marked: false };
  }
  return (await import('./limits/json.js')).limitJson(body);
}

/** Whether `text` is longer than `max` characters. */
const over = (text: string | undefined, max: number) => text !== undefined && text.length > max;

/**
 * `feed` within the bounds: titles (and tags, authors' names) and summaries
 * cut, oversized bodies dropped (the article links to the original), and a
 * warning when {@link limitText} cut items.
 */
export async function boundFeed(feed: Feed, limited: LimitedText): Promise<Feed> {
  const { titleChars, summaryChars, contentBytes } = LIMITS;
  const needed =
    limited.itemsCut ||
    limited.marked ||
    over(feed.title, titleChars) ||
    feed.items.some(
      (i) =>
        over(i.title, titleChars) ||
        over(i.summary, summaryChars) ||
        // Over a third of the bytes in characters may be over the bytes (3 per character at most): counted there.
        over(i.contentHtml, contentBytes / 3) ||
        over(i.contentText, contentBytes / 3) ||
        i.tags.some((t) => over(t, titleChars)) ||
        i.authors.some((a) => over(a.name, titleChars)),
    );
  return needed ? (await import('./limits/fields.js')).boundFields(feed, limited.itemsCut) : feed;
}

/**
 * The bounds that keep one hostile feed from freezing or crashing a reader's tab
 * (or exhausting the hub, which parses with the same code): entity declarations
 * refused, text fields cut, oversized bodies not rendered, deep HTML flattened,
 * items beyond a count not parsed. Each cut leaves a warning naming what was
 * cut. docs/limits.md gives the figures; no real feed comes near them (the
 * 146-document corpus reads the same with and without them).
 *
 * This module is what every news widget loads: the checks that find a document
 * within the bounds (the figures are in ./limits/bounds.ts). The work for one
 * that is not (./limits/) loads only when such a document comes.
 */
import { type LimitedText, LIMITS, oversized } from './limits/bounds.js';
import type { Feed } from './model.js';

export { LIMITS, limitWarning, type LimitedText } from './limits/bounds.js';

/**
 * The document text within the bounds before any parser builds anything from
 * it: at most {@link LIMITS.items} items (for XML the items after the limit are
 * cut out of the text, the document's closing tags kept; for JSON every array
 * beyond the limit is closed after its first elements), and each oversized
 * string or text run replaced by a mark (CUT_MARK). Long scans yield to the page.
 */
export async function limitText(body: string, xml = body.startsWith('<')): Promise<LimitedText> {
  if (xml) return (await import('./limits/xml.js')).limitXml(body);
  // An oversized string needs a long text; an array of more than LIMITS.items elements, as many commas.
  // The commas counted by split, not by a loop here (a loop run a thousand times is compiled: 2 KB of machine code kept).
  if (!oversized(body.length) && body.split(',', LIMITS.items + 1).length <= LIMITS.items) return { text: body, itemsCut: false, marked: false };
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

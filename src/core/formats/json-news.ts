/**
 * JSON news documents, loaded on demand by parseNews: a JSON Feed, or a CMS's
 * own JSON read through a field map (./json-mapped.ts, loaded only then). Items
 * with attachments load their reader (./json-attachments.ts) before the read; a
 * date that is not RFC 3339 loads the full date reader (./date-text.ts), an item
 * with only HTML to title it, or a title with character references, the
 * HTML-to-text reader (./html-text.ts), and the document is read again with them.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { fullDates, isObject, type Json } from './fields.js';
import type { FieldMap } from './json-value.js';
import { htmlText, isJsonFeed, itemAttachments, parseJsonFeed } from './json-feed.js';

export async function parseJsonNews(json: unknown, base: string, map: FieldMap | undefined, timeZone?: string): Promise<Feed> {
  if (!map && !isJsonFeed(json)) throw new PortalError('format', 'version: missing');
  const [mapped, attachments] = await Promise.all([
    map && import('./json-mapped.js'),
    // The same test as the reader's first line: an item whose `attachments` is neither absent nor null.
    (map ? map.attachments : Array.isArray((json as Json).items) && ((json as Json).items as unknown[]).some((i) => isObject(i) && i.attachments != null)) &&
      import('./json-attachments.js'),
  ]);
  if (attachments) itemAttachments.read = attachments.readAttachments;
  const read = () => (mapped ? mapped.parseMapped(json, base, map!, timeZone) : parseJsonFeed(json as Json, base, timeZone));
  const feed = read();
  const dates = !fullDates.read && feed.warnings.some((w) => w.problem === 'not-a-date');
  // Untitled but for its HTML (or titled by nothing at all: read again, it comes out the same),
  // or titled with what looks like a character reference (html-text.ts decodes only the real ones).
  const reference = /&#?\w+;/;
  const titles = !htmlText.read && (reference.test(feed.title ?? '') || feed.items.some((i) => (!i.title && i.contentHtml) || reference.test(i.title)));
  if (!dates && !titles) return feed;
  const [dateText, html] = await Promise.all([dates && import('./date-text.js'), titles && import('./html-text.js')]);
  if (dateText) fullDates.read = dateText.parseDate;
  if (html) htmlText.read = html;
  return read();
}

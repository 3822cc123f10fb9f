/**
 * JSON news documents, loaded on demand by parseNews: a JSON Feed, or a CMS's
 * own JSON read through a field map. A date that is not RFC 3339 loads the full
 * date reader (./date-text.ts), an item with only HTML to title it the HTML-to-text
 * reader (./html-text.ts), and the document is read again with them.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { getPath, hasFullDates, useFullDates, type Json } from './fields.js';
import type { FieldMap } from './json-value.js';
import { hasHtmlText, isJsonFeed, parseJsonFeed, readItems, useHtmlText } from './json-feed.js';
import type { ParseWarning } from './warnings.js';

export async function parseJsonNews(json: unknown, base: string, map: FieldMap | undefined, timeZone?: string): Promise<Feed> {
  if (!map && !isJsonFeed(json)) throw new PortalError('format', 'version: missing');
  const read = () => (map ? parseMapped(json, base, map, timeZone) : parseJsonFeed(json as Json, base, timeZone));
  const feed = read();
  const dates = !hasFullDates() && feed.warnings.some((w) => w.problem === 'not-a-date');
  // Untitled but for its HTML (or titled by nothing at all: read again, it comes out the same).
  const titles = !hasHtmlText() && feed.items.some((i) => !i.title && i.contentHtml);
  if (!dates && !titles) return feed;
  const [dateText, htmlText] = await Promise.all([dates && import('./date-text.js'), titles && import('./html-text.js')]);
  if (dateText) useFullDates(dateText.parseDate);
  if (htmlText) useHtmlText(htmlText.htmlToText);
  return read();
}

function parseMapped(json: unknown, base: string, map: FieldMap, timeZone?: string): Feed {
  const list = map.items ? getPath(json, map.items) : json;
  if (!Array.isArray(list)) throw new PortalError('format', `${map.items || '(root)'}: not an array`);
  const { items: _, ...fields } = map;
  const shaped = list.map((raw) => {
    const item: Json = {};
    for (const [key, path] of Object.entries(fields)) item[key] = getPath(raw, path);
    item.id ??= item.url ?? getPath(raw, 'id');
    return item;
  });
  const warnings: ParseWarning[] = [];
  return { items: readItems(shaped, map.items || 'items', base, warnings, timeZone), warnings };
}

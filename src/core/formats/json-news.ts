/**
 * JSON news documents, loaded on demand by parseNews: a JSON Feed, or a CMS's
 * own JSON read through a field map. A date that is not RFC 3339 loads the full
 * date reader (./date-text.ts) and the document is read again with it.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { getPath, hasFullDates, useFullDates, type Json } from './fields.js';
import type { FieldMap } from './json-value.js';
import { isJsonFeed, parseJsonFeed, readItems } from './json-feed.js';
import type { ParseWarning } from './warnings.js';

export async function parseJsonNews(json: unknown, base: string, map: FieldMap | undefined, timeZone?: string): Promise<Feed> {
  if (!map && !isJsonFeed(json)) throw new PortalError('format', 'version: missing');
  const read = () => (map ? parseMapped(json, base, map, timeZone) : parseJsonFeed(json as Json, base, timeZone));
  const feed = read();
  if (hasFullDates() || !feed.warnings.some((w) => w.problem === 'not-a-date')) return feed;
  useFullDates((await import('./date-text.js')).parseDate);
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

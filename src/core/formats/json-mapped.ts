/**
 * A CMS's own JSON read through a field map (the `map` attribute): loaded on
 * demand by ./news-read.ts and ./json-news.ts only when a map is given, so a
 * JSON Feed never downloads it.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { getPath, type FieldMap, type Json } from './json-value.js';
import { readItems } from './json-feed.js';
import type { ParseWarning } from './warnings.js';

export { parseFieldMap } from './field-map.js';

/** ASP.NET's JSON date, `/Date(1713490200000+0700)/`: milliseconds since 1970 (the offset says only where it was written). */
const ASP_NET_DATE = /^\/Date\((-?\d{1,16})(?:[+-]\d{4})?\)\/$/;

/**
 * A CMS's timestamp as RFC 3339, which the date readers know: an ASP.NET date, or
 * a number of seconds since 1970 (below 1e11, before the year 5138) or of
 * milliseconds. Anything else is returned as it is.
 */
function timestampText(value: unknown): unknown {
  const ms = typeof value === 'number' ? (Math.abs(value) < 1e11 ? value * 1000 : value) : typeof value === 'string' ? Number(ASP_NET_DATE.exec(value)?.[1] ?? NaN) : NaN;
  // new Date() holds ±8.64e15 ms; beyond that (or NaN) it is no timestamp.
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : value;
}

export function parseMapped(json: unknown, base: string, map: FieldMap, timeZone?: string): Feed {
  const list = map.items ? getPath(json, map.items) : json;
  if (!Array.isArray(list)) throw new PortalError('format', `${map.items || '(root)'}: not an array`);
  const { items: _, ...fields } = map;
  const shaped = list.map((raw) => {
    const item: Json = {};
    for (const [key, path] of Object.entries(fields)) item[key] = key.startsWith('date_') ? timestampText(getPath(raw, path)) : getPath(raw, path);
    item.id ??= item.url ?? getPath(raw, 'id');
    return item;
  });
  const warnings: ParseWarning[] = [];
  return { items: readItems(shaped, map.items || 'items', base, warnings, timeZone), warnings };
}

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

export function parseMapped(json: unknown, base: string, map: FieldMap, timeZone?: string): Feed {
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

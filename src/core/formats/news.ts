/**
 * Any news document → {@link Feed}: JSON Feed, RSS or Atom detected by content,
 * or a CMS's own JSON read through a field map.
 */
import { PortalError } from '../errors.js';
import { boundFeed, limitText } from '../limits.js';
import type { Feed } from '../model.js';
import { cleanBody, readJson, refuseHtml } from './document.js';
import { isObject, type Json } from './fields.js';
import { isJsonFeed, parseJsonFeed, readItems } from './json-feed.js';

/**
 * Where a CMS's JSON keeps its items and which of their fields are the JSON Feed
 * fields: `{"items": "data.list", "title": "TieuDe", "date_published": "NgayDang"}`.
 * Keys are JSON Feed item field names; values are dotted paths.
 */
export type FieldMap = { items: string } & Record<string, string>;

export async function parseNews(text: string, base: string, map?: FieldMap): Promise<Feed> {
  const body = cleanBody(text);
  refuseHtml(body);
  const limited = await limitText(body);
  return boundFeed(await readNews(limited.text, base, map), limited);
}

async function readNews(body: string, base: string, map?: FieldMap): Promise<Feed> {
  if (body.startsWith('<')) {
    const [{ parseXmlFeed }, { readXmlInSlices }] = await Promise.all([import('./xml-feed.js'), import('../limits/xml.js')]);
    return readXmlInSlices(body, (slice) => parseXmlFeed(slice, base));
  }
  const json = readJson(body);
  if (map) return parseMapped(json, base, map);
  if (isJsonFeed(json)) return parseJsonFeed(json, base);
  throw new PortalError('format', 'version: missing');
}

/** Reads a dotted path (`data.list`, `a.0.b`) from a JSON value. */
export function getPath(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) || Array.isArray(v) ? (v as Json)[key] : undefined), value);
}

/** Parses and checks a `map` attribute value. */
export function parseFieldMap(text: string): FieldMap {
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    throw new PortalError('config', 'map: not JSON');
  }
  if (!isObject(map) || typeof map.items !== 'string' || !Object.values(map).every((v) => typeof v === 'string'))
    throw new PortalError('config', 'map: needs "items" and string field paths');
  return map as FieldMap;
}

function parseMapped(json: unknown, base: string, map: FieldMap): Feed {
  const list = map.items ? getPath(json, map.items) : json;
  if (!Array.isArray(list)) throw new PortalError('format', `${map.items || '(root)'}: not an array`);
  const { items: _, ...fields } = map;
  const shaped = list.map((raw) => {
    const item: Json = {};
    for (const [key, path] of Object.entries(fields)) item[key] = getPath(raw, path);
    item.id ??= item.url ?? getPath(raw, 'id');
    return item;
  });
  const warnings: string[] = [];
  return { items: readItems(shaped, map.items || 'items', base, warnings), warnings };
}

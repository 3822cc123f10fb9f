/**
 * The `map` attribute: where a CMS's JSON keeps its items and which field is
 * which. Read with the readers (./news-read.ts), so a page without a map never
 * downloads it.
 */
import { PortalError } from '../errors.js';
import { isObject, type FieldMap } from './json-value.js';

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

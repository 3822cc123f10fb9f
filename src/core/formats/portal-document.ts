/**
 * The site documents this library defines (`portal-links/1`, `portal-banner/1`):
 * a versioned JSON object whose list entries are read one by one, an invalid
 * entry skipped with one warning naming its field path.
 */
import { PortalError } from '../errors.js';
import { readJson } from './document.js';
import { asObject, isObject, type Json } from './fields.js';
import type { ParseWarning } from './warnings.js';
import { Invalid, readEach } from './read-each.js';

/**
 * Parses `text` and checks `version`: another version of the same kind
 * (`portal-links/2`) is a version error, anything else a format error.
 */
export function readPortalDocument(text: string, version: string): Json {
  const doc = readJson(text);
  const found = isObject(doc) ? doc.version : undefined;
  if (found === version) return doc as Json;
  const kind = version.slice(0, version.indexOf('/') + 1);
  if (typeof found === 'string' && found.startsWith(kind)) throw new PortalError('version', `version: ${found}`);
  throw new PortalError('format', `version: ${found === undefined ? 'missing' : `not ${version}`}`);
}

/** The array at `doc[key]`; a missing or wrong-typed one is a format error naming the key. */
export function readArray(doc: Json, key: string, path = key): unknown[] {
  const list = doc[key];
  if (!Array.isArray(list)) throw new PortalError('format', `${path}: not an array`);
  return list;
}

/** Reads each entry of the array `list`: a non-object or {@link Invalid} entry is skipped with a warning. */
export const readObjects = <T>(list: unknown[], path: string, warnings: ParseWarning[], read: (raw: Json, path: string) => T | undefined): T[] =>
  readEach(list, path, warnings, (raw, p) => read(asObject(raw, p), p));

/** A required, non-empty string field. */
export function reqString(obj: Json, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== 'string') throw new Invalid(`${path}.${key}`, v === undefined ? 'missing' : 'not-a-string');
  if (!v.trim()) throw new Invalid(`${path}.${key}`, 'empty');
  return v.trim();
}

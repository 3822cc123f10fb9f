/**
 * Small readers shared by every format: each either returns a clean value or
 * throws {@link Invalid} naming the field path and a problem code
 * (`items[3].date_published`, `not-a-date`). Thrown from an entry's reader it
 * skips that entry; wrapped in {@link optional} it drops only the field.
 */
import { safeUrl } from '../safe-html.js';
import { parseDate } from './date-text.js';
import { Invalid, type ParseWarning } from './warnings.js';

export { parseDate } from './date-text.js';
export { Invalid } from './warnings.js';

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `raw` as an object, else the entry at `path` is skipped. */
export function asObject(raw: unknown, path: string): Json {
  if (!isObject(raw)) throw new Invalid(path, 'not-an-object');
  return raw;
}

/** Optional string: absent is fine, a wrong type is {@link Invalid}. */
export function optString(obj: Json, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new Invalid(`${path}.${key}`, 'not-a-string');
  return v.trim() || undefined;
}

/** Optional date: absent is fine, an unreadable one is {@link Invalid}. */
export function optDate(obj: Json, key: string, path: string, timeZone?: string): Date | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  const d = typeof v === 'string' ? parseDate(v, timeZone) : undefined;
  if (!d) throw new Invalid(`${path}.${key}`, 'not-a-date', typeof v === 'string' ? v.slice(0, 60) : undefined);
  return d;
}

/** Optional URL: a scheme that is not allowed drops the field, with a warning. */
export function optUrl(
  obj: Json,
  key: string,
  path: string,
  base: string,
  warnings: ParseWarning[],
  protocols?: readonly string[],
): string | undefined {
  const raw = optString(obj, key, path);
  if (raw === undefined) return undefined;
  return checkedUrl(raw, `${path}.${key}`, base, warnings, protocols);
}

/** `raw` resolved and allow-listed; a refused one is dropped with a warning naming `path`. */
export function checkedUrl(raw: string | null | undefined, path: string, base: string, warnings: ParseWarning[], protocols?: readonly string[]): string | undefined {
  if (!raw?.trim()) return undefined;
  const url = safeUrl(raw, base, protocols);
  if (!url) warnings.push({ path, problem: 'url-not-allowed', effect: 'drop-field', value: raw.slice(0, 60) });
  return url;
}

/** Non-negative number or undefined. */
export function optNumber(obj: Json, key: string, path: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new Invalid(`${path}.${key}`, 'not-a-number');
  return n;
}

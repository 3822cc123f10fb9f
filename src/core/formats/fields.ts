/**
 * Small readers shared by every format: each either returns a clean value or
 * throws {@link Invalid} naming the field path and a problem code
 * (`items[3].date_published`, `not-a-date`). Thrown from an entry's reader it
 * skips that entry; wrapped in {@link optional} it drops only the field.
 */
import { safeUrl } from '../urls.js';
import type { OnDemand } from './on-demand.js';
import type { ParseWarning } from './warnings.js';
import { Invalid } from './read-each.js';

export { Invalid } from './read-each.js';

/** The full date reader (./date-text.ts): loaded once a date {@link parseDate} does not know is met, it reads them all from then on. */
export const fullDates: OnDemand<(text: string, timeZone?: string) => Date | undefined> = {};

/** The number that `count` ASCII digits write at `from` in `s`; NaN when one is not a digit (or past the end). */
function digitsAt(s: string, from: number, count = 2): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Reads a date. Until the full reader is loaded only RFC 3339 with an offset
 * (what JSON feeds write) is known, in a few bytes; parseNews loads the full
 * reader (./date-text.ts) and reads again when a date was not understood.
 * `yyyy-mm-ddThh:mm[:ss[.fff…]]` then `Z` or `±hh[:]mm` (`T` may be a space; `T`
 * and `Z` in either case), read by position: a regular expression would be
 * compiled to 4 KB of machine code kept for the page's life, and one run per item.
 */
export function parseDate(text: string, timeZone?: string): Date | undefined {
  if (fullDates.read) return fullDates.read(text, timeZone);
  const s = text.trim();
  const T = s[10];
  if (s[4] != '-' || s[7] != '-' || (T != 'T' && T != 't' && T != ' ') || s[13] != ':') return undefined;
  const y = digitsAt(s, 0, 4);
  const mo = digitsAt(s, 5);
  const d = digitsAt(s, 8);
  const h = digitsAt(s, 11);
  const mi = digitsAt(s, 14);
  let at = 16; // where the zone starts
  let sec = 0;
  let ms = 0;
  if (s[at] == ':') {
    sec = digitsAt(s, 17);
    at = 19;
    if (s[at] == '.') {
      while (digitsAt(s, ++at, 1) >= 0);
      if (at == 20) return undefined; // a point without digits
      ms = Math.round(Number(`0${s.slice(19, at)}`) * 1000);
    }
  }
  const sign = s[at];
  let offset = 0;
  if (sign == 'Z' || sign == 'z') {
    if (s.length != at + 1) return undefined;
  } else {
    const colon = s[at + 3] == ':' ? 1 : 0;
    const zh = digitsAt(s, at + 1);
    const zm = digitsAt(s, at + 3 + colon);
    if ((sign != '+' && sign != '-') || s.length != at + 5 + colon || !(zh <= 14 && zm >= 0)) return undefined;
    offset = (sign == '-' ? -1 : 1) * (zh * 60 + zm);
  }
  // A digit missing is NaN, which fails every test here.
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCDate() === d && h <= 23 && mi <= 59 && sec <= 60 ? new Date(Date.UTC(y, mo - 1, d, h, mi, Math.min(sec, 59)) + ms - offset * 60_000) : undefined;
}

import { isObject, type Json } from './json-value.js';

export { getPath, isObject, type Json } from './json-value.js';

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

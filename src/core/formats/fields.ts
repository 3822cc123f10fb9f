/**
 * Small readers shared by every format: each either returns a clean value or
 * throws {@link Invalid} naming the field path and a problem code
 * (`items[3].date_published`, `not-a-date`). Thrown from an entry's reader it
 * skips that entry; wrapped in {@link optional} it drops only the field.
 */
import { OLDEST_DATE_YEAR } from '../dates.js';
import { safeUrl } from '../urls.js';
import type { OnDemand } from './on-demand.js';
import type { ParseWarning } from './warnings.js';
import { Invalid } from './read-each.js';

export { Invalid } from './read-each.js';

/** The full date reader (./date-text.ts): loaded once a date {@link parseDate} does not know is met, it reads them all from then on. */
export const fullDates: OnDemand<(text: string, timeZone?: string) => Date | undefined> = {};

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(?:(z)|([+-])(\d\d):?(\d\d))$/i;

/**
 * Reads a date. Until the full reader is loaded only RFC 3339 with an offset
 * (what JSON feeds write) is known, in a few bytes; parseNews loads the full
 * reader (./date-text.ts) and reads again when a date was not understood.
 * The groups are read one by one: an array destructured (and a callback per
 * group) is several times the bytecode, and so the machine code, of this
 * function, which runs for every item.
 */
export function parseDate(text: string, timeZone?: string): Date | undefined {
  if (fullDates.read) return fullDates.read(text, timeZone);
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const d = +m[3];
  const h = +m[4];
  const mi = +m[5];
  const sec = +(m[6] ?? 0);
  const zh = +m[10]; // NaN for `Z`
  const y = +m[1];
  const mo = +m[2] - 1;
  const day = Date.UTC(y, mo, d, h, mi, Math.min(sec, 59));
  const offset = m[8] ? 0 : (m[9] == '-' ? -1 : 1) * (zh * 60 + +m[11]);
  const date = new Date(day); // a month 00 or 13 rolls over: the month read back differs
  const t = day + Math.round(+`0${m[7] ?? ''}` * 1000) - offset * 60_000;
  // t == 0: the Unix epoch, a CMS's "no date" (see OLDEST_DATE_YEAR).
  return y < OLDEST_DATE_YEAR || date.getUTCMonth() !== mo || date.getUTCDate() !== d || h > 23 || mi > 59 || sec > 60 || zh > 14 || !t ? undefined : new Date(t);
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

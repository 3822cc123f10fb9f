/**
 * Small readers shared by every format: each either returns a clean value or
 * records a warning naming the field path (`items[3].date_published: not a date`).
 * An {@link Invalid} thrown from a reader skips the item it is reading.
 */
import { safeUrl } from '../urls.js';

export type Json = Record<string, unknown>;

export class Invalid extends Error {}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Optional string: absent is fine, a wrong type skips the item. */
export function optString(obj: Json, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new Invalid(`${path}.${key}: not a string`);
  return v.trim() || undefined;
}

/** Optional date: absent is fine, an unreadable one skips the item. */
export function optDate(obj: Json, key: string, path: string): Date | undefined {
  const v = obj[key];
  if (v === undefined || v === null || v === '') return undefined;
  const d = typeof v === 'string' ? parseDate(v) : undefined;
  if (!d) throw new Invalid(`${path}.${key}: not a date`);
  return d;
}

/** Optional URL: a scheme that is not allowed drops the field, with a warning. */
export function optUrl(
  obj: Json,
  key: string,
  path: string,
  base: string,
  warnings: string[],
  protocols?: readonly string[],
): string | undefined {
  const raw = optString(obj, key, path);
  if (raw === undefined) return undefined;
  const url = safeUrl(raw, base, protocols);
  if (!url) warnings.push(`${path}.${key}: URL not allowed (${raw.slice(0, 60)})`);
  return url;
}

/** Non-negative number or undefined. */
export function optNumber(obj: Json, key: string, path: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new Invalid(`${path}.${key}: not a number`);
  return n;
}

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = /^(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|[a-z]{1,5})?$/i;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads RFC 3339 (JSON Feed, Atom), RFC 822 (RSS: `Fri, 19 Apr 2024 08:00:00 +0700`)
 * and the `dd/MM/yyyy [HH:mm]` that Vietnamese CMSs write, the latter taken as
 * Vietnam time (UTC+7, no daylight saving).
 */
export function parseDate(text: string): Date | undefined {
  const s = text.trim();
  const dmy = DMY.exec(s);
  if (dmy) {
    const [, d, m, y, hh = '0', mm = '0', ss = '0'] = dmy;
    const day = new Date(Date.UTC(+y, +m - 1, +d));
    if (day.getUTCDate() !== +d || day.getUTCMonth() !== +m - 1 || +hh > 23 || +mm > 59 || +ss > 59) return undefined;
    return new Date(day.getTime() + ((+hh - 7) * 60 + +mm) * 60_000 + +ss * 1000);
  }
  // Only the two standard forms go to Date.parse: browsers guess at anything else differently.
  if (!ISO.test(s) && !RFC822.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/**
 * Days and their display in a time zone. "News of 19/04" means 19/04 in the
 * widget's time zone (default Asia/Ho_Chi_Minh) for a reader anywhere, so day keys
 * come from Intl in that zone, never from the reader's local clock. Intl costs no
 * bytes; the archive's calendar arithmetic is a few lines of Date (core/calendar.ts).
 */
import { localeOf, type Lang } from './locale.js';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * The first year a feed's date is believed in: earlier ones are a CMS's "no date"
 * (.NET's 0001-01-01, SQL Server's 1753-01-01 and 1900-01-01), read as no date,
 * not as a day of 1901 or of 1900 (Date.UTC reads years 0–99 as 1900–1999).
 * So is the Unix epoch itself, 1970-01-01T00:00:00Z (a null read as a timestamp):
 * the date readers return no date for it.
 */
export const OLDEST_DATE_YEAR = 1901;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are costly to create: one per use and zone, made once (`key` names the use). */
export function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  key += options.timeZone;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown time-zone attribute falls back to the default zone rather than throwing.
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone: DEFAULT_TIME_ZONE });
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * `yyyy-mm-dd` in the default zone without Intl, whose first formatter costs a
 * phone tens of ms of the first render: Asia/Ho_Chi_Minh has kept UTC+7 since
 * 13 June 1975 (tzdb); earlier dates, years past 8900 and other zones go through Intl.
 */
function defaultZoneDay(date: Date, timeZone: string): string | undefined {
  const t = +date;
  // 1975-06-12T16:00Z; 2.2e14: year 8941.
  return timeZone == DEFAULT_TIME_ZONE && t >= 1718208e5 && t < 2.2e14 ? new Date(t + 252e5).toISOString().slice(0, 10) : undefined;
}

/** `yyyy-MM-dd` of the day `date` falls on in `timeZone`. */
export function dayKey(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  // en-CA formats as yyyy-MM-dd.
  return defaultZoneDay(date, timeZone) ?? formatter('day', 'en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** A date for reading: `19/04/2024` in vi, `Apr 19, 2024` in en. */
export function formatDate(date: Date, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  const fast = lang == 'vi' && defaultZoneDay(date, timeZone);
  return fast
    ? fast.split('-').reverse().join('/')
    : formatter(lang, localeOf(lang), lang === 'vi' ? { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' } : { timeZone, dateStyle: 'medium' }).format(date);
}

/**
 * Sort order of items by date, newest first; items without a date after the
 * dated ones. Equal (and undated) items compare 0, so a stable sort keeps
 * their feed order.
 */
export function newestFirst(a: { published?: Date }, b: { published?: Date }): number {
  const ta = a.published?.getTime() ?? -Infinity;
  const tb = b.published?.getTime() ?? -Infinity;
  return ta === tb ? 0 : tb > ta ? 1 : -1;
}

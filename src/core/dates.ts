/**
 * Days and their display in a time zone. "News of 19/04" means 19/04 in the
 * widget's time zone (default Asia/Ho_Chi_Minh) for a reader anywhere, so day keys
 * come from Intl in that zone, never from the reader's local clock. Intl costs no
 * bytes; the archive's calendar arithmetic is a few lines of Date (core/calendar.ts).
 */
import { localeOf, type Lang } from './locale.js';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

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

/** The vi date formatter (`19/04/2024`), which also gives the day keys: one formatter where the page is Vietnamese. */
const viDate = (timeZone: string) => formatter('vi', localeOf('vi'), { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });

/** `yyyy-MM-dd` of the day `date` falls on in `timeZone`. */
export function dayKey(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const part: Record<string, string> = {};
  for (const { type, value } of viDate(timeZone).formatToParts(date)) part[type] = value;
  return `${part.year}-${part.month}-${part.day}`;
}

/** A date for reading: `19/04/2024` in vi, `Apr 19, 2024` in en. */
export function formatDate(date: Date, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return (lang === 'vi' ? viDate(timeZone) : formatter(lang, localeOf(lang), { timeZone, dateStyle: 'medium' })).format(date);
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

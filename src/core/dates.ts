/**
 * Days and their display in a time zone. "News of 19/04" means 19/04 in the
 * widget's time zone (default Asia/Ho_Chi_Minh) for a reader anywhere, so day keys
 * come from Intl in that zone, never from the reader's local clock. Intl costs no
 * bytes; date-fns does the calendar arithmetic where a widget needs it.
 */
import type { Lang } from './i18n/index.js';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Intl formatters are costly to create: one per use and zone, made once (`key` names the use). */
function formatter(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
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

/** `yyyy-MM-dd` of the day `date` falls on in `timeZone`. */
export function dayKey(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  // en-CA formats as yyyy-MM-dd.
  return formatter('day', 'en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** `yyyy-MM` of the month `date` falls in, in `timeZone`. */
export const monthKey = (date: Date, timeZone?: string) => dayKey(date, timeZone).slice(0, 7);

/** A date for reading: `19/04/2024` in vi, `Apr 19, 2024` in en. */
export function formatDate(date: Date, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return lang === 'vi'
    ? formatter('vi', 'vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)
    : formatter('en', 'en-US', { timeZone, dateStyle: 'medium' }).format(date);
}

/** Numbers grouped the reader's way: 2.595.954 in vi, 2,595,954 in en. */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US').format(n);
}

/**
 * The reader's language and its Intl locale, in one place: widgets, the CLI and
 * the hub name languages as `vi`/`en`; Intl wants `vi-VN`/`en-US`.
 */
export type Lang = 'vi' | 'en';

/** The Intl locale of `lang`: `vi-VN` (dd/MM/yyyy, 2.595.954) or `en-US`. */
export const localeOf = (lang: Lang): string => (lang === 'vi' ? 'vi-VN' : 'en-US');

/** `en`, `en-GB`, `en_US.UTF-8` … are English; anything else is Vietnamese, the default. */
export const toLang = (tag: string): Lang => (/^en(\b|_)/i.test(tag) ? 'en' : 'vi');

/** Numbers grouped the reader's way: 2.595.954 in vi, 2,595,954 in en. `options` as Intl takes them (units …). */
export function formatNumber(n: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(localeOf(lang), options).format(n);
}

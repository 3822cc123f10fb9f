/**
 * Messages of a filtered `<portal-news-list>`: the visible result line ("3 tin
 * cho «hội nghị», xếp theo mức độ phù hợp", "1 tin ngày 30/03/2024") and its
 * "Xem tất cả" button. Loaded with the list's first filter (through
 * components/news-list/filtered.ts): a list that is never filtered never
 * downloads them.
 */
import type { NewsFilter } from '../news-filter.js';
import type { Lang, Localized } from './index.js';

/**
 * A `yyyy-MM-dd` day or `yyyy-MM` month as the widgets show dates: 30/03/2024,
 * 3/2024; Mar 30, 2024, March 2024. (Intl directly: importing dates.ts here
 * would split it into a chunk of its own that every list then loads.)
 */
function when(key: string, lang: Lang): string {
  const day = key.length === 10;
  return new Date(`${day ? key : `${key}-15`}T12:00:00Z`).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: day ? (lang === 'vi' ? '2-digit' : 'short') : lang === 'vi' ? 'numeric' : 'long',
    day: day ? (lang === 'vi' ? '2-digit' : 'numeric') : undefined,
  });
}

export const filterMessages: Localized<{ line: (n: number, filter: NewsFilter) => string; all: string }> = {
  vi: {
    line: (n, { query, date, tag }) =>
      `${n ? `${n} tin` : 'Không có tin nào'}${query ? ` cho «${query}»` : ''}${tag ? ` có thẻ «${tag}»` : ''}${
        date ? ` ${date.length === 10 ? 'ngày' : 'tháng'} ${when(date, 'vi')}` : ''
      }${query && n > 1 ? ', xếp theo mức độ phù hợp' : ''}`,
    all: 'Xem tất cả',
  },
  en: {
    line: (n, { query, date, tag }) =>
      `${n === 1 ? '1 article' : n ? `${n} articles` : 'No articles'}${query ? ` for “${query}”` : ''}${tag ? ` tagged “${tag}”` : ''}${
        date ? ` ${date.length === 10 ? 'on' : 'in'} ${when(date, 'en')}` : ''
      }${query && n > 1 ? ', most relevant first' : ''}`,
    all: 'Show all',
  },
};


/**
 * Which items a news list shows: the filters that the list, the archive and the
 * search share. Days and months are counted in the list's time zone.
 */
import { warnConfig } from './config.js';
import { dayKey } from './dates.js';
import type { NewsItem } from './model.js';
import type { SearchIndex } from './text.js';

export interface NewsFilter {
  /** `yyyy-MM-dd` for a day, `yyyy-MM` for a month. */
  date?: string;
  /** Words to search for (Vietnamese-aware). */
  query?: string;
  /** Only items with this tag (case- and diacritic-sensitive, as written in the feed). */
  tag?: string;
  /** An item id to leave out ("Các tin khác" under an article). */
  exclude?: string;
}

/** The first year of news a widget offers (older dates are most often a CMS's empty date, 1970 or 1900). */
export const FIRST_NEWS_YEAR = 1990;

/**
 * The last year of news a widget offers. Fixed, not the reader's clock plus one: a phone whose
 * clock fell back to 2019 (a flat battery) would otherwise hide every newer item. It only has to
 * reject nonsense (`9999-12-31`, a typo 8024); the archive's year list runs from the news, not to it.
 */
export const LAST_NEWS_YEAR = 2100;

/** Whether `year` is one the widgets show news of: from {@link FIRST_NEWS_YEAR} to {@link LAST_NEWS_YEAR}. */
export const isNewsYear = (year: number): boolean => year >= FIRST_NEWS_YEAR && year <= LAST_NEWS_YEAR;

/**
 * Whether `key` is a real calendar day (`yyyy-MM-dd`) or month (`yyyy-MM`) of a
 * news year ({@link isNewsYear}): not `19/04/2024`, `2024-13-45`, `2024-02-30` nor `9999-12-31`.
 */
export function isDateKey(key: unknown): key is string {
  const m = typeof key == 'string' && /^(\d{4})-(\d\d)(-(\d\d))?$/.exec(key);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +(m[4] ?? 1)));
  return !!d && isNewsYear(+m[1]) && d.toISOString().startsWith(key as string);
}

/** `filter` without a `date` that is no {@link isDateKey} (with a console warning): no "Invalid Date", no filter on a day that does not exist. */
export function checkedFilter(filter: NewsFilter): NewsFilter {
  if (!filter.date || isDateKey(filter.date)) return filter;
  warnConfig(`date: "${filter.date}" ignored (not a day or month from ${FIRST_NEWS_YEAR} on)`);
  return { ...filter, date: undefined };
}

/**
 * Filters `items`. A `query` needs the feed's {@link SearchIndex} (from
 * `searchIndex()` in text.ts, which callers import on demand); without it the
 * query is not applied yet.
 */
export function filterNews(
  items: readonly NewsItem[],
  filter: NewsFilter,
  timeZone?: string,
  index?: Pick<SearchIndex, 'search'>,
): NewsItem[] {
  const { date, query, tag, exclude } = filter;
  let out = query?.trim() && index ? index.search(query) : items.slice();
  if (exclude) out = out.filter((i) => i.id !== exclude);
  if (tag) out = out.filter((i) => i.tags.includes(tag));
  if (date) out = out.filter((i) => i.published && dayKey(i.published, timeZone).startsWith(date));
  return out;
}

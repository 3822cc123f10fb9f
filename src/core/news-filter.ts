/**
 * Which items a news list shows: the filters that the list, the archive and the
 * search share. Days and months are counted in the list's time zone.
 */
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

/**
 * What a filtered `<portal-news-list>` adds, loaded with its first filter: a
 * list that is never filtered never downloads it (the news-list budget is
 * counted without it). The result line's words, and "Xem tất cả", which clears
 * the filter and takes it out of the address.
 */
import { filterMessages } from '../../core/i18n/news-filter.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsFilter } from '../../core/news-filter.js';
import type { PortalNewsList } from './news-list.component.js';

/** `list`'s result line: "3 tin cho «hội nghị», xếp theo mức độ phù hợp". */
export const line = (list: PortalNewsList): string => filterMessages[list.language].line(list.matchingItems.length, list['active']);

/** "Xem tất cả" / "Show all". */
export const allLabel = (lang: Lang): string => filterMessages[lang].all;

/**
 * Clears `list`'s filter; with `sync-url`, its `?date=`, `?q=`, `?tag=` too (a
 * new history entry: Back brings the filter again). Fires `portal-filter`, so
 * a search or archive `for` the list empties its box or day.
 */
export async function clearFilter(list: PortalNewsList): Promise<void> {
  if (list.syncUrl) {
    const url = new URL(location.href);
    for (const k of ['date', 'q', 'tag']) url.searchParams.delete(k);
    history.pushState(history.state, '', url);
  }
  const filter: NewsFilter = { date: '', query: '', tag: '' };
  await list.filter(filter);
  list.emit('portal-filter', { filter });
  list['focusItem'](0); // the button is gone: focus goes to the first item, not to <body>
}

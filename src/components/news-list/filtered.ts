/**
 * What a filtered `<portal-news-list>` adds, loaded with its first filter: a
 * list that is never filtered never downloads it (the news-list budget is
 * counted without it). The result line's words, and "Xem tất cả", which clears
 * the filter and takes it out of the address.
 */
import { filterMessages } from '../../core/i18n/news-filter.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsFilter } from '../../core/news-filter.js';
import type { PortalEventDetails } from '../../internal/events.js';

/** What this module needs of the list (its own type would be an import circle with news-list.component.ts). */
interface FilteredList {
  language: Lang;
  syncUrl: boolean;
  matchingItems: readonly unknown[];
  filter(filter: NewsFilter): Promise<void>;
  emit(name: 'portal-filter', detail: PortalEventDetails['portal-filter']): boolean;
}
/** The list's own state this module reads and calls (private in the class). */
type Internals = { active: NewsFilter; focusItem(i: number): void };

/** `list`'s result line: "3 tin cho «hội nghị», xếp theo mức độ phù hợp". */
export const line = (list: FilteredList): string =>
  filterMessages[list.language].line(list.matchingItems.length, (list as unknown as Internals).active);

/** "Xem tất cả" / "Show all". */
export const allLabel = (lang: Lang): string => filterMessages[lang].all;

/**
 * Clears `list`'s filter; with `sync-url`, its `?date=`, `?q=`, `?tag=` too (a
 * new history entry: Back brings the filter again). Fires `portal-filter`, so
 * a search or archive `for` the list empties its box or day.
 */
export async function clearFilter(list: FilteredList): Promise<void> {
  if (list.syncUrl) {
    const url = new URL(location.href);
    for (const k of ['date', 'q', 'tag']) url.searchParams.delete(k);
    history.pushState(history.state, '', url);
  }
  const filter: NewsFilter = { date: '', query: '', tag: '' };
  await list.filter(filter);
  list.emit('portal-filter', { filter });
  (list as unknown as Internals).focusItem(0); // the button is gone: focus goes to the first item, not to <body>
}

/**
 * What a filtered `<portal-news-list>` adds, loaded with its first filter: a
 * list that is never filtered never downloads it (the news-list budget is
 * counted without it). The result line's words, and "Xem tất cả", which clears
 * the filter and takes it out of the address.
 */
import { toPortalError, type PortalError } from '../../core/errors.js';
import { filterMessages } from '../../core/i18n/news-filter.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsFilter } from '../../core/news-filter.js';
import type { PortalEventDetails } from '../../internal/events.js';
import type { NewsPages } from '../../internal/news-pages.js';

/** What this module needs of the list (its own type would be an import circle with news-list.component.ts). */
interface FilteredList {
  language: Lang;
  syncUrl: boolean;
  matchingItems: readonly unknown[];
  updateComplete: Promise<boolean>;
  filter(filter: NewsFilter): Promise<void>;
  emit(name: 'portal-filter', detail: PortalEventDetails['portal-filter']): boolean;
}
/** The list's own state this module reads and calls (private in the class). */
type Internals = { active: NewsFilter; focusItem(i: number): void; pages: NewsPages; moreLoading: boolean; moreError?: PortalError; announce(): void };

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

/** Per list: the filter and next page its pages were last loaded for, and that load (a second caller waits for it). */
const loadedFor = new WeakMap<FilteredList, { key: string; done: Promise<void> }>();

/**
 * A paged feed (next_url) is filtered whole: a query or a tag looks in every
 * page, a date in the pages down to that day, so what is found and counted is
 * the feed's, not its first page's.
 */
export function loadFilteredPages(list: FilteredList): Promise<void> {
  const own = list as unknown as Internals;
  const { date, query, tag } = own.active;
  const key = `${JSON.stringify(own.active)} ${own.pages.next}`;
  if (!(date || query || tag) || !own.pages.next) return Promise.resolve();
  const last = loadedFor.get(list);
  if (last?.key === key) return last.done;
  const done = loadPages(list, own, date && !query && !tag ? (date.length === 7 ? `${date}-01` : date) : undefined);
  loadedFor.set(list, { key, done });
  return done;
}

async function loadPages(list: FilteredList, own: Internals, day: string | undefined): Promise<void> {
  own.moreLoading = true;
  try {
    await own.pages.loadBackTo(day);
  } catch (e) {
    own.moreError = toPortalError(e);
  } finally {
    own.moreLoading = false;
  }
  await list.updateComplete;
  own.announce();
}

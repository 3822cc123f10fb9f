/**
 * What a `<portal-news-list>` adds when the reader acts on it, loaded with its
 * first filter or "Xem thêm": a list only read at a glance never downloads it
 * (the news-list budget is counted without it). The result line's words,
 * "Xem tất cả", which clears the filter and takes it out of the address, and
 * "Xem thêm".
 */
import { toPortalError, type PortalError } from '../../core/errors.js';
import type { NewsItem } from '../../core/model.js';
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
  renderRoot: ParentNode;
  filter(filter: NewsFilter): Promise<void>;
  emit(name: 'portal-filter', detail: PortalEventDetails['portal-filter']): boolean;
}
/** The list's own state this module reads and calls (private in the class). */
type Internals = {
  active: NewsFilter;
  pages: NewsPages;
  moreLoading: boolean;
  moreError?: PortalError;
  announce(): void;
  limit: number;
  shown: number;
  matching(items: NewsItem[]): NewsItem[];
  text?: typeof import('../../core/text.js');
  announced?: unknown;
};

/** `list`'s result line: "3 tin cho «hội nghị», xếp theo mức độ phù hợp". */
export const line = (list: FilteredList): string =>
  filterMessages[list.language].line(list.matchingItems.length, (list as unknown as Internals).active);

/** {@link PortalNewsList.filter}'s work once this module is there: the search code first for a query, then the filter, then its further pages. */
export async function applyFilter(list: FilteredList, filter: NewsFilter): Promise<void> {
  const own = list as unknown as Internals;
  if (filter.query?.trim()) own.text ??= await import('../../core/text.js');
  own.active = { ...own.active, ...filter };
  own.shown = 0;
  own.announced = null; // announced in the render that shows the items it counts: nothing moves under the line afterwards
  await list.updateComplete;
  await loadFilteredPages(list);
}

/** Moves focus to item `i`'s title: its link, or the title itself when it has none (tabindex -1 for this). */
const focusItem = (list: FilteredList, i: number): void => list.renderRoot.querySelectorAll<HTMLElement>('.title')[i]?.focus();

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
  focusItem(list, 0); // the button is gone: focus goes to the first item, not to <body>
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

/** "Xem thêm": `limit` items more, reading further pages when the loaded ones cannot fill them; focus goes to the first new item. */
export async function more(list: FilteredList): Promise<void> {
  const own = list as unknown as Internals;
  const target = (own.shown || own.limit) + own.limit;
  // Fetch further pages only when the loaded items cannot fill the next step.
  if (list.matchingItems.length < target && own.pages.next) {
    own.moreLoading = true;
    own.moreError = undefined;
    try {
      await own.pages.load((items) => own.matching(items as NewsItem[]).length >= target);
    } catch (e) {
      own.moreError = toPortalError(e);
      return;
    } finally {
      own.moreLoading = false;
    }
  }
  const first = own.shown || own.limit;
  own.shown = target;
  await list.updateComplete;
  own.announce();
  // The button may be gone now: focus goes to the first new item, not to <body>.
  focusItem(list, first);
}

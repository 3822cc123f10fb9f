/**
 * What a `<portal-news-list>` adds when the reader acts on it, loaded with its
 * first filter or "Xem thêm": a list only read at a glance never downloads it
 * (the news-list budget is counted without it). The result line's words,
 * "Xem tất cả", which clears the filter, "Xem thêm", and the page address that
 * `sync-url` keeps saying the filter.
 */
import { toPortalError } from '../../core/errors.js';
import { filterMessages } from '../../core/i18n/news-filter.js';
import type { Lang } from '../../core/i18n/index.js';
import { isDateKey, type NewsFilter } from '../../core/news-filter.js';
import type { FilteredList } from './filtered-list.js';

/** `list`'s result line: "3 tin cho «hội nghị», xếp theo mức độ phù hợp". */
export const line = (list: FilteredList): string =>
  filterMessages[list.language].line(list.matchingItems.length, list.active);

/** {@link PortalNewsList.filter}'s work once this module is there: the search code first for a query, then the filter, then its further pages. */
export async function applyFilter(list: FilteredList, filter: NewsFilter): Promise<void> {
  if (filter.query?.trim()) list.text ??= await import('../../core/text.js');
  list.active = { ...list.active, ...filter };
  if (list.syncUrl) writeAddress(list.active);
  list.shown = 0;
  list.announced = null; // announced in the render that shows the items it counts: nothing moves under the line afterwards
  await list.updateComplete;
  await loadFilteredPages(list);
}

/** The address parameter of each filter key, as `sync-url` reads and writes them. */
const PARAMS = [
  ['date', 'date'],
  ['q', 'query'],
  ['tag', 'tag'],
] as const;

/** Query changes closer together than this are one reader action: typing, the search filtering at each pause. */
const TYPING_MS = 2000;

/** The address the last change wrote, and when: a query edited soon after takes its history entry. */
let typed: { href: string; at: number } | undefined;

/**
 * With `sync-url`, the page address says `filter`: a new history entry when it
 * said another (a reader's search, day, "Xem tất cả"), so Back shows the one
 * before and a reload the same; none when it says this one already (the filter
 * read from it on load or on Back). A query typed is one entry, not one per
 * pause. A date that is no day is no filter: the list ignored it, the address
 * keeps it until the reader filters.
 */
function writeAddress(filter: NewsFilter): void {
  const url = new URL(location.href);
  const said = (param: string) => {
    const value = url.searchParams.get(param)?.trim() ?? '';
    return param === 'date' && !isDateKey(value) ? '' : value;
  };
  const changed = PARAMS.filter(([param, key]) => said(param) !== (filter[key]?.trim() ?? ''));
  if (!changed.length) return;
  // One query edited into another (not a box emptied, nor filled from empty: those are entries of their own).
  const edited = changed.length === 1 && changed[0][0] === 'q' && !!said('q') && !!filter.query?.trim();
  for (const [param, key] of PARAMS) {
    const value = filter[key]?.trim();
    if (value) url.searchParams.set(param, value);
    else url.searchParams.delete(param);
  }
  const now = performance.now();
  const typing = edited && typed?.href === location.href && now - typed.at < TYPING_MS;
  history[typing ? 'replaceState' : 'pushState'](history.state, '', url);
  typed = { href: location.href, at: now };
}

/** Moves focus to item `i`'s title: its link, or the title itself when it has none (tabindex -1 for this). */
const focusItem = (list: FilteredList, i: number): void => list.renderRoot.querySelectorAll<HTMLElement>('.title')[i]?.focus();

/** "Xem tất cả" / "Show all". */
export const allLabel = (lang: Lang): string => filterMessages[lang].all;

/**
 * Clears `list`'s filter (with `sync-url`, its address parameters too: see
 * {@link writeAddress}). Fires `portal-filter`, so a search or archive `for`
 * the list empties its box or day.
 */
export async function clearFilter(list: FilteredList): Promise<void> {
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
  const { date, query, tag } = list.active;
  const key = `${JSON.stringify(list.active)} ${list.pages.next}`;
  if (!(date || query || tag) || !list.pages.next) return Promise.resolve();
  const last = loadedFor.get(list);
  if (last?.key === key) return last.done;
  const done = loadPages(list, date && !query && !tag ? (date.length === 7 ? `${date}-01` : date) : undefined);
  loadedFor.set(list, { key, done });
  return done;
}

async function loadPages(list: FilteredList, day: string | undefined): Promise<void> {
  list.moreLoading = true;
  try {
    await list.pages.loadBackTo(day);
  } catch (e) {
    list.moreError = toPortalError(e);
  } finally {
    list.moreLoading = false;
  }
  await list.updateComplete;
  list.announce();
}

/** "Xem thêm": `limit` items more, reading further pages when the loaded ones cannot fill them; focus goes to the first new item. */
export async function more(list: FilteredList): Promise<void> {
  const target = (list.shown || list.limit) + list.limit;
  // Fetch further pages only when the loaded items cannot fill the next step.
  if (list.matchingItems.length < target && list.pages.next) {
    list.moreLoading = true;
    list.moreError = undefined;
    try {
      await list.pages.load((items) => list.matching(items).length >= target);
    } catch (e) {
      list.moreError = toPortalError(e);
      return;
    } finally {
      list.moreLoading = false;
    }
  }
  const first = list.shown || list.limit;
  list.shown = target;
  await list.updateComplete;
  list.announce();
  // The button may be gone now: focus goes to the first new item, not to <body>.
  focusItem(list, first);
}

/**
 * Further pages of a paged feed (JSON Feed `next_url`), loaded through the feed
 * store (one request per URL per page, one parse shared with every widget) only
 * as far as a widget needs: the archive loads pages until the month it shows is
 * complete. The pages loaded so far are kept per feed, so widgets and later
 * calls continue where the last one stopped. The chain ends at a page that adds
 * no new item or points back to a page already loaded.
 */
import { dayKey } from './dates.js';
import { newsDocument, newsSetting } from './documents/news.js';
import { load, parseOnce } from './feed-store.js';
import type { Feed, NewsItem } from './model.js';

export interface Pages {
  /** The feed's items and those of the pages loaded after it, without repeats. One array while nothing is added. */
  items: NewsItem[];
  /** The next page not loaded yet, if any. */
  nextUrl?: string;
}

export interface PagesOptions {
  /** The widget's `map` attribute (a CMS's JSON), as given to the parser. */
  map?: string;
  /** The widget's `time-zone`: dates without an offset are wall time there. */
  timeZone?: string;
  timeout?: number;
  signal?: AbortSignal;
  /** Stop after this many further pages in one call (default 50). */
  maxPages?: number;
}

/** Per feed: the pages so far, the call in flight, and every page URL loaded (a `next_url` back to one of them ends the chain). */
const loaded = new WeakMap<Feed, { pages: Pages; busy?: Promise<unknown>; visited: Set<string> }>();

/** The pages of `feed` loaded so far. */
export function pagesOf(feed: Feed): Pages {
  return loaded.get(feed)?.pages ?? { items: feed.items, nextUrl: feed.nextUrl };
}

/**
 * Loads pages after `feed` until `enough(items)` holds or there is no next page.
 * Rejects with a PortalError when a page fails; the pages loaded before stay.
 */
export async function loadPages(feed: Feed, enough: (items: readonly NewsItem[]) => boolean, options: PagesOptions = {}): Promise<Pages> {
  let state = loaded.get(feed);
  if (!state) loaded.set(feed, (state = { pages: pagesOf(feed), visited: new Set() }));
  const s = state;
  // One call at a time per feed: a second caller waits, then continues from where the first stopped.
  while (s.busy) await s.busy.catch(() => {});
  const run = (async () => {
    const seen = new Set(s.pages.items.map((i) => i.id));
    for (let n = 0; n < (options.maxPages ?? 50) && s.pages.nextUrl && !enough(s.pages.items); n++) {
      const url = s.pages.nextUrl;
      s.visited.add(url);
      const page = await load(url, { timeout: options.timeout, signal: options.signal });
      const setting = newsSetting(options.map, options.timeZone);
      const parsed = await parseOnce(page, newsDocument.key(setting), (text, base) => newsDocument.parse(text, base, setting));
      const fresh = parsed.items.filter((i) => !seen.has(i.id));
      fresh.forEach((i) => seen.add(i.id));
      s.pages = {
        items: fresh.length ? [...s.pages.items, ...fresh] : s.pages.items,
        // A page that adds no item, or a next page already loaded, ends the chain: a feed whose pages repeat would load for ever.
        nextUrl: fresh.length && parsed.nextUrl && !s.visited.has(parsed.nextUrl) ? parsed.nextUrl : undefined,
      };
    }
    return s.pages;
  })();
  s.busy = run;
  try {
    return await run;
  } finally {
    s.busy = undefined;
  }
}

/** Whether items reach back before `day` (`yyyy-MM-dd` in `timeZone`); never, for an undefined day (load every page). */
export const reachesBack =
  (day: string | undefined, timeZone: string) =>
  (items: readonly NewsItem[]): boolean =>
    !!day && items.some((i) => !!i.published && dayKey(i.published, timeZone) < day);

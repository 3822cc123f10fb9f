/**
 * Upstream HTML as the hub republishes it: through the widgets' own sanitizer
 * (portal-widgets/core `sanitize`: DOMPurify with the article allow-list, every
 * URL through safeUrl against the item, new-tab links with rel) on a jsdom
 * window, DOMPurify's documented way to run in Node. One policy, so a tag the
 * article drops is never in the hub's JSON Feed or RSS either, whoever reads
 * them. Runs in the parse worker (parse-worker.ts): once per item read, never
 * per request, and an item read again unchanged comes from a cache.
 */
import { JSDOM } from 'jsdom';
import { sanitize, type Feed } from 'portal-widgets/core';

/** HTML to sanitize, with the URL its relative URLs resolve against (the item's own, else the feed's). */
export interface HtmlToSanitize {
  html: string;
  base: string;
}

/**
 * HTML sanitized between two turns of the event loop, at most (characters, items): the documents DOMPurify
 * parses in are freed by jsdom only when the loop turns, so a long feed sanitized in one go outgrew the
 * worker's memory limit (2,000 items of 1 K characters: out of memory at 100 MB; with a turn every 50, 75 MB
 * at most). Counted in characters too, for the feed whose items are long.
 */
const TURN_CHARS = 50_000;
const TURN_ITEMS = 50;
/** Characters (keys and values) the cache of sanitized HTML holds at most, the least recently used dropped first. */
const CACHE_CHARS = 4_000_000;

let dom: JSDOM | undefined;
const cache = new Map<string, string>();
let cachedChars = 0;

/**
 * The jsdom window, made on first use and given to core's sanitizer the way a browser gives it one: as the
 * global `window` (DOMPurify looks there). Only in the parse worker's own global scope, which runs nothing
 * else; the widgets' sanitizer stays as the browser runs it, byte for byte.
 */
function domWindow(): void {
  if (dom) return;
  dom = new JSDOM('');
  (globalThis as { window?: unknown }).window = dom.window;
}

function sanitizeOne(html: string, base: string): string {
  domWindow();
  // HTML that makes no body at all (a <frameset>) gives an empty fragment: nothing kept.
  const fragment = sanitize(html, base);
  // Serialized in the document DOMPurify parsed it in: moving it into the window's would copy every node
  // again (1.9 ms an item instead of 2.8 here).
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

function remember(key: string, clean: string): void {
  cache.set(key, clean);
  cachedChars += key.length + clean.length;
  for (const [oldKey, oldClean] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldKey.length + oldClean.length;
  }
}

/**
 * Each HTML sanitized as the article sanitizes it, serialized, in the same order. `progress` hears at each
 * turn of the loop (bounded-parse.ts's time limit counts from there).
 */
export async function sanitizeAll(list: HtmlToSanitize[], progress?: () => void): Promise<string[]> {
  const out: string[] = [];
  let items = 0;
  let chars = 0;
  for (const { html, base } of list) {
    const key = `${base}\n${html}`;
    let clean = cache.get(key);
    if (clean === undefined) {
      clean = sanitizeOne(html, base);
      remember(key, clean);
      chars += html.length;
      if (++items >= TURN_ITEMS || chars >= TURN_CHARS) {
        items = chars = 0;
        await new Promise((r) => setImmediate(r));
        progress?.();
      }
    } else {
      cache.delete(key); // most recently used: to the end of the order
      cache.set(key, clean);
    }
    out.push(clean);
  }
  return out;
}

/**
 * Each item's HTML (its field `field`) sanitized in place, against the item's own URL, else `url` (the feed's):
 * the one place that says which items' HTML is sanitized against what, for the model's items of a body just
 * read (`contentHtml`) as for the JSON Feed items of a stored copy (`content_html`).
 */
export async function sanitizeItems<F extends string, T extends { url?: string } & Partial<Record<F, string>>>(items: T[], field: F, url: string, progress?: () => void): Promise<T[]> {
  const withHtml = items.filter((i) => i[field] !== undefined);
  const clean = await sanitizeAll(
    withHtml.map((i) => ({ html: i[field]!, base: i.url ?? url })),
    progress,
  );
  withHtml.forEach((item, n) => ((item as Record<F, string>)[field] = clean[n]));
  return items;
}

/** The feed with each item's HTML sanitized (against the item's own URL, else the feed's `url`). */
export async function sanitizeFeed(feed: Feed, url: string, progress?: () => void): Promise<Feed> {
  await sanitizeItems(feed.items, 'contentHtml', url, progress);
  return feed;
}

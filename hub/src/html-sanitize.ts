/**
 * Upstream HTML as the hub republishes it: through the widgets' own sanitizer
 * (portal-widgets/core `sanitize`: DOMPurify with the article allow-list, every
 * URL through safeUrl against the item, new-tab links with rel) on a jsdom
 * window, DOMPurify's documented way to run in Node. One policy, so a tag the
 * article drops is never in the hub's JSON Feed or RSS either, whoever reads
 * them. Runs in the parse worker (parse-worker.ts): once per item read, never
 * per request.
 */
import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { sanitize, type Feed } from 'portal-widgets/core';

let dom: JSDOM | undefined;

/** `html` sanitized as the article sanitizes it, serialized; relative URLs resolved against `base`. */
export function sanitizeHtml(html: string, base: string): string {
  const { window } = (dom ??= new JSDOM(''));
  const holder = window.document.createElement('div');
  holder.append(sanitize(html, base, window as unknown as WindowLike));
  return holder.innerHTML;
}

/** The feed with each item's HTML sanitized (against the item's own URL, else the feed's). */
export function sanitizeFeed(feed: Feed, url: string): Feed {
  for (const item of feed.items) if (item.contentHtml !== undefined) item.contentHtml = sanitizeHtml(item.contentHtml, item.url ?? url);
  return feed;
}

/** HTML stored by an older hub, to sanitize again (bounded-parse.ts `sanitize`), with the URL it resolves against. */
export interface StoredHtml {
  html: string;
  base: string;
}

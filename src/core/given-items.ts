/**
 * Items a page gives a widget as its `items` property are not parsed, so none
 * of their URLs went through the allow-list a feed's do: they are checked here,
 * once, where they come in (internal/news-element.ts), for every news widget.
 */
import type { NewsItem } from './model.js';
import { safeUrl } from './urls.js';

/** `url` if it is http(s) (or none). */
const keep = (url?: string) => (url && safeUrl(url)) || undefined;

/**
 * `item` with every URL that is not http(s) left out (an attachment without one
 * dropped) and the others as safeUrl() makes them (absolute, trimmed): what the
 * widgets render, unchecked, as a feed's. The item itself when every URL is so already.
 */
function safeItem(item: NewsItem): NewsItem {
  const { url, image, source, authors, attachments } = item;
  if ([url, image, source?.url, ...authors.map((a) => a.url), ...attachments.map((a) => a.url)].every((u) => !u || safeUrl(u) === u)) return item;
  return {
    ...item,
    url: keep(url),
    image: keep(image),
    source: source && { ...source, url: keep(source.url) },
    authors: authors.map((a) => ({ ...a, url: keep(a.url) })),
    attachments: attachments.filter((a) => keep(a.url)),
  };
}

/** `items` with their URLs allow-listed as a feed's are; the same array when none needed it (so a given array stays one value). */
export function safeItems(items: NewsItem[]): NewsItem[] {
  const out = items.map(safeItem);
  return out.every((item, i) => item === items[i]) ? items : out;
}

/**
 * Items a page gives a widget as its `items` property are not parsed, so none
 * of their URLs went through the allow-list a feed's do: they are checked here,
 * once, where they come in (internal/news-element.ts), for every news widget.
 */
import type { NewsItem } from './model.js';
import { safeUrl } from './urls.js';

/** `item` with every URL that is not http(s) left out (an attachment without one dropped); the item itself when all are. */
function safeItem(item: NewsItem): NewsItem {
  const url = item.url && safeUrl(item.url);
  const image = item.image && safeUrl(item.image);
  const authors = item.authors.map((a) => (a.url && !safeUrl(a.url) ? { ...a, url: undefined } : a));
  const attachments = item.attachments.filter((a) => safeUrl(a.url));
  const source = item.source?.url && !safeUrl(item.source.url) ? { ...item.source, url: undefined } : item.source;
  const same =
    url === item.url && image === item.image && source === item.source && attachments.length === item.attachments.length && authors.every((a, i) => a === item.authors[i]);
  return same ? item : { ...item, url: url || undefined, image: image || undefined, authors, attachments, source };
}

/** `items` with their URLs allow-listed as a feed's are; the same array when none needed it (so a given array stays one value). */
export function safeItems(items: NewsItem[]): NewsItem[] {
  const out = items.map(safeItem);
  return out.every((item, i) => item === items[i]) ? items : out;
}

/**
 * Items a page gives a widget as its `items` property are not parsed, so none
 * of them went through what a feed's do: their URLs are allow-listed and their
 * shape made the model's here, once, where they come in (internal/news-element.ts),
 * for every news widget.
 */
import { warnConfig } from './config.js';
import type { NewsItem } from './model.js';
import { safeUrl } from './urls.js';

/** `url` if it is http(s) (or none). */
const keep = (url?: string) => (url && safeUrl(url)) || undefined;

const list = <T>(value: T[]) => (Array.isArray(value) ? value : []);

/** A given date as the model's: a Date, or a string or number (JSON's ISO text, milliseconds) read as one; none when it is no real time. */
function asDate(value: unknown): Date | undefined {
  const date = value instanceof Date || value == null ? value : new Date(value as string);
  return date && !isNaN(+date) ? date : undefined;
}

/**
 * `item` as the widgets render a feed's, unchecked: every URL that is not http(s)
 * left out (an attachment without one dropped) and the others as safeUrl() makes
 * them (absolute, trimmed); `authors`, `tags` and `attachments` arrays, none when
 * missing (a JSON Feed item has no `attachments`); dates as Dates; `id` and `title`
 * strings, each the other when missing. The item itself when it is so already;
 * undefined for one with neither title nor id, which nothing could show or link.
 */
function safeItem(item: NewsItem): NewsItem | undefined {
  if (item?.id == null && item?.title == null) return undefined;
  const { id, title, url, image, source, authors, tags, attachments, published, modified } = item;
  const fine =
    typeof id == 'string' &&
    typeof title == 'string' &&
    [authors, tags, attachments].every(Array.isArray) &&
    asDate(published) === published &&
    asDate(modified) === modified &&
    [url, image, source?.url, ...authors.map((a) => a.url), ...attachments.map((a) => a.url)].every((u) => !u || safeUrl(u) === u);
  if (fine) return item;
  return {
    ...item,
    id: String(id ?? title),
    title: String(title ?? id),
    url: keep(url),
    image: keep(image),
    published: asDate(published),
    modified: asDate(modified),
    source: source && { ...source, url: keep(source.url) },
    authors: list(authors).map((a) => ({ ...a, url: keep(a.url) })),
    tags: list(tags),
    attachments: list(attachments).filter((a) => keep(a.url)),
  };
}

/**
 * `items` made the model's as a feed's are (see safeItem); the same array when
 * none needed it (so a given array stays one value). A value that is no array is
 * no items; each skipped item and a value that is no array is told in the console.
 */
export function safeItems(items: unknown): NewsItem[] {
  if (!Array.isArray(items)) return warnConfig('items: not an array, none shown'), [];
  const out = items.map(safeItem);
  const kept = out.filter((item) => item !== undefined);
  if (kept.length < out.length) warnConfig(`items: ${out.length - kept.length} with neither title nor id skipped`);
  return out.every((item, i) => item === items[i]) ? items : kept;
}

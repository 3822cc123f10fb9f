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

/** `value` if it is an array, else none: a JSON Feed item has no `attachments`, a hand-written one often no `tags`. */
const list = <T>(value: T[]) => (Array.isArray(value) ? value : []);

/** A given date as the model's: a Date, or a string or number (JSON's ISO text, milliseconds) read as one; none when it is no real time. */
function asDate(value: unknown): Date | undefined {
  const date = value instanceof Date || value == null ? value : new Date(value as string);
  return date && !isNaN(+date) ? date : undefined;
}

type Fields = Record<string, unknown>;

/** Whether `b` holds what `a` does: the same values, down through the objects and arrays of both. */
const same = (a: unknown, b: unknown): boolean =>
  a === b || (!!a && !!b && typeof a == 'object' && Object.keys({ ...a, ...(b as object) }).every((k) => same((a as Fields)[k], (b as Fields)[k])));

/**
 * `item` as the widgets render a feed's, unchecked: every URL that is not http(s)
 * left out (an attachment without one dropped) and the others as safeUrl() makes
 * them (absolute, trimmed); `authors`, `tags` and `attachments` arrays, none when
 * missing (a JSON Feed item has no `attachments`); dates as Dates; `id` and `title`
 * strings, each the other when missing. The item itself when it is so already;
 * undefined for one with neither title nor id, which nothing could show or link.
 */
function safeItem(item: NewsItem): NewsItem | undefined {
  if ((item?.id ?? item?.title) == null) return undefined;
  const { source } = item;
  const made: NewsItem = {
    ...item,
    id: String(item.id ?? item.title),
    title: String(item.title ?? item.id),
    url: keep(item.url),
    image: keep(item.image),
    published: asDate(item.published),
    modified: asDate(item.modified),
    source: source && { ...source, url: keep(source.url) },
    authors: list(item.authors).map((a) => ({ ...a, url: keep(a.url) })),
    tags: list(item.tags),
    attachments: list(item.attachments).filter((a) => keep(a.url)),
  };
  return same(item, made) ? item : made;
}

/**
 * `items` made the model's as a feed's are (see safeItem); the same array when
 * none needed it (so a given array stays one value). A value that is no array is
 * no items; it and each item skipped are told in the console.
 */
export function safeItems(items: unknown): NewsItem[] {
  if (!Array.isArray(items)) return warnConfig('items: not an array'), [];
  const out = items.map(safeItem);
  const kept = out.filter((item) => item !== undefined);
  if (kept.length < out.length) warnConfig(`items: ${out.length - kept.length} without title or id skipped`);
  return out.every((item, i) => item === items[i]) ? items : kept;
}

/**
 * What the hub serves for a feed: the merged items as JSON Feed 1.1 (with the
 * feed-level `_portal.sources`) and the same as RSS 2.0 for other CMSs, each
 * rendered once per change (bytes, brotli, gzip and ETags kept), never per
 * request. The JSON Feed is served in pages (`next_url`), so a home page that
 * shows 8 items does not download hundreds with their full bodies.
 */
import { dayKey, type NewsItem } from 'portal-widgets/core';
import { compressSync, type Variants } from './compression.js';

/** A JSON Feed 1.1 item (https://jsonfeed.org/version/1.1) with the `_portal` extension. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: { name: string; url?: string }[];
  tags?: string[];
  attachments?: { url: string; mime_type: string; title?: string; size_in_bytes?: number; duration_in_seconds?: number }[];
  _portal: { source: { name: string; url?: string }; image_alt?: string; original_source?: { name: string; url?: string } };
}

export interface SourceStatus {
  name: string;
  url?: string;
  last_success?: string;
  last_error?: string;
  /** Seconds. */
  max_age: number;
}

/** An item of the model as JSON Feed, its source being the agency it came from (the article's own "Nguồn" kept beside). */
export function toJsonFeedItem(item: NewsItem, source: { name: string; url?: string }): JsonFeedItem {
  const out: JsonFeedItem = { id: item.id, _portal: { source } };
  if (item.url) out.url = item.url;
  if (item.title) out.title = item.title;
  if (item.summary) out.summary = item.summary;
  if (item.contentHtml !== undefined) out.content_html = item.contentHtml;
  if (item.contentText !== undefined) out.content_text = item.contentText;
  if (item.image) out.image = item.image;
  if (item.published) out.date_published = item.published.toISOString();
  if (item.modified) out.date_modified = item.modified.toISOString();
  if (item.authors.length) out.authors = item.authors;
  if (item.tags.length) out.tags = item.tags;
  if (item.attachments.length)
    out.attachments = item.attachments.map((a) => ({
      url: a.url,
      mime_type: a.mimeType,
      ...(a.title ? { title: a.title } : {}),
      ...(a.sizeInBytes !== undefined ? { size_in_bytes: a.sizeInBytes } : {}),
      ...(a.durationInSeconds !== undefined ? { duration_in_seconds: a.durationInSeconds } : {}),
    }));
  if (item.imageAlt) out._portal.image_alt = item.imageAlt;
  if (item.source && item.source.name !== source.name) out._portal.original_source = item.source;
  return out;
}

const normalTitle = (t = '') => t.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * One list from several sources: newest first (undated last), de-duplicated
 * (the same URL, or the same title on the same day: one agency re-posting
 * another's news), ids kept unique, at most `limit`.
 */
export function mergeItems(lists: JsonFeedItem[][], limit: number, timeZone: string): JsonFeedItem[] {
  const time = (i: JsonFeedItem) => (i.date_published ? Date.parse(i.date_published) : -Infinity);
  const all = lists.flat().sort((a, b) => time(b) - time(a));
  const urls = new Set<string>();
  const titleDays = new Set<string>();
  const ids = new Set<string>();
  const out: JsonFeedItem[] = [];
  for (const item of all) {
    if (item.url && urls.has(item.url)) continue;
    const titleDay = item.title && item.date_published ? `${normalTitle(item.title)}|${dayKey(new Date(item.date_published), timeZone)}` : undefined;
    if (titleDay && titleDays.has(titleDay)) continue;
    if (item.url) urls.add(item.url);
    if (titleDay) titleDays.add(titleDay);
    let id = item.id;
    for (let n = 2; ids.has(id); n++) id = `${item.id}~${n}`;
    ids.add(id);
    out.push(id === item.id ? item : { ...item, id });
    if (out.length >= limit) break;
  }
  return out;
}

/** One page of a JSON Feed as served: its variants and how many items it holds. */
export interface RenderedPage extends Variants {
  items: number;
}

export interface RenderedFeed {
  /** The JSON Feed's pages: [0] at /feeds/{id}.json, [n] at ?page=n+1. */
  pages: RenderedPage[];
  xml: Variants;
  /** HTTP date of the last change. */
  lastModified: string;
  /** Items in all pages. */
  items: number;
}

/** Bytes to serve many times: the body, its compressed variants and their ETags, made once. */
export const rendered = (text: string): Variants => compressSync(Buffer.from(text));

/**
 * Items per page when a feed does not say: the demo home page's lists (an
 * article and 8 others), the list page's first 15 and "More" to 30, and the
 * archive's first month (a portal posting about once a day) all come from the
 * first page, one request of a few KB compressed.
 */
export const DEFAULT_PAGE_SIZE = 30;

/** The address of page `n` (from 2), relative to the feed's own URL: right behind a proxy that mounts the hub under a path. */
export const pageHref = (feedFile: string, n: number) => `${feedFile}?page=${n}`;

/**
 * A JSON Feed's text split into pages of `pageSize` items, each a whole JSON
 * Feed (the same head) with `next_url` to the next; one page when it fits.
 */
export function jsonFeedPages(head: Record<string, unknown>, items: readonly unknown[], pageSize: number, feedFile: string, tail: Record<string, unknown> = {}): { text: string; items: number }[] {
  const count = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: count }, (_, i) => {
    const slice = items.slice(i * pageSize, (i + 1) * pageSize);
    const page = { ...head, ...(i + 1 < count ? { next_url: pageHref(feedFile, i + 2) } : {}), items: slice, ...tail };
    return { text: JSON.stringify(page), items: slice.length };
  });
}

export interface FeedHead {
  /** The feed's id: its file is `{id}.json`. */
  id: string;
  title: string;
  homePageUrl?: string;
  pageSize: number;
}

export function renderFeed(head: FeedHead, items: JsonFeedItem[], sources: SourceStatus[], changed: number): RenderedFeed {
  const jsonHead = {
    version: 'https://jsonfeed.org/version/1.1',
    title: head.title,
    ...(head.homePageUrl ? { home_page_url: head.homePageUrl } : {}),
    language: 'vi',
  };
  const pages = jsonFeedPages(jsonHead, items, head.pageSize, `${head.id}.json`, { _portal: { sources } }).map((p) => ({ ...rendered(p.text), items: p.items }));
  return { pages, xml: rendered(toRss(head, items, changed)), lastModified: new Date(changed).toUTCString(), items: items.length };
}

// Characters XML 1.0 cannot hold at all (C0 controls but tab and newlines) are dropped.
// eslint-disable-next-line no-control-regex
const escapeXml = (s: string) => s.replace(/[<>&"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? '');
const el = (name: string, text: string | undefined, attrs = '') => (text === undefined ? '' : `<${name}${attrs}>${escapeXml(text)}</${name}>`);

/**
 * An item's RSS description, which readers render as HTML: the summary (text) escaped as HTML, so a "<b>" in it
 * shows as written instead of making markup; else the HTML, sanitized when it was read (html-sanitize.ts); else
 * the text, escaped the same way.
 */
function description(i: JsonFeedItem): string | undefined {
  const text = i.summary ?? (i.content_html === undefined ? i.content_text : undefined);
  return text === undefined ? i.content_html : escapeXml(text);
}

function toRss(head: FeedHead, items: JsonFeedItem[], changed: number): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0"><channel>',
    el('title', head.title),
    el('link', head.homePageUrl ?? ''),
    el('description', head.title),
    '<language>vi</language>',
    el('lastBuildDate', new Date(changed).toUTCString()),
  ];
  for (const i of items) {
    const source = i._portal.source;
    out.push(
      '<item>',
      el('title', i.title),
      el('link', i.url),
      el('guid', i.id, ' isPermaLink="false"'),
      el('pubDate', i.date_published && new Date(i.date_published).toUTCString()),
      el('description', description(i)),
      source.url ? el('source', source.name, ` url="${escapeXml(source.url)}"`) : '',
      ...(i.tags ?? []).map((t) => el('category', t)),
      '</item>',
    );
  }
  out.push('</channel></rss>');
  return out.join('');
}

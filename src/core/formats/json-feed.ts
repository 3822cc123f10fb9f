/**
 * JSON Feed 1.1 and 1.0 (https://jsonfeed.org/version/1.1) → {@link Feed}.
 * Site-specific fields live in the `_portal` extension object, as the spec
 * prescribes for extensions: `_portal.source {name, url}`, `_portal.image_alt`.
 */
import { PortalError } from '../errors.js';
import type { Attachment, Author, Feed, NewsItem } from '../model.js';
import { Invalid, isObject, optDate, optNumber, optString, optUrl, type Json } from './fields.js';

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/(1|1\.1)\/?$/;

export function isJsonFeed(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc.version === 'string' && doc.version.includes('jsonfeed.org/version/');
}

export function parseJsonFeed(doc: Json, base: string): Feed {
  if (!VERSION.test(String(doc.version))) throw new PortalError('version', `version: ${String(doc.version)}`);
  if (!Array.isArray(doc.items)) throw new PortalError('format', 'items: not an array');
  const warnings: string[] = [];
  const feed: Feed = {
    title: optText(doc, 'title'),
    homePageUrl: optUrl(doc, 'home_page_url', '', base, warnings),
    nextUrl: optUrl(doc, 'next_url', '', base, warnings),
    language: optText(doc, 'language'),
    items: readItems(doc.items, 'items', base, warnings),
    warnings,
    // A hub's merge status (`_portal.sources`), read by core/feed-sources.ts only when a list needs it.
    portal: doc._portal as Json | undefined,
  };
  return feed;
}

/** Reads each JSON-Feed-shaped item, skipping the invalid ones with one warning each. */
export function readItems(list: unknown[], path: string, base: string, warnings: string[]): NewsItem[] {
  const items: NewsItem[] = [];
  for (let i = 0; i < list.length; i++) {
    try {
      items.push(readItem(list[i], `${path}[${i}]`, base, warnings));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      warnings.push(e.message);
    }
  }
  return items;
}

function optText(obj: Json, key: string): string | undefined {
  return typeof obj[key] === 'string' ? (obj[key] as string) : undefined;
}

function readItem(raw: unknown, path: string, base: string, warnings: string[]): NewsItem {
  if (!isObject(raw)) throw new Invalid(`${path}: not an object`);
  const id = optString(raw, 'id', path);
  if (id === undefined) throw new Invalid(`${path}.id: missing`);
  const contentHtml = optString(raw, 'content_html', path);
  const contentText = optString(raw, 'content_text', path);
  const summary = optString(raw, 'summary', path);
  const title = optString(raw, 'title', path) ?? summary ?? contentText?.slice(0, 120);
  // The spec asks for content_html or content_text (even empty); a title alone is enough for a news list.
  if (title === undefined && typeof raw.content_html !== 'string' && typeof raw.content_text !== 'string')
    throw new Invalid(`${path}.title: missing`);
  const ext = isObject(raw._portal) ? raw._portal : {};
  const source = isObject(ext.source) ? ext.source : undefined;
  return {
    id,
    title: title ?? '',
    url: optUrl(raw, 'url', path, base, warnings) ?? optUrl(raw, 'external_url', path, base, warnings),
    summary,
    contentHtml,
    contentText,
    image: optUrl(raw, 'image', path, base, warnings) ?? optUrl(raw, 'banner_image', path, base, warnings),
    imageAlt: typeof ext.image_alt === 'string' ? ext.image_alt : undefined,
    published: optDate(raw, 'date_published', path),
    modified: optDate(raw, 'date_modified', path),
    authors: readAuthors(raw, path, base, warnings),
    tags: readTags(raw.tags, path),
    attachments: raw.attachments ? readAttachments(raw.attachments, `${path}.attachments`, base, warnings) : [],
    source: source && optString(source, 'name', `${path}._portal.source`)
      ? {
          name: optString(source, 'name', `${path}._portal.source`)!,
          url: optUrl(source, 'url', `${path}._portal.source`, base, warnings),
        }
      : undefined,
  };
}

function readAuthors(raw: Json, path: string, base: string, warnings: string[]): Author[] {
  // 1.1 has `authors`; 1.0 had a single `author`.
  const list = Array.isArray(raw.authors) ? raw.authors : isObject(raw.author) ? [raw.author] : [];
  const authors: Author[] = [];
  if (!list.length) return authors;
  list.forEach((a, i) => {
    const name = isObject(a) ? optString(a, 'name', `${path}.authors[${i}]`) : undefined;
    if (name) authors.push({ name, url: optUrl(a as Json, 'url', `${path}.authors[${i}]`, base, warnings) });
  });
  return authors;
}

function readTags(raw: unknown, path: string): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Invalid(`${path}.tags: not an array`);
  return raw.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
}

function readAttachments(raw: unknown, path: string, base: string, warnings: string[]): Attachment[] {
  if (!Array.isArray(raw)) return [];
  const out: Attachment[] = [];
  raw.forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(a)) return void warnings.push(`${p}: not an object`);
    const url = optUrl(a, 'url', p, base, warnings);
    const mimeType = optString(a, 'mime_type', p);
    if (!url || !mimeType) return void warnings.push(`${p}: needs url and mime_type`);
    out.push({
      url,
      mimeType,
      title: optString(a, 'title', p),
      sizeInBytes: optNumber(a, 'size_in_bytes', p),
      durationInSeconds: optNumber(a, 'duration_in_seconds', p),
    });
  });
  return out;
}

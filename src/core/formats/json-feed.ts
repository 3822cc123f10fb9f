/**
 * JSON Feed 1.1 and 1.0 (https://jsonfeed.org/version/1.1) → {@link Feed}.
 * Site-specific fields live in the `_portal` extension object, as the spec
 * prescribes for extensions: `_portal.source {name, url}`, `_portal.image_alt`.
 * A wrong optional field drops that field, never the item; only an item with
 * neither title nor content, or one that is not an object, is skipped.
 */
import { PortalError } from '../errors.js';
import type { Attachment, Author, Feed, NewsItem } from '../model.js';
import { asObject, Invalid, isObject, optDate, optString, optUrl, type Json } from './fields.js';
import { inert } from './inert-html.js';
import type { OnDemand } from './on-demand.js';
import type { ParseWarning } from './warnings.js';
import { optional, readEach } from './read-each.js';

/**
 * An item's authors, tags or attachments when it has none: one array for every
 * item (a list of 200 kept 600 empty ones, 10 KB), frozen since it is shared.
 */
const NONE = Object.freeze([]) as never[];

/**
 * HTML to text (./html-text.ts), loaded, and the document read again, once it is
 * needed: to title an item that has neither title, summary nor text, and to
 * decode the character references a title holds (`&amp;`, `&#8211;`: WordPress
 * escapes its JSON Feed titles as its RSS ones, which the XML readers decode).
 * Numeric ones and the basic names are decoded; the HTML names beyond them only
 * once the XML readers have loaded their table (./entities.ts): JSON Feeds write
 * numeric ones, and the table is not worth its bytes to a JSON page.
 */
export const htmlText: OnDemand<Pick<typeof import('./html-text.js'), 'htmlTitle' | 'decodeEntities'>> = {};

/** A title as text: its character references decoded once ./html-text.ts is loaded. */
const titleText = (title: string | undefined) => (title && htmlText.read ? htmlText.read.decodeEntities(title) : title);

/** The items' `attachments` reader (./json-attachments.ts): loaded before reading a document that has any. */
export const itemAttachments: OnDemand<(raw: unknown, path: string, base: string, warnings: ParseWarning[]) => Attachment[]> = {};

export function isJsonFeed(doc: unknown): doc is Json {
  return isObject(doc) && typeof doc.version === 'string' && doc.version.includes('jsonfeed.org/version/');
}

export function parseJsonFeed(doc: Json, base: string, timeZone?: string): Feed {
  // Written here, not kept in a module constant: run once a document, its compiled code is collected with it.
  if (!/^https?:\/\/jsonfeed\.org\/version\/(1|1\.1)\/?$/.test(String(doc.version))) throw new PortalError('version', `version: ${String(doc.version)}`);
  if (!Array.isArray(doc.items)) throw new PortalError('format', 'items: not an array');
  const warnings: ParseWarning[] = [];
  return {
    title: titleText(optText(doc, 'title')),
    homePageUrl: optUrl(doc, 'home_page_url', '', base, warnings),
    nextUrl: optUrl(doc, 'next_url', '', base, warnings),
    language: optText(doc, 'language'),
    items: readItems(doc.items, 'items', base, warnings, timeZone),
    warnings,
    // A hub's merge status (`_portal.sources`), read by core/feed-sources.ts only when a list needs it.
    portal: doc._portal as Json | undefined,
  };
}

/** Reads each JSON-Feed-shaped item, skipping only those that cannot be shown, one warning each. */
export function readItems(list: unknown[], path: string, base: string, warnings: ParseWarning[], timeZone?: string): NewsItem[] {
  return readEach(list, path, warnings, (raw, p) => readItem(asObject(raw, p), p, base, warnings, timeZone));
}

function optText(obj: Json, key: string): string | undefined {
  return typeof obj[key] === 'string' ? (obj[key] as string) : undefined;
}

/** 32-bit FNV-1a, hex: a stable id for an item that has neither id nor url. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * An item with neither title nor summary: the start of its content, as text (an
 * HTML-only item is not left untitled). The spec asks for content_html or
 * content_text (even empty); a title alone is enough for a news list.
 */
function contentTitle(raw: Json, path: string, contentText?: string, contentHtml?: string): string | undefined {
  const title = (contentText ?? (contentHtml && htmlText.read?.htmlTitle(contentHtml)))?.slice(0, 120) || undefined;
  if (title === undefined && typeof raw.content_html !== 'string' && typeof raw.content_text !== 'string') throw new Invalid(`${path}.title`, 'missing');
  return title;
}

/** The id of an item that has none: its URL, else a hash of its title and date. */
function madeId(path: string, warnings: ParseWarning[], url?: string, title?: string, published?: Date): string {
  warnings.push({ path: `${path}.id`, problem: url ? 'id-from-url' : 'id-from-hash', effect: 'repair' });
  return url ?? `hash-${hash(`${title ?? ''}|${published?.toISOString() ?? ''}`)}`;
}

/**
 * One item. What most items lack (a title, an id, authors, tags) is read by
 * functions of its own, called only then: V8 compiles a function whole, the
 * branches an item never takes included.
 */
function readItem(raw: Json, path: string, base: string, warnings: ParseWarning[], timeZone?: string): NewsItem {
  // The optional fields by kind: a wrong one is dropped with a warning.
  const text = (key: string) => optional(warnings, optString, raw, key, path);
  const link = (key: string) => optional(warnings, optUrl, raw, key, path, base, warnings);
  const date = (key: string) => optional(warnings, optDate, raw, key, path, timeZone);
  const contentHtml = inert(text('content_html'));
  const contentText = text('content_text');
  const summary = text('summary');
  const title = titleText(text('title') ?? summary) ?? contentTitle(raw, path, contentText, contentHtml);
  const url = link('url') ?? link('external_url');
  const published = date('date_published');
  const id = text('id') ?? madeId(path, warnings, url, title, published);
  const ext = isObject(raw._portal) ? raw._portal : {};
  const source = isObject(ext.source) ? ext.source : undefined;
  const sourceName = source && optional(warnings, optString, source, 'name', `${path}._portal.source`);
  return {
    id,
    title: title ?? '',
    url,
    summary,
    contentHtml,
    contentText,
    image: link('image') ?? link('banner_image'),
    imageAlt: typeof ext.image_alt === 'string' ? ext.image_alt : undefined,
    published,
    modified: date('date_modified'),
    authors: ((raw.authors ?? raw.author) != null && optional(warnings, readAuthors, raw, path, base, warnings)) || NONE,
    tags: (raw.tags != null && optional(warnings, readTags, raw.tags, path, warnings)) || NONE,
    attachments: (itemAttachments.read && optional(warnings, itemAttachments.read, raw.attachments, `${path}.attachments`, base, warnings)) || NONE,
    source: sourceName ? { name: sourceName, url: optional(warnings, optUrl, source, 'url', `${path}._portal.source`, base, warnings) } : undefined,
  };
}

function readAuthors(raw: Json, path: string, base: string, warnings: ParseWarning[]): Author[] {
  // 1.1 has `authors`; 1.0 had a single `author`.
  if (raw.authors !== undefined && raw.authors !== null && !Array.isArray(raw.authors)) throw new Invalid(`${path}.authors`, 'not-an-array');
  if (raw.author !== undefined && raw.author !== null && !isObject(raw.author) && !raw.authors) throw new Invalid(`${path}.author`, 'not-an-object');
  const list: unknown[] = Array.isArray(raw.authors) ? raw.authors : isObject(raw.author) ? [raw.author] : [];
  return list.flatMap((a, i) => {
    const p = `${path}.authors[${i}]`;
    const name = isObject(a) ? optional(warnings, optString, a, 'name', p) : undefined;
    return name ? [{ name, url: optional(warnings, optUrl, a as Json, 'url', p, base, warnings) }] : [];
  });
}

function readTags(raw: unknown, path: string, warnings: ParseWarning[]): string[] {
  if (typeof raw === 'string') {
    // `"tags": "workflow,omnifocus"`: what the publisher meant is plain.
    warnings.push({ path: `${path}.tags`, problem: 'not-an-array', effect: 'repair' });
    return raw.split(',').map((t) => t.trim()).filter(Boolean);
  }
  if (!Array.isArray(raw)) throw new Invalid(`${path}.tags`, 'not-an-array');
  return raw.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
}

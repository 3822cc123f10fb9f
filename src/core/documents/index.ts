/**
 * The document kinds a widget reads, each once: the `<meta name>` a page names
 * its document with, the parse key (equal keys share one parse of one answer
 * between the widgets of a page, so every reader of a kind must spell it the
 * same way: they all read it here) and the parser. `setting` is what changes a
 * parse: the news `map` attribute, the banner's time zone.
 *
 * Each kind is its own export: a widget bundles only the parser of its kind.
 */
import type { Banner, Feed, LinkDirectory, VisitCount } from './model.js';
import { parseBanner } from './formats/banner.js';
import { parseCount } from './formats/counter.js';
import { parseLinks } from './formats/links.js';
import { parseFieldMap, parseNews } from './formats/news.js';

export interface DocumentKind<T> {
  /** The page's default document: `<meta name="…" content="URL">`. */
  meta: string;
  /** Names the parser and its setting. */
  key: (setting: string) => string;
  parse: (text: string, url: string, setting: string) => T | Promise<T>;
}

/** News, articles, videos: JSON Feed, RSS, Atom, or a CMS's JSON read through `map`. */
export const newsDocument: DocumentKind<Feed> = {
  meta: 'portal-widgets:src',
  key: (map) => `news ${map}`,
  parse: (text, url, map) => parseNews(text, url, map ? parseFieldMap(map) : undefined),
};

/** A page may name a feed of its videos apart from its news. */
export const VIDEOS_META = 'portal-widgets:videos';

export const linksDocument: DocumentKind<LinkDirectory> = {
  meta: 'portal-widgets:links',
  key: () => 'links',
  parse: (text, url) => parseLinks(text, url),
};

export const bannerDocument: DocumentKind<Banner> = {
  meta: 'portal-widgets:banner',
  key: (timeZone) => `banner ${timeZone}`,
  parse: parseBanner,
};

/** The visit counter endpoint: its answer to a GET, and to the POST of a visit. */
export const counterDocument: DocumentKind<VisitCount> = {
  meta: 'portal-widgets:visits',
  key: () => 'counter',
  parse: (text) => parseCount(text),
};

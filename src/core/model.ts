/**
 * Plain typed data that every parser produces and every widget renders.
 * Nothing here knows about HTTP, XML or Lit.
 */
import type { ParseWarning } from './formats/warnings.js';

/** A person or organisation credited on an item. */
export interface Author {
  name: string;
  url?: string;
}

/** A file attached to an item: a download, a video, a captions track. */
export interface Attachment {
  url: string;
  mimeType: string;
  title?: string;
  sizeInBytes?: number;
  durationInSeconds?: number;
}

/** Where an article comes from ("Nguồn: Tinhuytthue.vn"). */
export interface Source {
  name: string;
  url?: string;
}

/** One news item, article or video, whatever format it came in. */
export interface NewsItem {
  id: string;
  title: string;
  /** Absolute http(s) URL of the item's own page, if it has one. */
  url?: string;
  summary?: string;
  /** Untrusted HTML: only ever rendered through the sanitizer. */
  contentHtml?: string;
  contentText?: string;
  /** The body was over the size bound (src/core/limits.ts) and dropped: the article links to the original instead. */
  contentTooLarge?: boolean;
  image?: string;
  imageAlt?: string;
  published?: Date;
  modified?: Date;
  authors: Author[];
  tags: string[];
  attachments: Attachment[];
  source?: Source;
}

/** A parsed feed: what the widgets render. */
export interface Feed {
  title?: string;
  homePageUrl?: string;
  /** Absolute URL of the next page (JSON Feed `next_url`). */
  nextUrl?: string;
  language?: string;
  items: NewsItem[];
  /** One per skipped, dropped or repaired entry, naming the field path. */
  warnings: ParseWarning[];
  /** The feed-level `_portal` extension object, as found (a hub's `sources`: see core/feed-sources.ts). */
  portal?: Record<string, unknown>;
}

/** One upstream of a merged feed, and when the hub last read it. */
export interface FeedSource {
  name: string;
  url?: string;
  lastSuccess?: Date;
  lastError?: string;
  /** Seconds after `lastSuccess` past which its items are stale. */
  maxAge?: number;
}

/** One link of a `portal-links/1` document. */
export interface Link {
  title: string;
  url: string;
}

export interface LinkGroup {
  title: string;
  links: Link[];
}

export interface LinkDirectory {
  title?: string;
  groups: LinkGroup[];
  warnings: ParseWarning[];
}

export interface BannerMessage {
  text: string;
  url?: string;
  start?: Date;
  end?: Date;
}

export interface Banner {
  messages: BannerMessage[];
  warnings: ParseWarning[];
}

/** The visit counter endpoint's answer. */
export interface VisitCount {
  total: number;
  online: number;
  today?: number;
  updated?: Date;
}

/**
 * The news feed of a widget that reads one (`src` or the page's meta, `map`,
 * `items`, `timeout`), through the shared store: widgets on a page that read
 * the same feed share its request and its parse.
 */
import { documentUrl } from '../core/config.js';
import { parseFieldMap, parseNews } from '../core/formats/news.js';
import type { Feed, NewsItem } from '../core/model.js';
import { DocumentController } from './document-controller.js';
import type { PortalElement } from './portal-element.js';

/** The properties a news widget declares (`src`, `map`, `items`, `timeout`). */
export interface NewsSource extends PortalElement {
  src?: string;
  map?: string | undefined;
  items?: NewsItem[];
  timeout: number;
}

const NONE: Feed = { items: [], warnings: [] };

export interface NewsFeedOptions {
  /** While false nothing is fetched (a search that only filters a list). */
  needed?: () => boolean;
  /** The feed URL when not the widget's `src` or the page's `portal-widgets:src` meta. */
  src?: () => string | undefined;
}

/**
 * A controller for `host`'s feed. Every news widget uses the same parse key, so
 * a list, an article, a search … of one feed share one request and one parse.
 */
export function newsFeed(host: NewsSource, { needed = () => true, src }: NewsFeedOptions = {}): DocumentController<Feed> {
  return new DocumentController<Feed>(host, {
    src: src ?? (() => documentUrl(host.src)),
    key: () => `news ${host.map ?? ''}`,
    parse: (text, url) => parseNews(text, url, host.map ? parseFieldMap(host.map) : undefined),
    data: () => (host.items ? { items: host.items, warnings: [] } : needed() ? undefined : NONE),
    timeout: () => host.timeout,
    warnings: (feed) => feed.warnings,
  });
}

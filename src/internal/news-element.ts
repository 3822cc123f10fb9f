/**
 * The base of every widget that reads a news feed (list, article, archive,
 * search, videos): `map` and `items` beside `src`. The list and the archive
 * also follow the feed's further pages through ./news-pages.ts.
 */
import type { PropertyDeclarations } from 'lit';
import { newsDocument, newsSetting } from '../core/documents/news.js';
import { safeItems } from '../core/given-items.js';
import type { Feed, NewsItem } from '../core/model.js';
import { PortalDocumentElement } from './document-element.js';

const NONE: Feed = { items: [], warnings: [] };

export abstract class PortalNewsElement extends PortalDocumentElement<Feed> {
  static override properties: PropertyDeclarations = {
    map: {},
    items: { attribute: false },
  };

  /**
   * URL of a JSON Feed, RSS or Atom document. Default: the page's `<meta name="portal-widgets:src">`
   * (`<portal-video-list>` looks for `<meta name="portal-widgets:videos">` first; a search with `for` fetches nothing).
   */
  declare src?: string;

  /**
   * Reads a CMS's own JSON instead of a feed: where the items are and which
   * field is which, e.g. `{"items":"data.list","title":"TieuDe","date_published":"NgayDang","url":"LienKet"}`.
   */
  map?: string;

  /** Items given directly instead of `src` (pages and tests): each with a `title` or an `id`; dates may be Dates, ISO text or milliseconds. */
  items?: NewsItem[];

  protected readonly kind = newsDocument;

  /** The feed made of the given `items` (`from`): one per array, so it stays the same value between renders. */
  private givenFeed?: { from: NewsItem[]; feed: Feed };

  /** @internal */
  override given(): Feed | undefined {
    const items = this.items;
    if (!items) return this.feedNeeded() ? undefined : NONE;
    // Not parsed, so their URLs are allow-listed and their shape made the model's here, once for every news widget (core/given-items.ts).
    if (this.givenFeed?.from !== items) this.givenFeed = { from: items, feed: { items: safeItems(items), warnings: [] } };
    return this.givenFeed.feed;
  }

  protected override setting(): string {
    return newsSetting(this.map, this.timeZone);
  }

  /** False while the widget needs no feed of its own (a search that only filters a list). */
  protected feedNeeded(): boolean {
    return true;
  }
}

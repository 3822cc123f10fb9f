/**
 * The base of every widget that reads a news feed (list, article, archive,
 * search, videos): `map` and `items` beside `src`, and the feed's further pages
 * (`next_url`), loaded as far as a widget needs and shared by every widget of
 * the feed, so the list and the archive see the same items.
 */
import type { PropertyDeclarations } from 'lit';
import { newsDocument } from '../core/documents.js';
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

  /** Items given directly instead of `src` (pages and tests). */
  items?: NewsItem[];

  protected readonly kind = newsDocument;

  /** The feed made of the given `items`: one per array, so it stays the same value between renders. */
  private givenFeed?: Feed;

  protected override given(): Feed | undefined {
    const items = this.items;
    if (!items) return this.feedNeeded() ? undefined : NONE;
    if (this.givenFeed?.items !== items) this.givenFeed = { items, warnings: [] };
    return this.givenFeed;
  }

  protected override setting(): string {
    return this.map ?? '';
  }

  /** False while the widget needs no feed of its own (a search that only filters a list). */
  protected feedNeeded(): boolean {
    return true;
  }

  /** The paging module, loaded when a widget first needs a further page. */
  private paging?: typeof import('../core/feed-pages.js');

  /** Every loaded item, in feed order: the first page's and the further ones' (shared with every widget of the feed). */
  get allItems(): NewsItem[] {
    const feed = this.doc.value;
    return feed ? (this.paging?.pagesOf(feed).items ?? feed.items) : [];
  }

  /** The next page of the feed not loaded yet. */
  protected get nextPage(): string | undefined {
    const feed = this.doc.value;
    return feed && (this.paging ? this.paging.pagesOf(feed).nextUrl : feed.nextUrl);
  }

  /** Loads further pages until `enough(items)` holds or there is none; rejects with a PortalError, the pages loaded before stay. */
  protected async loadPages(enough: (items: readonly NewsItem[]) => boolean): Promise<void> {
    const feed = this.doc.value;
    if (!feed) return;
    this.paging ??= await import('../core/feed-pages.js');
    try {
      await this.paging.loadPages(feed, enough, { map: this.map, timeout: this.timeout });
    } finally {
      this.requestUpdate();
    }
  }
}

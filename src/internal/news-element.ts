/**
 * The base of every widget that reads a news feed (list, article, archive,
 * search, videos): the feed attributes they all take, and the feed itself
 * through the shared store, so a page's widgets of one feed share one request
 * and one parse.
 */
import type { PropertyDeclarations } from 'lit';
import { documentUrl } from '../core/config.js';
import type { NewsItem } from '../core/model.js';
import { newsFeed } from './news-feed.js';
import { PortalElement } from './portal-element.js';

export abstract class PortalNewsElement extends PortalElement {
  static override properties: PropertyDeclarations = {
    src: {},
    map: {},
    timeout: { type: Number },
    items: { attribute: false },
  };

  /**
   * URL of a JSON Feed, RSS or Atom document. Default: the page's `<meta name="portal-widgets:src">`
   * (`<portal-video-list>` looks for `<meta name="portal-widgets:videos">` first; a search with `for` fetches nothing).
   */
  src?: string;

  /**
   * Reads a CMS's own JSON instead of a feed: where the items are and which
   * field is which, e.g. `{"items":"data.list","title":"TieuDe","date_published":"NgayDang","url":"LienKet"}`.
   */
  map?: string;

  /** Milliseconds to wait for the feed before showing the time-out error. */
  timeout = 8000;

  /** Items given directly instead of `src` (pages and tests). */
  items?: NewsItem[];

  /** The feed: `.value`, `.error`, `.pending`, `.retry`. */
  protected readonly data = newsFeed(this, { needed: () => this.feedNeeded(), src: () => this.feedUrl() });

  /** The feed's URL; a widget may look elsewhere first (the video list's own meta). */
  protected feedUrl(): string | undefined {
    return documentUrl(this.src);
  }

  /** False while the widget needs no feed of its own (a search that only filters a list). */
  protected feedNeeded(): boolean {
    return true;
  }
}

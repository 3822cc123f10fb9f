/**
 * A news widget's feed with its further pages (JSON Feed `next_url`), loaded as
 * far as the widget needs and shared by every widget of the feed: the list's
 * "More" and the archive's months see the same items, read one way. The paging
 * module loads with the first further page asked for.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Feed, NewsItem } from '../core/model.js';
import { loadErrorTexts } from './messages.js';

/** The widget: its `map`, `time-zone` and `timeout` apply to every page. */
interface Host extends ReactiveControllerHost {
  map?: string;
  timeZone: string;
  timeout: number;
}

export class NewsPages {
  private paging?: typeof import('../core/feed-pages.js');

  constructor(
    private readonly host: Host,
    /** The feed shown now. */
    private readonly feed: () => Feed | undefined,
  ) {}

  /** Every loaded item, in feed order: the first page's and the further ones'. */
  get items(): NewsItem[] {
    const feed = this.feed();
    return feed ? (this.paging?.pagesOf(feed).items ?? feed.items) : [];
  }

  /** The next page not loaded yet. */
  get next(): string | undefined {
    const feed = this.feed();
    return feed && (this.paging ? this.paging.pagesOf(feed).nextUrl : feed.nextUrl);
  }

  /** Loads further pages until `enough(items)` holds or there is none; rejects with a PortalError, the pages loaded before stay. */
  async load(enough: (items: readonly NewsItem[]) => boolean): Promise<void> {
    const feed = this.feed();
    if (!feed) return;
    this.paging ??= await import('../core/feed-pages.js');
    try {
      await this.paging.loadPages(feed, enough, this.host); // the widget's map, time zone and timeout are the pages' options
    } catch (e) {
      await loadErrorTexts(); // the widget's error box shows with its reason
      throw e;
    } finally {
      this.host.requestUpdate();
    }
  }

  /**
   * Loads further pages until the items reach back before `day` (`yyyy-MM-dd`
   * in the widget's time zone: what a day or month filter needs), or every page
   * when `day` is undefined (a query, a tag, the list of months).
   */
  async loadBackTo(day?: string): Promise<void> {
    this.paging ??= await import('../core/feed-pages.js');
    await this.load(this.paging.reachesBack(day, this.host.timeZone));
  }
}

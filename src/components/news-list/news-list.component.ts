import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { countAttribute, pageParam } from '../../core/config.js';
import { toPortalError, type PortalError } from '../../core/errors.js';
import type { NewsItem } from '../../core/model.js';
import type { SearchIndex } from '../../core/text.js';
import { checkedFilter, filterNews, isDateKey, type NewsFilter } from '../../core/news-filter.js';
import { trackPending } from '../../internal/messages.js';
import { PortalNewsElement } from '../../internal/news-element.js';
import { NewsPages } from '../../internal/news-pages.js';
import { itemListStyles, itemMetaStyles } from '../../styles/items.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import type { FilteredList } from './filtered-list.js';
import { ItemNodes } from './item-nodes.js';
import { styles } from './news-list.styles.js';

/** Items that fill a phone's first screen and more: what the first render writes, and the skeleton's most bars. */
const SCREENFUL = 24;
/** How many items a list shows before "Xem thêm" by default (and for a `limit` that is no count). */
const LIST_LIMIT = 10;

/**
 * A list of news from a JSON Feed, RSS or Atom document ("Các tin khác").
 *
 * @summary News list with layouts, filters (day, words, tag) and a "More" button.
 *
 * @slot - Fallback shown until the feed loads, and if it cannot: e.g. a link to the news page.
 *
 * @csspart list - The `<ul>` of items.
 * @csspart item - One `<li>`.
 * @csspart title - The item's title (a link when it has one).
 * @csspart link - The title link.
 * @csspart date - The `<time>` of publication.
 * @csspart summary - The summary paragraph.
 * @csspart source - The item's source agency, shown when the feed merges several.
 * @csspart stale - The note that a merged source's news dates from its last successful update.
 * @csspart image - The item's image.
 * @csspart more-button - The "Xem thêm" / "More" button.
 * @csspart status - The live region that announces result counts; shown as the result line while a filter is active ("3 tin cho «hội nghị»").
 * @csspart clear-filter - The "Xem tất cả" / "Show all" button that clears the filter.
 * @csspart empty - The text shown when no item is there or matches.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of links and buttons (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Colour of dates and summaries.
 * @cssprop --portal-color-border - Card borders.
 * @cssprop --portal-gap - Space between items (default 0.75rem).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-card-min-width - Narrowest card in the cards layout (default 14rem).
 * @cssprop --portal-thumb-width - Image width in the list layout (default 6rem).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - The feed loaded: `detail.value` is the parsed feed.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 * @fires portal-select - An item link was activated: `detail.item`; cancel it to handle navigation yourself.
 * @fires portal-filter - The list changed its filter by itself: the reader cleared it with "Xem tất cả", or (`sync-url`) Back or Forward brought another from the address. `detail.filter` is the filter now. A search or archive `for` this list shows its query or day.
 */
export class PortalNewsList extends PortalNewsElement implements FilteredList {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    limit: { converter: countAttribute('limit', LIST_LIMIT) },
    layout: { reflect: true },
    showDate: { type: Boolean, attribute: 'show-date' },
    showSummary: { type: Boolean, attribute: 'show-summary' },
    showImage: { type: Boolean, attribute: 'show-image' },
    tag: {},
    exclude: {},
    itemHref: { attribute: 'item-href' },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideSource: { type: Boolean, attribute: 'hide-source' },
    active: { state: true },
    shown: { state: true },
    moreError: { state: true },
    moreLoading: { state: true },
    announcement: { state: true },
    awaitingFilter: { state: true },
  };

  static override styles = [tokens, statusStyles, itemListStyles, itemMetaStyles, styles];

  /** How many items to show; "More" shows as many again. */
  limit = LIST_LIMIT;

  /** `list` (title, optional date, summary, image), `cards` (with image), or `titles` (titles only). */
  layout: 'list' | 'cards' | 'titles' = 'list';

  /** Show each item's publication date. */
  showDate = false;

  /** Show each item's summary. */
  showSummary = false;

  /** Show each item's image (always shown in the cards layout). */
  showImage = false;

  /** Only items with this tag. */
  tag?: string;

  /** Leave out the item with this id (e.g. the article shown above "Các tin khác"). */
  exclude?: string;

  /** Link template for items, e.g. `/bai-viet.html?id={id}`; `{id}` and `{url}` are filled. Default: the item's own URL. */
  itemHref?: string;

  /**
   * Keep the filter in the page address, as `?q=`, `?date=` and `?tag=`: read
   * on load, written when the reader changes the filter (a search or an archive
   * `for` the list, "Xem tất cả", a call of {@link filter}) as one new history
   * entry each (a query typed, filtered at each pause, is one), none when the
   * filter is the same. Back and Forward show the
   * filter of their entry (and a search or archive `for` the list follow, told
   * by `portal-filter`); a reload or a shared link shows the same list.
   */
  syncUrl = false;

  /** Level (2–6) of the title headings; 0 (default) makes titles plain links. */
  headingLevel = 0;

  /** Never show the source per item (shown by default when a hub merged the items from more than one source). */
  hideSource = false;

  /** The active filter, set by {@link filter}, `<portal-news-search for>`, `<portal-news-archive for>` or `sync-url`. @internal */
  active: NewsFilter = {};
  /** @internal */
  shown = 0;
  /** @internal */
  moreError?: PortalError;
  /** @internal */
  moreLoading = false;
  private announcement = '';
  private awaitingFilter = false;
  /** Most items the next render writes: a screenful until the first render that fills one (see {@link updated}), then all. */
  private screenful = SCREENFUL;

  /**
   * Shows only the items that match: `date` (`yyyy-MM-dd` or `yyyy-MM`, in the
   * list's time zone), `query` (words, Vietnamese-aware), `tag`. The keys given
   * replace the active ones and the others stay, so a search and an archive
   * pointed at one list combine; a key given as undefined or '' is removed.
   * The number of matching items is announced and shown with what was asked
   * ("3 tin cho «hội nghị»"), beside a "Xem tất cả" button that clears it.
   */
  async filter(filter: NewsFilter): Promise<void> {
    // Asked before the feed is shown (sync-url, a search on page load): the skeleton stays until
    // the filtered result is complete (its code here, the feed's further pages read), rather than
    // every item, then the first page's matches, showing for a moment and the page jumping.
    this.awaitingFilter ||= !this.doc.value;
    try {
      await (this.lines ??= await import('./filtered.js')).applyFilter(this, checkedFilter(filter)); // a date that is no real day is ignored
    } catch (e) {
      this.awaitingFilter = false; // never a skeleton for good: the list shows what it has
      throw e;
    }
    this.awaitingFilter &&= !this.doc.value && this.filtered; // cleared before the feed came: nothing to wait for
  }

  /** The result line, "Xem tất cả" and "Xem thêm", loaded with the first filter or click (so always there while a filter is active). */
  private lines?: typeof import('./filtered.js');

  /** The feed and its further pages, loaded as "More" needs them. @internal */
  readonly pages = new NewsPages(this, () => this.doc.value);

  /** Every loaded item, in feed order: the first page and the further ones (shared with every widget of the feed). */
  get allItems(): NewsItem[] {
    return this.pages.items;
  }

  /** The items that pass the filters, before the limit. */
  get matchingItems(): NewsItem[] {
    return this.matching(this.allItems);
  }

  /** @internal */
  matching(items: readonly NewsItem[]): NewsItem[] {
    return filterNews(items, { ...this.active, tag: this.active.tag ?? this.tag, exclude: this.exclude }, this.timeZone, this.indexOf(items));
  }

  /** A hub's merge status (sources, stale notes), loaded for a feed that has it. */
  private hubSources?: typeof import('../../core/feed-sources.js');

  /** The search module, loaded on demand: a list that is never searched never downloads it. @internal */
  text?: typeof import('../../core/text.js');

  private indexOf(items: readonly NewsItem[]): SearchIndex | undefined {
    return this.active.query && this.text ? this.text.searchIndex(items) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readUrl();
    addEventListener('popstate', this.readUrl);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.readUrl);
  }

  /** The filter the address says, on load and on Back/Forward (`back`: then told, so a search or archive `for` the list shows it too). */
  private readUrl = (back?: PopStateEvent): void => {
    const [date, query, tag] = ['date', 'q', 'tag'].map(pageParam);
    if (!this.syncUrl || !(isDateKey(date) || query || tag || this.filtered)) return; // ?date=19/04/2024 is no filter
    void this.filter({ date, query, tag }).then(() => back && this.emit('portal-filter', { filter: this.active }));
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('items') || changed.has('map')) this.moreError = undefined;
    // A filter set before the feed arrived (sync-url, a search on page load) is announced again with the real count,
    // in the render that shows the items (one render later, the line would push them down).
    const feed = this.doc.value;
    const asked = this.announced === null;
    if (asked || (feed && feed !== this.announced && this.filtered)) {
      if (!asked) void this.lines!.loadFilteredPages(this).finally(() => (this.awaitingFilter = false));
      this.announce();
    }
  }

  /**
   * The first render of items writes a screenful (24): when they reach
   * below the viewport, the others (out of sight: nothing visible moves) come
   * after the first paint, which then waits for neither their DOM, their style
   * nor their layout; when they do not, at once, before the paint. That is
   * measured in the frame that paints them, after the layout it does anyway: a
   * layout forced here added its time to the task that read the feed (25 ms
   * at 4x CPU, 200 items: one long task with the reading).
   */
  protected override updated(): void {
    const ul = this.renderRoot.querySelector('ul'); // none in the skeleton
    if (ul) this.itemNodes.write(ul);
    if (!ul?.children[this.screenful - 1]) return; // all written (always when screenful is Infinity)
    this.screenful = Infinity;
    // updateComplete waits for it (internal/messages.ts).
    void trackPending(
      new Promise<void>((resolve) => {
        // A hidden tab paints no frame: all at once.
        if (document.hidden) return resolve();
        // Told after the layout of the frame that paints them, before its paint (whenever this render ran, in an
        // animation frame callback too): the viewport not full, all before that paint; else after it.
        new ResizeObserver((_, measure) => {
          measure.disconnect();
          if (ul.getBoundingClientRect().bottom < innerHeight) resolve();
          else setTimeout(resolve);
        }).observe(ul);
      }).then(() => this.requestUpdate()),
    );
  }

  /** The feed the count was last announced for; null: a new filter, to announce at the next render. @internal */
  announced?: unknown;

  /** @internal */
  announce(): void {
    this.announced = this.doc.value;
    this.announcement = this.filtered ? this.lines!.line(this) : this.msg.count(this.matchingItems.length);
  }

  private get filtered(): boolean {
    return Object.values(this.active).some(Boolean);
  }

  /** "Xem thêm": its code comes with the first click (./filtered.ts). */
  private async more(): Promise<void> {
    try {
      await (this.lines ??= await import('./filtered.js')).more(this);
    } catch (e) {
      this.moreError = toPortalError(e); // its module could not load (offline)
    }
  }

  override render() {
    // One item-high bar per item to come, up to a screenful: the skeleton is as tall as the list's first screen. The
    // items beyond it come after the first paint, out of sight (a bar each was, at 200 items, 200 animated elements
    // to style, lay out, paint and remove before the list could show).
    const feed = this.doc.value;
    if (!feed) return this.renderStatus(Math.min(this.limit, SCREENFUL));
    if (this.awaitingFilter) return this.renderLoading(Math.min(this.limit, SCREENFUL));
    const matching = this.matchingItems;
    const limit = this.shown || this.limit;
    const visible = matching.slice(0, limit);
    const filtered = this.filtered;
    const hasMore = matching.length > limit || this.pages.next;
    // Only in a feed a hub merged (its `_portal.sources`): in a plain feed, `source` is the article's "Nguồn".
    if (feed.portal && !this.hubSources) void import('../../core/feed-sources.js').then((m) => ((this.hubSources = m), this.requestUpdate()));
    const sources = this.hubSources?.feedSources(feed) ?? []; // [] for a feed without `_portal.sources`
    const showSource = !this.hideSource && sources.length > 1;
    const layout = this.layout;
    // Written into the <ul> after this render (updated), as nodes (./item-nodes.ts).
    this.itemNodes.show(visible.slice(0, this.screenful), { layout, showDate: this.showDate, showSummary: this.showSummary, showImage: this.showImage, itemHref: this.itemHref, headingLevel: this.headingLevel, showSource, language: this.language, timeZone: this.timeZone });
    return html`
      ${this.renderStatus()}
      ${this.hubSources?.staleNotes(sources, this.language, this.timeZone).map((note) => html`<p part="stale" class="stale">${note}</p>`)}
      <div class=${filtered ? '' : 'visually-hidden'} role="status" part="status">${this.announcement}</div>
      ${filtered
        ? html`<button class="clear" part="clear-filter" @click=${() => this.lines!.clearFilter(this)}>${this.lines!.allLabel(this.language)}</button>`
        : nothing}
      ${visible.length
        ? // Always a lang, the feed's else the widget's: PortalElement gives its own only to elements without one.
          html`<ul part="list" class=${layout} lang=${feed.language ?? this.language} @click=${this.select}></ul>`
        : html`<p part="empty">${filtered || this.tag ? this.msg.noMatch : this.msg.empty}</p>`}
      ${this.moreError ? this.renderError(this.moreError, () => void this.more(), true) : nothing}
      ${hasMore
        ? html`<button class="more" part="more-button" ?disabled=${this.moreLoading} @click=${this.more}>
            ${this.moreLoading ? this.msg.more_loading : this.msg.more}
          </button>`
        : nothing}
    `;
  }

  /** The items' `<li>`s, built once per item and settings (./item-nodes.ts). */
  private readonly itemNodes = new ItemNodes();

  /** A title link's click, for every item at once: `portal-select`, which may cancel the navigation. */
  private select = (e: MouseEvent): void => {
    const target = e.target as Element;
    const item = target.closest('a') && this.itemNodes.itemAt(target);
    if (item && !this.emit('portal-select', { item }, true)) e.preventDefault();
  };
}

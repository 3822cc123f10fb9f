import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { countAttribute, pageHref, pageParam } from '../../core/config.js';
import { dayKey, formatDate } from '../../core/dates.js';
import { searchMessages } from '../../core/i18n/news-search.js';
import { localize } from '../../core/i18n/index.js';
import type { NewsItem } from '../../core/model.js';
import { itemLink } from '../../core/urls.js';
import { PortalNewsElement } from '../../internal/news-element.js';
import { filterTarget, ForListFilter } from '../../internal/targets.js';
import { itemMetaStyles } from '../../styles/items.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './news-search.styles.js';

/** How many results show by default (and for a `limit` that is no count). */
const SEARCH_LIMIT = 10;

/**
 * News search ("Tìm kiếm tin tức"): a labelled search box whose results appear
 * as the reader types, matched words highlighted. Vietnamese-aware: "hoi nghi"
 * finds "Hội nghị", exact diacritics first, then title before summary before body;
 * every word must match the start of a word, so results follow each keystroke.
 * With `for` it filters a `<portal-news-list>` on the page instead (Enter too,
 * even with `action`); with `action` alone the button goes to a results page
 * with `?q=`. The box shows the search in force: the page address's `?q=` and
 * the `for` list's, emptied when the list's "Xem tất cả" clears it.
 *
 * @summary Search box with instant, highlighted, Vietnamese-aware results.
 *
 * @slot - Fallback shown under the box while the feed loads or if it cannot, once something is typed.
 *
 * @csspart form - The `<form role="search">`.
 * @csspart label - The search box's label.
 * @csspart input - The search box.
 * @csspart button - The search button.
 * @csspart status - The visually hidden live region that announces the number of results.
 * @csspart results - The `<ul>` of results.
 * @csspart result - One result's `<li>`.
 * @csspart link - A result's title link.
 * @csspart date - A result's `<time>`.
 * @csspart summary - A result's summary.
 * @csspart mark - A matched word (`<mark>`).
 * @csspart all-link - The link to all results on the `action` page.
 * @csspart empty - The "no match" message.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of links and the button (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Colour of dates and summaries.
 * @cssprop --portal-color-border - The search box's border.
 * @cssprop --portal-mark-color - Background of matched words (default: the accent at 20 %).
 * @cssprop --portal-gap - Space between results (default 0.75rem).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-search - A search settled (typing paused, Enter, button, Escape): `detail.query`, `detail.count` (when known), `detail.href` (with `action`); cancel it on submit to stop the navigation.
 * @fires portal-load - The feed loaded: `detail.value` is the parsed feed.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 */
export class PortalNewsSearch extends PortalNewsElement {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    htmlFor: { attribute: 'for' },
    action: {},
    param: {},
    itemHref: { attribute: 'item-href' },
    limit: { converter: countAttribute('limit', SEARCH_LIMIT) },
    debounce: { type: Number },
    showSummary: { type: Boolean, attribute: 'show-summary' },
    value: {},
    query: { state: true },
  };

  protected override feedNeeded(): boolean {
    return !this.htmlFor; // with `for`, the list shows the results
  }

  static override styles = [tokens, statusStyles, itemMetaStyles, styles];

  /** Id of a `<portal-news-list>` on this page to filter instead of showing results here. */
  htmlFor?: string;

  /** Results page to go to on Enter or the button, e.g. `/tim-kiem.html`: `?q=` is added (a list with `sync-url` reads it). */
  action?: string;

  /** Name of the query parameter added to `action`. */
  param = 'q';

  /** Link template for results, e.g. `/bai-viet.html?id={id}`; `{id}` and `{url}` are filled. Default: the item's own URL. */
  itemHref?: string;

  /** How many results to show under the box. */
  limit = SEARCH_LIMIT;

  /** Milliseconds of typing pause before searching. */
  debounce = 150;

  /** Show each result's summary, with the matched words highlighted. */
  showSummary = false;

  /** The words in the box (e.g. set from the page's `?q=`). */
  value = '';

  /** The query searched: the box's words once typing paused. */
  private query = '';
  private timer?: ReturnType<typeof setTimeout>;
  /** The last results, kept while items and query are unchanged. */
  private found?: { items: readonly NewsItem[]; query: string; results: NewsItem[] };

  private get m() {
    return localize(searchMessages, this.language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.query = this.value.trim();
    if (this.query && !this.htmlFor) void this.loadText();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A results page opened with ?q=: the box says what is searched.
    if (this.htmlFor || this.action) this.value ||= pageParam(this.param) ?? '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** The `for` list's filter changed by itself ("Xem tất cả"): the box follows. */
  protected readonly listFilter = new ForListFilter(this, (filter) => (this.value = filter.query ?? ''));

  /** The search (index, highlight), loaded when the reader comes to the box or a query is given, not with the widget. */
  private text?: typeof import('../../core/text.js');
  private textLoad?: Promise<void>;

  private loadText(): Promise<void> {
    return (this.textLoad ??= import('../../core/text.js').then(
      (m) => void ((this.text = m), this.requestUpdate()),
      () => void (this.textLoad = undefined), // offline: tried again with the next query
    ));
  }

  /** Also waits for the search module a query asked for, and the render that follows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.text || !this.textLoad) return done;
    await this.textLoad;
    return super.getUpdateComplete();
  }

  /** Results for the current query, best first (all of them, before the limit). */
  get results(): NewsItem[] {
    const items = this.doc.value?.items;
    if (!items || !this.query || !this.text) return []; // none until the search module is there (updateComplete waits for it)
    const f = this.found;
    if (f?.items !== items || f.query !== this.query) this.found = { items, query: this.query, results: this.text.searchIndex(items).search(this.query) };
    return this.found!.results;
  }

  /** Searches `query` now: shows results here, or filters the `for` list. */
  async search(query: string): Promise<void> {
    clearTimeout(this.timer);
    this.value = query;
    this.query = query.trim();
    if (this.htmlFor) await filterTarget(this, this.htmlFor, { query: this.query });
    else if (this.query) await this.loadText();
    await this.updateComplete;
    const count = this.htmlFor || !this.doc.value ? undefined : this.results.length;
    this.emit('portal-search', { query: this.query, count });
  }

  /** Builds the feed's search index when the reader comes to the box, not on the first keystroke. */
  private prepare(): void {
    if (!this.htmlFor) void this.loadText().then(() => this.doc.value && this.text?.searchIndex(this.doc.value.items));
  }

  private onInput(e: InputEvent): void {
    const text = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(text), this.debounce);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !(e.target as HTMLInputElement).value) return;
    e.preventDefault();
    (e.target as HTMLInputElement).value = '';
    void this.search('');
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const query = this.renderRoot.querySelector('input')!.value.trim();
    // A list on this page is filtered in place; only without one does Enter go to the results page.
    const href = this.action && !(this.htmlFor && document.getElementById(this.htmlFor)) ? this.actionHref(query) : undefined;
    if (href) {
      clearTimeout(this.timer);
      if (this.emit('portal-search', { query, href }, true)) location.assign(href);
    } else void this.search(query);
  }

  /** The results page for `query`; none when `action` is no http(s) URL (a console warning says so). */
  private actionHref(query: string): string | undefined {
    const url = pageHref(this.action!, 'action');
    url?.searchParams.set(this.param, query);
    return url?.href;
  }

  override render() {
    const m = this.m;
    return html`<form role="search" part="form" class="form" action=${this.action ?? nothing} @submit=${this.onSubmit}>
        <label part="label" for="q">${m.label}</label>
        <span class="row">
          <input
            id="q"
            part="input"
            type="search"
            name=${this.param}
            autocomplete="off"
            placeholder=${m.placeholder}
            .value=${this.value}
            @focus=${this.prepare}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          />
          <button type="submit" part="button">${m.button}</button>
        </span>
      </form>
      ${this.htmlFor ? nothing : this.renderResults()}`;
  }

  private renderResults() {
    const feed = this.doc.value;
    const query = this.query;
    const results = this.results;
    const text = this.text;
    const status = html`<div class="visually-hidden" role="status" part="status">${query && feed && text ? this.m.found(results.length) : ''}</div>`;
    if (!query) return status;
    if (!feed) return [status, this.renderStatus(2)];
    if (!text) return [status, this.renderLoading(2)]; // the search module is on its way
    const mark = (s: string) => text.highlight(s, query).map((s) => (s.match ? html`<mark part="mark">${s.text}</mark>` : s.text));
    return html`${status}${this.renderStatus(2)}
      ${results.length
        ? html`<ul part="results" class="results" aria-label=${this.m.results}>
            ${results.slice(0, this.limit).map((item) => {
              const href = itemLink(this.itemHref, item);
              // No white space between the result's elements (a grid): no text node per gap.
              const title = href ? html`<a part="link" href=${href}>${mark(item.title)}</a>` : html`<span part="link">${mark(item.title)}</span>`;
              const date = item.published
                ? html`<time part="date" datetime=${dayKey(item.published, this.timeZone)} .textContent=${formatDate(item.published, this.language, this.timeZone)}></time>`
                : nothing;
              const summary = this.showSummary && item.summary ? html`<p part="summary" class="summary">${mark(item.summary)}</p>` : nothing;
              return html`<li part="result">${title}${date}${summary}</li>`;
            })}
          </ul>`
        : html`<p part="empty">${this.msg.noMatch}</p>`}
      ${this.action && results.length > this.limit ? this.renderAllLink(query, results.length) : nothing}`;
  }

  /** "Xem tất cả N kết quả" on the results page, when `action` is a URL. */
  private renderAllLink(query: string, count: number) {
    const href = this.actionHref(query);
    return href ? html`<a part="all-link" href=${href}>${this.m.all(count)}</a>` : nothing;
  }
}

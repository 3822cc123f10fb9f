import { html, nothing, type PropertyDeclarations } from 'lit';
import { formatTime } from '../../core/clock.js';
import { counterDocument } from '../../core/documents/counter.js';
import type { Loaded, LoadOptions } from '../../core/feed-store.js';
import { localize } from '../../core/i18n/index.js';
import { visitCounterMessages } from '../../core/i18n/visit-counter.js';
import { formatNumber } from '../../core/locale.js';
import type { VisitCount } from '../../core/model.js';
import { recordVisit, visitedThisSession } from '../../core/visits.js';
import { PortalDocumentElement } from '../../internal/document-element.js';
import { RefreshController } from '../../internal/refresh.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './visit-counter.styles.js';

/**
 * The site's visit counter ("Thống kê truy cập": "Truy cập tổng 2.595.954",
 * "Truy cập hiện tại 133") from an endpoint answering `{total, online, today?, updated?}`.
 *
 * @summary Visit counter: total and online visitors; records one visit per browser session with `hit`.
 *
 * @slot - Fallback shown until the count loads, and if it cannot (e.g. "Thống kê truy cập").
 *
 * @csspart counts - The `<dl>` of figures.
 * @csspart row - One figure: its label and value.
 * @csspart label - A figure's label ("Truy cập tổng").
 * @csspart value - A figure's value (also `total`, `online` or `today`).
 * @csspart total - The total visits value.
 * @csspart online - The online visitors value.
 * @csspart today - Today's visits value.
 * @csspart stale - The note saying the figures shown are not current (after an error).
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box shown when no count could be read.
 * @csspart retry - The retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of the retry button (default #b5121b); the figures are the text colour, bold, so they read in a dark footer too.
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Colour of the labels and of figures that are not current.
 * @cssprop --portal-gap - Space between figures (default 0.75rem).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - A count was read or recorded: `detail.value` is the count.
 * @fires portal-error - Reading or recording failed: `detail.error` has a `code` and `detail`; the last count stays shown.
 */
export class PortalVisitCounter extends PortalDocumentElement<VisitCount> {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    hit: { type: Boolean },
    refresh: { type: Number },
    showToday: { type: Boolean, attribute: 'show-today' },
    count: { attribute: false },
  };

  static override styles = [tokens, statusStyles, styles];

  /** URL of the counter endpoint (GET reads, POST records a visit). Default: the page's `<meta name="portal-widgets:visits">`. */
  declare src?: string;

  /** Record one visit per browser session (a POST to `src`, which survives the reader leaving at once) and show the answer. */
  hit = false;

  /** Read the count again every this many seconds (at least 1, at most 2^31−1 ms), only while the page is visible; 0 (default), or anything not a finite number above 0, reads once. */
  refresh = 0;

  /** Also show today's visits, when the endpoint gives them. */
  showToday = false;

  protected readonly kind = counterDocument;

  /** The count given as a property. */
  private givenCount?: VisitCount;

  /** The last good count: read from `src`, or given directly instead of `src` (pages and tests). */
  get count(): VisitCount | undefined {
    return this.doc.value ?? this.givenCount;
  }

  set count(count: VisitCount | undefined) {
    this.givenCount = count;
  }

  /** A given count is the data only without an endpoint: with one, it shows until the first read. @internal */
  override given(): VisitCount | undefined {
    return this.documentUrl() ? undefined : this.givenCount;
  }

  /** `hit` makes another read (a POST first): changing it reads again. */
  protected override setting(): string {
    return this.hit ? 'hit' : '';
  }

  /** With `hit`, this session's first read is the POST of its visit. @internal */
  override load(url: string, options: LoadOptions): Promise<Loaded> {
    return this.hit && !visitedThisSession(url) ? recordVisit(url, options.timeout) : super.load(url, options);
  }

  constructor() {
    super();
    // Reads again every `refresh` seconds while the page is visible.
    new RefreshController(this, () => this.refresh, () => this.doc.reload());
  }

  /** Reads the count now (past this page's copy), as the retry button does. */
  reload = (): void => this.doc.retry();

  private get m() {
    return localize(visitCounterMessages, this.language);
  }

  /** The shared table says "nguồn tin" (a news feed) for a wrong document: the counter names its own. */
  protected override get formatText(): string {
    return this.m.format;
  }

  protected override get errorTitle(): string {
    return this.m.errorTitle;
  }

  override render() {
    const m = this.m;
    const count = this.count;
    const error = this.doc.error;
    const valid = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
    if (!count || !valid(count.total)) return error ? this.renderError(error, this.reload, false) : this.renderLoading(1);
    const row = (label: string, value: number, part: string) =>
      html`<div part="row"><dt part="label">${label}</dt><dd part="value ${part}">${formatNumber(value, this.language)}</dd></div>`;
    return html`<dl part="counts" class=${error ? 'stale' : ''}>
        ${row(m.total, count.total, 'total')}
        ${valid(count.online) ? row(m.online, count.online, 'online') : nothing}
        ${this.showToday && valid(count.today) ? row(m.today, count.today, 'today') : nothing}
      </dl>
      ${error
        ? html`<p part="stale" class="stale-note" role="status">
            ${m.notCurrent(count.updated ? formatTime(count.updated, this.language, this.timeZone) : '')}: ${this.errorText(error)}.
            <button type="button" part="retry" @click=${this.reload}>${this.msg.retry}</button>
          </p>`
        : nothing}`;
  }
}

import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { documentUrl } from '../../core/config.js';
import { formatNumber } from '../../core/dates.js';
import { PortalError, toPortalError } from '../../core/errors.js';
import { lastGood, load } from '../../core/feed-store.js';
import { parseCount } from '../../core/formats/counter.js';
import { localize } from '../../core/i18n/index.js';
import { visitCounterMessages } from '../../core/i18n/visit-counter.js';
import type { VisitCount } from '../../core/model.js';
import { recordVisit, visitedThisSession } from '../../core/visits.js';
import { PortalElement } from '../../internal/portal-element.js';
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
 * @cssprop --portal-color-primary - Accent colour of the figures and the retry button (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the page's CanvasText).
 * @cssprop --portal-color-muted - Colour of the labels and of figures that are not current.
 * @cssprop --portal-gap - Space between figures (default 0.75rem).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - A count was read or recorded: `detail.value` is the count.
 * @fires portal-error - Reading or recording failed: `detail.error` has a `code` and `detail`; the last count stays shown.
 */
export class PortalVisitCounter extends PortalElement {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    src: {},
    hit: { type: Boolean },
    refresh: { type: Number },
    showToday: { type: Boolean, attribute: 'show-today' },
    timeout: { type: Number },
    count: { attribute: false },
    error: { state: true },
  };

  static override styles = [tokens, statusStyles, styles];

  /** URL of the counter endpoint (GET reads, POST records a visit). Default: the page's `<meta name="portal-widgets:visits">`. */
  src?: string;

  /** Record one visit per browser session (a POST to `src`, which survives the reader leaving at once) and show the answer. */
  hit = false;

  /** Read the count again every this many seconds (at least 1), only while the page is visible; 0 (default) reads once. */
  refresh = 0;

  /** Also show today's visits, when the endpoint gives them. */
  showToday = false;

  /** Milliseconds to wait for the endpoint before showing the time-out error. */
  timeout = 8000;

  /** The last good count: read from `src`, or given directly instead of `src` (pages and tests). */
  count?: VisitCount;

  /** The last failure; while set, the count shown is marked as not current. */
  private error?: PortalError;

  private args = '';
  private run = 0;
  private lastTry = 0;
  /** A read is in flight: a refresh tick waits for it rather than cutting it short. */
  private busy = false;
  private timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.requestUpdate(); // moved or re-inserted: read and schedule again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearInterval(this.timer);
    this.timer = undefined;
    this.args = ''; // read again when reconnected
    this.run++; // drop answers that arrive after leaving
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return; // an answer that lands after removal: no new request
    const url = documentUrl(this.src, 'portal-widgets:visits');
    const args = `${url} ${this.hit}`;
    if (args !== this.args && !(this.count && !url)) {
      this.args = args;
      void this.read(false);
    }
    if (changed.has('refresh') || !this.timer) this.schedule();
  }

  /** Reads the count now (past this page's copy), as the refresh timer and the retry button do. */
  reload = (): Promise<void> => this.read(true);

  private async read(force: boolean): Promise<void> {
    const run = ++this.run;
    const url = documentUrl(this.src, 'portal-widgets:visits');
    this.lastTry = Date.now();
    this.busy = true;
    try {
      if (!url) throw new PortalError('config', 'src: missing');
      const posting = this.hit && !visitedThisSession(url);
      const answer = posting ? await recordVisit(url, this.timeout) : await load(url, { force, timeout: this.timeout });
      const count = parseCount(answer.text);
      if (run !== this.run) return;
      this.count = count;
      this.error = undefined;
      this.emit('portal-load', { value: count });
    } catch (e) {
      if (run !== this.run) return;
      const error = toPortalError(e);
      // Nothing read on this page yet: the copy saved on an earlier visit, marked not current, beats an empty box.
      if (!this.count && url) {
        try {
          const saved = await lastGood(url);
          if (saved && run === this.run) this.count = parseCount(saved.text);
        } catch {
          // A damaged saved copy is simply not shown.
        }
      }
      if (run !== this.run) return;
      this.error = error;
      console.warn('[portal-widgets]', url, error.message); // the developer detail, kept off the reader's screen
      this.emit('portal-error', { error });
    } finally {
      if (run === this.run) this.busy = false;
    }
  }

  private tick = (): void => {
    if (!this.busy) void this.read(true);
  };

  /** Re-reads every `refresh` seconds while the page is visible; a hidden page makes no request. */
  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.refresh > 0 && this.isConnected && document.visibilityState === 'visible')
      this.timer = setInterval(this.tick, Math.max(1, this.refresh) * 1000);
  }

  private onVisibility = (): void => {
    this.schedule();
    // Back on a page left longer than a period: read at once rather than a period later.
    if (this.timer && Date.now() - this.lastTry >= this.refresh * 1000) this.tick();
  };

  override render() {
    const m = localize(visitCounterMessages, this.language);
    const count = this.count;
    const error = this.error;
    const valid = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
    if (!count || !valid(count.total)) {
      return error
        ? html`<div class="error" part="error" role="alert">
              <p><strong>${m.errorTitle}:</strong> ${this.describe(error, m.format)}.</p>
              <button type="button" part="retry" @click=${this.reload}>${this.msg.retry}</button>
            </div>
            <slot></slot>`
        : this.renderLoading(2);
    }
    const row = (label: string, value: number, part: string) =>
      html`<div part="row"><dt part="label">${label}</dt><dd part="value ${part}">${formatNumber(value, this.language)}</dd></div>`;
    return html`<dl part="counts" class=${error ? 'stale' : ''}>
        ${row(m.total, count.total, 'total')}
        ${valid(count.online) ? row(m.online, count.online, 'online') : nothing}
        ${this.showToday && valid(count.today) ? row(m.today, count.today, 'today') : nothing}
      </dl>
      ${error
        ? html`<p part="stale" class="stale-note" role="status">
            ${m.notCurrent(this.time(count.updated))}: ${this.describe(error, m.format)}.
            <button type="button" part="retry" @click=${this.reload}>${this.msg.retry}</button>
          </p>`
        : nothing}`;
  }

  /** Short plain words for readers; the detail went to the console and the event. */
  private describe(error: PortalError, format: string): string {
    return error.code === 'format' ? format : this.msg.errors[error.code];
  }

  /** `10:32` in the widget's time zone, or '' when the endpoint did not say when. */
  private time(date: Date | undefined): string {
    if (!date) return '';
    try {
      return date.toLocaleTimeString(this.language === 'vi' ? 'vi-VN' : 'en-US', { timeZone: this.timeZone, hour: '2-digit', minute: '2-digit' });
    } catch {
      return date.toLocaleTimeString();
    }
  }
}

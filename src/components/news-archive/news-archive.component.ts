import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { addMonth, countByDay, formatTyped, monthGrid, moveDay, parseTypedDate, type DayCounts, type GridMove } from '../../core/calendar.js';
import { pageHref, pageParam, warnConfig } from '../../core/config.js';
import { dayKey } from '../../core/dates.js';
import { toPortalError, type PortalError } from '../../core/errors.js';
import { archiveMessages } from '../../core/i18n/news-archive.js';
import { localize } from '../../core/i18n/index.js';
import { FIRST_NEWS_YEAR, isDateKey, LAST_NEWS_YEAR } from '../../core/news-filter.js';
import { fillTemplate } from '../../core/urls.js';
import { PortalNewsElement } from '../../internal/news-element.js';
import { NewsPages } from '../../internal/news-pages.js';
import { filterTarget, ForListFilter, navigate } from '../../internal/targets.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './news-archive.styles.js';

/** Keys of the WAI-ARIA date grid: the move, and how far. */
const KEYS: Record<string, [GridMove, number]> = {
  ArrowLeft: ['day', -1],
  ArrowRight: ['day', 1],
  ArrowUp: ['week', -1],
  ArrowDown: ['week', 1],
  Home: ['weekStart', 0],
  End: ['weekEnd', 0],
  PageUp: ['month', -1],
  PageDown: ['month', 1],
};

/** The first and last day the calendar goes to: the years news can have (the year select has no other). */
const FIRST_DAY = `${FIRST_NEWS_YEAR}-01-01`;
const LAST_DAY = `${LAST_NEWS_YEAR}-12-31`;

/** `key`, a day or a month, kept within them: a key or button past 2100 stops at its last day, not on "Tháng 12 năm 2101". */
function inNewsYears(key: string): string {
  const [first, last] = [FIRST_DAY, LAST_DAY].map((day) => day.slice(0, key.length));
  return key < first ? first : key > last ? last : key;
}

/**
 * News by day ("Xem tin theo ngày"): a month calendar whose days with news are
 * marked and counted, or (`mode="months"`) a list of months with their counts.
 * Choosing a day or a month filters the `<portal-news-list>` named by `for`, or
 * goes to `list-href`. The typed date field reads `dd/MM/yyyy` in Vietnamese and
 * `MM/dd/yyyy` (the en-US short form) in English; `yyyy-MM-dd` is read in both.
 * Days are counted in `time-zone`, whatever the reader's own. The calendar
 * shows the day in force: the page address's `?date=` and the `for` list's
 * (its month, the day selected, the typed field filled), cleared when the
 * list's "Xem tất cả" clears it.
 *
 * @summary Calendar (or month list) of the news, with a typed date field.
 *
 * @slot - Fallback shown until the feed loads, and if it cannot: e.g. a link to the news page.
 *
 * @csspart calendar - The box around the month header, the jump selects and the grid.
 * @csspart header - The row with the previous/next buttons and the month title.
 * @csspart title - The month and year shown ("Tháng 4 năm 2024").
 * @csspart nav-button - The previous and next month buttons (also `prev` / `next`).
 * @csspart jump - The month and year selects.
 * @csspart grid - The `<table role="grid">` of days.
 * @csspart day - A day cell (also `has-news`, `selected`, `today` when they apply).
 * @csspart count - The number of news shown in a day cell.
 * @csspart months - The month list (`mode="months"`).
 * @csspart month - One month entry's `<li>`.
 * @csspart month-link - A month's link or button.
 * @csspart date-form - The typed date form.
 * @csspart date-input - The typed date field.
 * @csspart date-button - The typed date form's button.
 * @csspart date-error - The message for a date that cannot be read.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of days with news, buttons and links (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Colour of weekday names and days without news.
 * @cssprop --portal-color-border - Borders.
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-gap - Space between parts (default 0.75rem).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-date-select - A day or month was chosen: `detail.date` (`yyyy-MM-dd` or `yyyy-MM`), `detail.count`; cancel it to stop the filtering or navigation.
 * @fires portal-load - The feed loaded: `detail.value` is the parsed feed.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 */
export class PortalNewsArchive extends PortalNewsElement {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    htmlFor: { attribute: 'for' },
    listHref: { attribute: 'list-href' },
    mode: { reflect: true },
    value: {},
    shown: { state: true },
    active: { state: true },
    typedError: { state: true },
    pagesError: { state: true },
  };

  static override styles = [tokens, statusStyles, styles];

  /** Id of a `<portal-news-list>` on this page to filter by the chosen day or month. */
  htmlFor?: string;

  /** Address to go to with the chosen day or month, e.g. `/tin-tuc.html?date={date}` (`yyyy-MM-dd`, or `yyyy-MM` for a month). */
  listHref?: string;

  /** `days` (default): a month calendar. `months`: a list of months with their counts, newest first. */
  mode: 'days' | 'months' = 'days';

  /** The chosen day (`yyyy-MM-dd`) or month (`yyyy-MM`), a real one from 1990 to 2100 (else ignored, with a console warning); the calendar opens on its month. */
  value?: string;

  /** The month shown (`yyyy-MM`) once the reader moves; before that, the value's or the newest item's. */
  private shown?: string;
  /** The day that holds the grid's one tab stop. */
  private active?: string;
  /** Why the typed date cannot be read, with the text typed. */
  private typedError?: { kind: 'format' | 'invalid'; text: string };
  private pagesError?: PortalError;
  /** The month whose pages were last asked for: asked once, not on every update. */
  private pagesFor = '';
  /** Move the DOM focus to the active day after the next render (keyboard moves). */
  private focusDay = false;

  private get m() {
    return localize(archiveMessages, this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A list page opened with ?date=2024-03-30: the calendar opens on that day, selected.
    const date = pageParam('date');
    if ((this.htmlFor || this.listHref) && !this.value && isDateKey(date)) this.value = date;
  }

  /** The `for` list's filter changed by itself ("Xem tất cả"): the selection follows. */
  protected readonly listFilter = new ForListFilter(this, (filter) => (this.value = filter.date || undefined));

  /** The feed and its further pages, loaded until the month shown is complete. */
  private readonly pages = new NewsPages(this, () => this.doc.value);

  private get counts(): DayCounts {
    return countByDay(this.pages.items, this.timeZone);
  }

  /** The month shown: where the reader went, else the chosen date's, else the newest item's, else this month. */
  private get month(): string {
    return this.shown ?? this.value?.slice(0, 7) ?? this.counts.newest?.slice(0, 7) ?? dayKey(new Date(), this.timeZone).slice(0, 7);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value && !isDateKey(this.value)) {
      warnConfig(`value: "${this.value}" ignored (not a day or month from ${FIRST_NEWS_YEAR} on)`);
      this.value = undefined;
    }
    if (changed.has('value') && this.value) {
      this.shown = this.value.slice(0, 7);
      this.active = this.value.length === 10 ? this.value : undefined;
    }
  }

  protected override updated(): void {
    if (this.focusDay) {
      this.focusDay = false;
      this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
    void this.followPages();
  }

  /** Loads further feed pages while the month shown may go on in them (all of them for the month list). */
  private async followPages(): Promise<void> {
    const feed = this.doc.value;
    if (!feed || this.items) return;
    const month = this.mode === 'months' ? 'all' : this.month;
    const ask = `${month} ${feed.nextUrl}`;
    if (ask === this.pagesFor || !this.pages.next) return;
    this.pagesFor = ask;
    try {
      await this.pages.loadBackTo(month === 'all' ? undefined : `${month}-01`);
      this.pagesError = undefined;
    } catch (e) {
      this.pagesError = toPortalError(e);
    }
  }

  /** Chooses a day or month: fires portal-date-select, then filters the `for` list or goes to `list-href`. */
  async choose(date: string): Promise<void> {
    this.value = date;
    this.typedError = undefined;
    const count = date.length === 10 ? (this.counts.days.get(date) ?? 0) : (this.counts.months.find(([k]) => k === date)?.[1] ?? 0);
    if (!this.emit('portal-date-select', { date, count }, true)) return;
    if (this.htmlFor) await filterTarget(this, this.htmlFor, { date });
    else if (this.listHref) navigate(this.listHref, { date });
  }

  /** The day of `month` that takes the tab stop: the chosen one, else today, else the newest with news, else the 1st. */
  private tabDay(month: string): string {
    const inMonth = (key?: string) => (key?.startsWith(month) && key.length === 10 ? key : undefined);
    const today = dayKey(new Date(), this.timeZone);
    let newest: string | undefined;
    for (const key of this.counts.days.keys()) if (key.startsWith(month) && (!newest || key > newest)) newest = key;
    return inMonth(this.active) ?? inMonth(this.value) ?? inMonth(today) ?? newest ?? `${month}-01`;
  }

  private showMonth(month: string): void {
    this.shown = inNewsYears(month);
    this.active = undefined;
  }

  private onKey(e: KeyboardEvent): void {
    const active = this.tabDay(this.month);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void this.choose(active);
      return;
    }
    const found = KEYS[e.key];
    if (!found) return;
    e.preventDefault();
    // Shift+PageUp/PageDown move by a year.
    const [move, by]: [GridMove, number] = e.shiftKey && found[0] === 'month' ? ['year', found[1]] : found;
    const next = inNewsYears(moveDay(active, move, by, this.m.weekStartsOn));
    this.active = next;
    this.shown = next.slice(0, 7);
    this.focusDay = true;
  }

  private onTyped(e: SubmitEvent): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input')!;
    const read = parseTypedDate(input.value, this.m.dateOrder);
    if ('error' in read) {
      this.typedError = { kind: read.error, text: input.value.trim() };
      return;
    }
    this.shown = read.key.slice(0, 7);
    this.active = read.key;
    void this.choose(read.key);
  }

  override render() {
    const feed = this.doc.value;
    const status = [this.renderStatus(), feed && this.pagesError ? this.renderError(this.pagesError, this.retryPages, true) : nothing];
    return html`${status}${feed ? (this.mode === 'months' ? this.renderMonths() : this.renderCalendar()) : nothing}${this.renderTyped()}`;
  }

  private retryPages = (): void => {
    this.pagesError = undefined;
    this.pagesFor = '';
    this.requestUpdate();
  };

  private renderCalendar() {
    const m = this.m;
    const month = this.month;
    const [y, mo] = month.split('-').map(Number);
    const counts = this.counts;
    const today = dayKey(new Date(), this.timeZone);
    const tab = this.tabDay(month);
    const thisYear = Number(today.slice(0, 4));
    // From the oldest news (or the month shown) to the newest (or this year), within FIRST_NEWS_YEAR and LAST_NEWS_YEAR: a few
    // options, not thousands. The newest news counts even when the reader's clock is years behind it.
    const first = Math.max(FIRST_NEWS_YEAR, Math.min(Number((counts.oldest ?? today).slice(0, 4)), y));
    const last = Math.min(LAST_NEWS_YEAR, Math.max(Number((counts.newest ?? today).slice(0, 4)), thisYear, y));
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const order = Array.from({ length: 7 }, (_, i) => (i + m.weekStartsOn) % 7);
    return html`<div part="calendar" class="calendar">
      <div part="header" class="header">
        <button type="button" part="nav-button prev" aria-label=${m.prevMonth} @click=${() => this.showMonth(addMonth(this.month, -1))}>‹</button>
        <div part="title" class="title" id="title" aria-live="polite">${m.monthTitle(y, mo)}</div>
        <button type="button" part="nav-button next" aria-label=${m.nextMonth} @click=${() => this.showMonth(addMonth(this.month, 1))}>›</button>
      </div>
      <div part="jump" class="jump">
        <label
          >${m.month}
          <select @change=${(e: Event) => this.showMonth(`${this.month.slice(0, 4)}-${(e.target as HTMLSelectElement).value}`)}>
            ${Array.from({ length: 12 }, (_, i) => {
              const v = String(i + 1).padStart(2, '0');
              return html`<option value=${v} ?selected=${i + 1 === mo}>${m.monthName(i + 1)}</option>`;
            })}
          </select></label
        >
        <label
          >${m.year}
          <select @change=${(e: Event) => this.showMonth(`${(e.target as HTMLSelectElement).value}-${this.month.slice(5)}`)}>
            ${years.map((year) => html`<option ?selected=${year === y}>${year}</option>`)}
          </select></label
        >
      </div>
      <table role="grid" part="grid" aria-labelledby="title" @keydown=${this.onKey}>
        <thead>
          <tr>
            ${order.map((d) => html`<th scope="col" abbr=${m.weekdayNames[d]}><span aria-hidden="true">${m.weekdays[d]}</span><span class="visually-hidden">${m.weekdayNames[d]}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthGrid(month, m.weekStartsOn).map(
            (week) => html`<tr>
              ${week.map((key) => (key ? this.renderDay(key, counts.days.get(key) ?? 0, key === tab, key === today) : html`<td role="gridcell"></td>`))}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDay(key: string, count: number, tab: boolean, today: boolean) {
    const [y, mo, d] = key.split('-').map(Number);
    const selected = key === this.value;
    const parts = `day${count ? ' has-news' : ''}${selected ? ' selected' : ''}${today ? ' today' : ''}`;
    return html`<td
      role="gridcell"
      part=${parts}
      tabindex=${tab ? 0 : -1}
      aria-selected=${selected ? 'true' : 'false'}
      aria-current=${today ? 'date' : nothing}
      @click=${() => {
        this.active = key;
        void this.choose(key);
      }}
    >
      <span aria-hidden="true">${d}</span>${count ? html`<span part="count" class="count" aria-hidden="true">${count}</span>` : nothing}<span
        class="visually-hidden"
        >${this.m.day(y, mo, d, count)}</span
      >
    </td>`;
  }

  private renderMonths() {
    const m = this.m;
    const months = this.counts.months;
    if (!months.length) return html`<p part="empty">${m.noMonths}</p>`;
    // Links only to an http(s) address: a list-href that is none leaves buttons (and a console warning).
    const link = this.listHref && !this.htmlFor && pageHref(fillTemplate(this.listHref, { date: '' }), 'list-href') ? this.listHref : undefined;
    return html`<ul part="months" class="months" aria-label=${m.months}>
      ${months.map(([key, count]) => {
        const [y, mo] = key.split('-').map(Number);
        const label = m.monthEntry(y, mo, count);
        const current = key === this.value ? 'true' : nothing;
        // No white space around the link: no text node per gap in a long list of months.
        return html`<li part="month">${link
          ? html`<a part="month-link" href=${fillTemplate(link, { date: key })} aria-current=${current} @click=${(e: MouseEvent) => this.onMonthLink(e, key, count)}>${label}</a>`
          : html`<button type="button" part="month-link" aria-pressed=${key === this.value ? 'true' : 'false'} @click=${() => this.choose(key)}>${label}</button>`}</li>`;
      })}
    </ul>`;
  }

  /** A month link navigates by itself: only the event (cancelable) is added. */
  private onMonthLink(e: MouseEvent, date: string, count: number): void {
    this.value = date;
    if (!this.emit('portal-date-select', { date, count }, true)) e.preventDefault();
  }

  private renderTyped() {
    const m = this.m;
    const err = this.typedError;
    const message = err ? (err.kind === 'format' ? m.formatError : m.invalidError(err.text)) : '';
    const value = this.value?.length === 10 ? formatTyped(this.value, m.dateOrder) : '';
    return html`<form part="date-form" class="date-form" novalidate @submit=${this.onTyped}>
      <label for="date">${m.dateField} (${m.datePattern})</label>
      <span class="row">
        <input
          id="date"
          part="date-input"
          inputmode="numeric"
          autocomplete="off"
          .value=${value}
          placeholder=${m.datePattern}
          aria-invalid=${err ? 'true' : 'false'}
          aria-describedby="date-error"
          @input=${() => (this.typedError = undefined)}
        />
        <button type="submit" part="date-button">${m.go}</button>
      </span>
      <p part="date-error" class="date-error" id="date-error" role="alert">${message}</p>
    </form>`;
  }
}


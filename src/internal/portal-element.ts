/**
 * The base of every widget: language, time zone, events, and the status area
 * (skeleton with the webmaster's fallback children, localized error with a retry
 * button) that makes a widget never blank and never throw.
 */
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_TIME_ZONE } from '../core/dates.js';
import type { PortalError } from '../core/errors.js';
import { resolveLang, type Lang, type Messages } from '../core/i18n/index.js';
import type { PortalEventDetails, PortalEventName } from './events.js';
import { errorText, pendingWork, sharedMessages } from './messages.js';

/** Every widget re-renders when `<html lang>` changes (a page's language switch, Storybook's toolbar). */
const live = new Set<PortalElement>();
let htmlObserver: MutationObserver | undefined;

export abstract class PortalElement extends LitElement {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    lang: { reflect: true },
    timeZone: { attribute: 'time-zone' },
    langEpoch: { state: true },
  };

  /**
   * Language of the widget's own text: `vi` (default) or `en`. Else inherited from the nearest `[lang]`.
   * No default value: a reflected `lang=""` would tell assistive technology "unknown language".
   */
  declare lang: string;

  /** IANA time zone in which days are counted and shown, and in which a feed's dates written without an offset are read. */
  timeZone = DEFAULT_TIME_ZONE;

  /** Bumped to re-resolve the language when an ancestor's changes. */
  private langEpoch = 0;

  /** The language resolved for the current update (walking up the tree once, not per item). */
  private resolved?: Lang;

  /** The resolved language: `vi` or `en`. */
  get language(): Lang {
    return (this.resolved ??= resolveLang(this, this.lang));
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    this.resolved = undefined; // `lang` here, above, or langEpoch may have changed: before willUpdate, which may read it
    return super.shouldUpdate(changed);
  }

  /** The message table of {@link language}. @internal */
  get msg(): Messages {
    return sharedMessages(this.language, this.rerender);
  }

  private rerender = (): void => this.requestUpdate();

  /** Also waits for the pending work (./messages.ts: a message table the render asked for, a render put off), and the render that follows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (pendingWork.size) {
      await Promise.all(pendingWork);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    live.add(this);
    htmlObserver ??= new MutationObserver(() => live.forEach((el) => el.langEpoch++));
    htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /** Dispatches a `portal-*` event that bubbles out of shadow roots; false when a listener cancelled it. @internal */
  emit<K extends PortalEventName>(name: K, detail: PortalEventDetails[K], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** Skeleton while the first data loads, beside the webmaster's fallback children. */
  protected renderLoading(rows = 3): TemplateResult {
    return html`<div class="skeleton" part="skeleton" role="status" aria-live="polite">
      <span class="visually-hidden">${this.msg.loading}</span>
      ${Array.from({ length: rows }, () => html`<span aria-hidden="true"></span>`)}
      <slot></slot>
    </div>`;
  }

  /** The error box's heading; a widget that does not show news names what it could not load. */
  protected get errorTitle(): string {
    return this.msg.errorTitle;
  }

  /** The widget's own words for a `format` error (a document of another kind), where the shared table's "nguồn tin" (news) does not fit. */
  protected get formatText(): string | undefined {
    return undefined;
  }

  /** An error in the reader's words, without the developer detail (the console and the event have it). */
  protected errorText(error: PortalError): string {
    return (error.code === 'format' && this.formatText) || (errorText(error, this.language, this.rerender) ?? '');
  }

  /**
   * The localized error box with a retry button. `kept` says the last good
   * content is still shown under it; otherwise the fallback children are.
   * Readers get short plain words; the developer detail (`$.items: not an
   * array`) goes to the console and the `portal-error` event.
   */
  protected renderError(error: PortalError, retry: (() => void) | undefined, kept: boolean): TemplateResult {
    const msg = this.msg;
    const text = this.errorText(error);
    return html`<div class="error" part="error" role="alert">
        <p>
          <strong>${this.errorTitle}${text ? ':' : '.'}</strong> ${text && `${text}.`}
          ${kept ? msg.staleNote : nothing}
        </p>
        ${retry ? html`<button type="button" part="retry" @click=${retry}>${msg.retry}</button>` : nothing}
      </div>
      ${kept ? nothing : html`<slot></slot>`}`;
  }
}

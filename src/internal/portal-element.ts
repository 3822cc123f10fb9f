/**
 * The base of every widget: language, time zone, events, and the status area
 * (skeleton with the webmaster's fallback children, localized error with a retry
 * button) that makes a widget never blank and never throw.
 */
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_TIME_ZONE } from '../core/dates.js';
import type { PortalError } from '../core/errors.js';
import { hostOf, resolveLang, type Lang, type Messages } from '../core/i18n/index.js';
import type { PortalEventDetails, PortalEventName } from './events.js';
import { errorText, pendingWork, sharedMessages } from './messages.js';

/**
 * Every widget re-renders when a `lang` changes in a tree it is in (a page's
 * language switch, Storybook's toolbar, a section's): all of them, as for
 * `<html lang>` before, since such changes are rare and telling which widgets
 * are under it would cost every page its code.
 */
const live = new Set<PortalElement>();
let langObserver: MutationObserver | undefined;
/** `lang` changes anywhere in a tree: only those, so a page's other changes cost nothing. */
const LANG_CHANGES: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

/**
 * The language the widget's shadow content has without a `lang` of its own (for
 * assistive technology, `:lang()`): the nearest `lang` attribute across shadow
 * roots, '' when there is none or it is empty (unknown).
 */
function inheritedLang(el: Element): string {
  for (let at: Element | null = el; at; at = hostOf(at)) {
    const found = at.closest('[lang]');
    if (found) return found.getAttribute('lang')!;
  }
  return '';
}

/** The shadow elements a widget gave its language to (and may take it from again); not those the template gives a `lang` (feed text). */
const marked = new WeakSet<Element>();

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

  /**
   * The widget's words are in its language, not the page's (WCAG 3.1.2): where
   * what they would inherit is another language (a `lang="fr"` page) or none,
   * the shadow root's elements carry `lang`, except those whose template gives
   * one (feed text in the feed's). The host gets none: its `lang` is the page's.
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const own = this.language;
    const mark = inheritedLang(this).split('-')[0].toLowerCase() === own ? undefined : own;
    for (const child of this.renderRoot.children) {
      if (child.hasAttribute('lang') && !marked.has(child)) continue;
      marked.add(child);
      if (!mark) child.removeAttribute('lang');
      else if (child.getAttribute('lang') !== mark) child.setAttribute('lang', mark); // unchanged: no mutation for the observer
    }
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
    langObserver ??= new MutationObserver(() => live.forEach((el) => el.langEpoch++));
    // The document and each shadow root the widget is in: a `lang` may change in any of them.
    for (let root = this.getRootNode(); ; root = (root as ShadowRoot).host.getRootNode()) {
      langObserver.observe(root, LANG_CHANGES);
      if (!(root instanceof ShadowRoot)) break;
    }
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

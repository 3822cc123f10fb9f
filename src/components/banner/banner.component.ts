import { html, nothing, type PropertyDeclarations } from 'lit';
import { currentMessages, nextChange } from '../../core/banner-schedule.js';
import { timerDelay } from '../../core/config.js';
import { bannerDocument } from '../../core/documents/banner.js';
import { bannerMessages } from '../../core/i18n/banner.js';
import { localize } from '../../core/i18n/index.js';
import type { Banner, BannerMessage } from '../../core/model.js';
import { safeUrl } from '../../core/urls.js';
import { PortalDocumentElement } from '../../internal/document-element.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './banner.styles.js';

/** Where the reader's "stop scrolling" choice is remembered, for every banner of the site. */
const PAUSED_KEY = 'portal-widgets:banner-paused';
/** Only when the reader has not asked for less motion does the text move. */
const MOTION_OK = '(prefers-reduced-motion: no-preference)';

function storedPaused(): boolean {
  try {
    return localStorage.getItem(PAUSED_KEY) === '1';
  } catch {
    return false; // storage blocked: the choice lasts for this page only
  }
}

/** The banner's light-DOM children as messages: one per element (its link, if any), or the bare text as one. */
function childMessages(host: Element): BannerMessage[] {
  const text = (n: Node) => n.textContent!.replace(/\s+/g, ' ').trim();
  const list = host.children.length ? [...host.children] : [host];
  return list
    .map((el) => {
      const a = el.matches('a[href]') ? el : el.querySelector('a[href]');
      return { text: text(el), url: a ? safeUrl(a.getAttribute('href'), document.baseURI) : undefined };
    })
    .filter((m) => m.text);
}

/**
 * The scrolling welcome line ("NHIỆT LIỆT CHÀO MỪNG …"), as an accessible
 * ticker: the whole text is in the page and readable without motion; it moves
 * only when the reader allows motion, stops on hover and focus, and a pause
 * button that comes first stops it for good (remembered on the device).
 *
 * The band is one line in every state, so nothing on the page moves when the
 * text arrives. Text that does not move (reduced motion, `static`, a pause
 * remembered from an earlier page) and does not fit is cut at the band's end;
 * a "Xem thêm" (More) button after it, a chevron as wide in every language,
 * unfolds it in full, wrapped, and a focused link unfolds it too. Pressing
 * pause unfolds it at once: the reader stopped the text to read it.
 *
 * @summary Welcome line / ticker from a `portal-banner/1` document or the light-DOM children.
 *
 * @slot - The messages when there is no document (one per child element; a link inside is kept), else the fallback while it loads.
 *
 * @csspart banner - The red band.
 * @csspart pause-button - The pause/play toggle (`aria-pressed="true"` when stopped); first in the banner.
 * @csspart viewport - The clipping box the text moves in.
 * @csspart track - What moves.
 * @csspart messages - The `<ul>` of messages.
 * @csspart message - One message.
 * @csspart link - A message's link.
 * @csspart expand-button - "Xem thêm": unfolds the still text that does not fit (`aria-expanded`); last in the banner.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-banner-background - Band colour (default: the accent, #b5121b).
 * @cssprop --portal-banner-color - Text colour (default gold #ffde00).
 * @cssprop --portal-banner-font-size - Text size (default 1.125rem).
 * @cssprop --portal-banner-font-weight - Text weight (default 700).
 * @cssprop --portal-banner-gap - Space between messages (default 3em).
 * @cssprop --portal-color-primary - The site's accent, the default band colour.
 * @cssprop --portal-radius - Corner radius.
 *
 * @fires portal-load - The document loaded: `detail.value` is the parsed banner.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 * @fires portal-pause - The pause button was toggled: `detail.paused`.
 */
export class PortalBanner extends PortalDocumentElement<Banner> {
  static override properties: PropertyDeclarations = {
    speed: { type: Number },
    isStatic: { type: Boolean, attribute: 'static', reflect: true },
    data: { attribute: false },
    paused: { state: true },
    motionOk: { state: true },
    expanded: { state: true },
    children_: { state: true },
  };

  static override styles = [tokens, statusStyles, styles];

  /**
   * URL of a `portal-banner/1` document. Default: the page's `<meta name="portal-widgets:banner">`; without either, the light-DOM children are the messages.
   * One that is no http(s) URL (`javascript:`, `ftp:`), or empty without the meta, is the configuration error, the children shown below it.
   */
  declare src?: string;

  /** Scrolling speed in CSS pixels per second. */
  speed = 50;

  /** Never move (attribute `static`): the text stands on one line, and "Xem thêm" unfolds it in full where it does not fit. */
  isStatic = false;

  /** The banner given directly instead of `src` (pages and tests). */
  data?: Banner;

  /** The reader stopped the text with the pause button (remembered on the device). */
  private paused = storedPaused();
  private motionOk = true;
  /** The still text is unfolded in full (the "Xem thêm" button, or pressing pause), not cut at one line. */
  private expanded = false;
  /** Shows "Xem thêm" only while the folded text overflows: watches the band's width and the text's (messages, fonts). */
  private resize = new ResizeObserver(() => this.fitExpandButton());
  /** The track it watches, with its viewport: a render makes new ones only when the band comes back (after loading, an error, an empty period). */
  private watched?: HTMLElement;
  private children_: BannerMessage[] = [];
  private motion = matchMedia(MOTION_OK);
  /** Follows the light-DOM children, the messages when there is no document. */
  private observer = new MutationObserver(() => this.readChildren());
  private timer?: ReturnType<typeof setTimeout>;

  protected readonly kind = bannerDocument;

  /** The banner made of the children: one per change of them, so it stays the same value between renders. */
  private childBanner?: Banner;

  /** @internal */
  override given(): Banner | undefined {
    if (this.data) return this.data;
    // Only a banner with no src at all reads its children: a src it cannot read (`javascript:`, "", `ftp:`) is the config error over them, as in every widget.
    if (this.src != null || this.documentUrl() || !this.children_.length) return undefined;
    if (this.childBanner?.messages !== this.children_) this.childBanner = { messages: this.children_, warnings: [] };
    return this.childBanner;
  }

  protected override setting(): string {
    return this.timeZone;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.motionOk = this.motion.matches;
    this.motion.onchange = (e) => (this.motionOk = e.matches); // this element's own query: no other listener to keep
    this.readChildren();
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.motion.onchange = null;
    this.observer.disconnect();
    this.resize.disconnect();
    this.watched = undefined; // watched again on the render that reconnecting brings (its children are read again)
    clearTimeout(this.timer);
  }

  private readChildren(): void {
    this.children_ = childMessages(this);
  }

  private togglePause(): void {
    this.paused = !this.paused;
    this.expanded = this.paused;
    try {
      localStorage.setItem(PAUSED_KEY, this.paused ? '1' : '0');
    } catch {
      // storage blocked: remembered for this page only
    }
    this.emit('portal-pause', { paused: this.paused });
  }

  /** Whether the text is moving now (not counting hover and focus, which only hold it). */
  get moving(): boolean {
    return this.canMove && !this.paused && !!this.messages.length;
  }

  private get canMove(): boolean {
    return !this.isStatic && this.motionOk && this.speed > 0;
  }

  /** The messages in their period now. */
  get messages(): BannerMessage[] {
    return currentMessages(this.doc.value?.messages ?? []);
  }

  /** "Xem thêm" is there while the folded text is cut (or unfolded by it); set on the DOM, as it follows layout, not state. */
  private fitExpandButton(): void {
    const button = this.renderRoot.querySelector<HTMLElement>('.expand');
    const track = this.watched!; // the button's, as every render that shows it watches its track first
    if (button) button.hidden = !this.expanded && track.offsetWidth <= track.parentElement!.clientWidth;
  }

  protected override updated(): void {
    const track = this.renderRoot.querySelector<HTMLElement>('.track');
    if (track) {
      // The duration follows from the text's width (its first run's) and the speed, set through the CSSOM (allowed under a strict CSP).
      if (this.moving) track.style.setProperty('--_duration', `${((track.firstElementChild as HTMLElement).offsetWidth / this.speed).toFixed(2)}s`);
      // Watched once per band: the track is as wide as its text while folded, the viewport as the band allows.
      if (track !== this.watched) {
        this.resize.disconnect();
        this.resize.observe((this.watched = track));
        this.resize.observe(track.parentElement!);
      }
    }
    // A render may change the text or the fold without resizing either.
    this.fitExpandButton();
    // Show or hide messages when their period starts or ends.
    clearTimeout(this.timer);
    const wait = nextChange(this.doc.value?.messages ?? []);
    if (wait !== undefined) this.timer = setTimeout(() => this.requestUpdate(), timerDelay(wait + 100));
  }

  private get m() {
    return localize(bannerMessages, this.language);
  }

  /** A wrong document is no list of announcements, not "no news source". */
  protected override get formatText(): string {
    return this.m.format;
  }

  protected override get errorTitle(): string {
    return this.m.errorTitle;
  }

  override render() {
    if (!this.doc.value) return this.renderStatus(1);
    const messages = this.messages;
    if (!messages.length) return this.renderStatus();
    const moving = this.moving;
    const run = (copy: boolean) =>
      html`<ul class="run" part="messages" aria-hidden=${copy ? 'true' : nothing}>
        ${messages.map(
          (m) => html`<li part="message">${m.url && !copy ? html`<a part="link" href=${m.url}>${m.text}</a>` : m.text}</li>`,
        )}
      </ul>`;
    return html`${this.renderStatus()}
      <div part="banner" class="banner ${moving ? 'line moving' : this.expanded ? '' : 'line'}">
        ${this.canMove
          ? html`<button type="button" part="pause-button" class="pause" aria-pressed=${this.paused ? 'true' : 'false'} @click=${this.togglePause}>
              <span aria-hidden="true">${this.paused ? '▶\uFE0E' : '❚❚'}</span><span class="visually-hidden">${this.m.pause}</span>
            </button>`
          : nothing}
        <div class="viewport" part="viewport">
          <div class="track" part="track">${run(false)}${moving ? run(true) : nothing}</div>
        </div>
        ${moving
          ? nothing
          : html`<button type="button" part="expand-button" class="expand" aria-expanded=${this.expanded ? 'true' : 'false'}
              @click=${() => (this.expanded = !this.expanded)}>
              <span aria-hidden="true">${this.expanded ? '▴' : '▾'}</span><span class="visually-hidden">${this.msg.more}</span>
            </button>`}
      </div>`;
  }
}

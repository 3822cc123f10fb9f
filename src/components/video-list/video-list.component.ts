import { html, nothing, type PropertyDeclarations } from 'lit';
import { countAttribute, documentUrl } from '../../core/config.js';
import { VIDEOS_META } from '../../core/documents/news.js';
import { dayKey, formatDate } from '../../core/dates.js';
import { localize } from '../../core/i18n/index.js';
import { videoListMessages } from '../../core/i18n/video-list.js';
import { formatDuration, isoDuration, videosOf, type Video } from '../../core/video.js';
import { heading } from '../../internal/heading.js';
import { PortalNewsElement } from '../../internal/news-element.js';
import { itemListStyles } from '../../styles/items.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './video-list.styles.js';

/** How many other videos are listed by default (and for a `limit` that is no count). */
const VIDEO_LIMIT = 6;

/**
 * Videos of the news feed ("Video khác"): items with a `video/*` attachment or a
 * YouTube/Vimeo URL. The featured one sits above the list behind a facade (its
 * poster and a play button): nothing is requested from a video site until the
 * reader clicks. Then files play in `<video controls>` (a `text/vtt` attachment
 * becomes a captions track; captions from another origin are read through CORS,
 * and if the file then fails, as from a media server without CORS headers, it
 * plays again without them and without those captions; a file that cannot play
 * shows a short message with a link to it), YouTube in its privacy-enhanced youtube-nocookie.com
 * embed, Vimeo with `dnt=1`. One player at a time, on the whole page.
 *
 * @summary Video list with a featured player behind a privacy facade.
 *
 * @slot - Fallback shown until the feed loads, and if it cannot: e.g. a link to the video page.
 *
 * @csspart player - The featured video's box (16:9): the facade, then the player.
 * @csspart play-button - The facade: poster and play icon.
 * @csspart poster - A poster image (featured and list).
 * @csspart video - The `<video>` element, once playing a file.
 * @csspart video-error - The message shown in the player when the file cannot be played.
 * @csspart video-link - The link to the file in that message.
 * @csspart iframe - The YouTube or Vimeo embed, once playing.
 * @csspart featured-title - The featured video's title.
 * @csspart heading - The "Video khác" / "More videos" heading's text (a block; inside the `role="heading"` when there is one).
 * @csspart list - The `<ul>` of other videos.
 * @csspart item - One `<li>`.
 * @csspart item-button - The button that plays an item in the player.
 * @csspart title - An item's title.
 * @csspart duration - A duration (`3:05`).
 * @csspart date - A `<time>` of publication.
 * @csspart empty - The text shown when the feed has no videos.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of the play icon and buttons (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only.
 * @cssprop --portal-color-muted - Colour of dates and durations.
 * @cssprop --portal-gap - Space between items (default 0.75rem).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-thumb-width - Poster width in the list (default 7rem).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - The feed loaded: `detail.value` is the parsed feed.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 * @fires portal-play - The reader started a video: `detail.item`. Other video lists stop theirs.
 */
export class PortalVideoList extends PortalNewsElement {
  static override properties: PropertyDeclarations = {
    limit: { converter: countAttribute('limit', VIDEO_LIMIT) },
    headingLevel: { type: Number, attribute: 'heading-level' },
    featuredId: { state: true },
    playing: { state: true },
    fallback: { state: true },
  };

  /** A page may name a video feed (`portal-widgets:videos`); else the news feed. @internal */
  override documentUrl(): string | undefined {
    return documentUrl(this.src, VIDEOS_META) ?? super.documentUrl();
  }

  static override styles = [tokens, statusStyles, itemListStyles, styles];

  /** How many other videos to list under the player. */
  limit = VIDEO_LIMIT;

  /**
   * Level (2–6) of the "Video khác" heading (default 3); `none` leaves the heading out (the page's own
   * section heading already says "Video khác"); another value makes it plain text.
   */
  headingLevel = 3;

  /** The item in the player (default: the first video). */
  private featuredId?: string;
  /** The player replaced the facade. */
  private playing = false;
  /**
   * After the file failed to play: `plain` when it was asked for under CORS (for
   * captions from another origin; a media server without CORS headers refuses
   * that) and is asked again without, and its foreign captions; `failed` when it
   * cannot play at all (the message and a link to the file show instead).
   */
  private fallback?: 'plain' | 'failed';

  private get m() {
    return localize(videoListMessages, this.language);
  }

  /** The videos of the feed, in feed order. */
  get videos(): Video[] {
    return videosOf(this.doc.value?.items ?? []);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('portal-play', this.onPlay);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('portal-play', this.onPlay);
  }

  /** Another list started a video: stop ours (back to the facade). */
  private onPlay = (e: Event): void => {
    if (e.target !== this) this.playing = false;
  };

  /** Puts `video` in the player and starts it; focus moves to the player. */
  async play(video: Video): Promise<void> {
    this.featuredId = video.item.id;
    this.playing = true;
    this.fallback = undefined;
    this.emit('portal-play', { item: video.item });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('video, iframe')?.focus();
  }

  override render() {
    const feed = this.doc.value;
    if (!feed) return this.renderStatus();
    const m = this.m;
    const videos = this.videos;
    const featured = videos.find((v) => v.item.id === this.featuredId) ?? videos[0];
    const rest = videos.filter((v) => v !== featured).slice(0, this.limit);
    const level = this.headingLevel;
    return html`
      ${this.renderStatus()}
      ${featured
        ? html`<div part="player" class="player">
              ${this.playing ? this.renderPlayer(featured, feed.language) : this.renderFacade(featured)}
            </div>
            <p part="featured-title" class="featured">${featured.item.title} ${this.renderMeta(featured)}</p>`
        : html`<p part="empty">${m.empty}</p>`}
      ${rest.length
        ? html`${Number.isNaN(level) ? nothing : heading(level, html`<span part="heading" class="heading">${m.more}</span>`)}
            <ul part="list">
              ${rest.map(
                // No white space between the item's elements (a grid): no text node per gap; the title as a property, no marker.
                (v) =>
                  html`<li part="item"><button type="button" part="item-button" @click=${() => this.play(v)}>${this.renderPoster(v)}<span part="title" class="title" .textContent=${v.item.title}></span>${this.renderMeta(v)}</button></li>`,
              )}
            </ul>`
        : nothing}
    `;
  }

  private renderPoster(v: Video) {
    return v.poster
      ? html`<img part="poster" src=${v.poster} alt="" loading="lazy" decoding="async" />`
      : html`<span part="poster" class="no-poster"></span>`;
  }

  private renderMeta(v: Video) {
    const date = v.item.published;
    return html`<span class="meta">
      ${v.durationInSeconds
        ? html`<span part="duration"><span class="visually-hidden">${this.m.duration}</span>
            <time datetime=${isoDuration(v.durationInSeconds)}>${formatDuration(v.durationInSeconds)}</time></span>`
        : nothing}
      ${date ? html`<time part="date" datetime=${dayKey(date, this.timeZone)}>${formatDate(date, this.language, this.timeZone)}</time>` : nothing}
    </span>`;
  }

  /** The facade: only the feed's own poster, so nothing reaches a video site before the click. */
  private renderFacade(v: Video) {
    return html`<button type="button" part="play-button" class="facade" aria-label=${this.m.play(v.item.title)} @click=${() => this.play(v)}>
      ${this.renderPoster(v)}<span class="icon" aria-hidden="true"></span>
    </button>`;
  }

  private renderPlayer(v: Video, lang?: string) {
    const m = this.m;
    if (v.kind !== 'file')
      return html`<iframe
        part="iframe"
        src=${v.src}
        title=${m.player(v.item.title)}
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowfullscreen
        referrerpolicy="strict-origin-when-cross-origin"
      ></iframe>`;
    if (this.fallback === 'failed')
      return html`<div part="video-error" class="video-error" role="alert">
        <p>${m.failed}</p>
        <a part="video-link" href=${v.src}>${m.openFile}</a>
      </div>`;
    // Captions from another origin are read only through CORS; without it (the fallback) only this origin's.
    const foreign = (c: { url: string }) => new URL(c.url, location.href).origin !== location.origin;
    const captions = this.fallback ? v.captions.filter((c) => !foreign(c)) : v.captions;
    return html`<video part="video" controls autoplay playsinline preload="metadata" src=${v.src} poster=${v.poster ?? nothing}
      crossorigin=${captions.some(foreign) ? 'anonymous' : nothing} @error=${this.onVideoError}>
      ${captions.map(
        (c, i) => html`<track kind="captions" src=${c.url} srclang=${lang ?? nothing} label=${c.title ?? m.captions} ?default=${i === 0} />`,
      )}
    </video>`;
  }

  /** The file did not play: again without CORS if it was asked with, else the message. */
  private onVideoError = async (e: Event): Promise<void> => {
    const video = e.target as HTMLVideoElement;
    this.fallback = video.hasAttribute('crossorigin') ? 'plain' : 'failed';
    await this.updateComplete;
    if (this.fallback === 'plain') video.load(); // the same element, its CORS mode changed: select the resource again
  };
}

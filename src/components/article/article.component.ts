import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { fileName, fileTypeLabel, formatFileSize, relatedItems, summaryRepeatsBody } from '../../core/article.js';
import { pageParam } from '../../core/config.js';
import { dayKey, formatDate } from '../../core/dates.js';
import { PortalError, toPortalError } from '../../core/errors.js';
import { articleMessages } from '../../core/i18n/article.js';
import { localize } from '../../core/i18n/index.js';
import type { Feed, NewsItem, Source } from '../../core/model.js';
import { LINK_PROTOCOLS, safeUrl } from '../../core/urls.js';
import { hTag } from '../../internal/heading-tags.js';
import { errorText } from '../../internal/messages.js';
import { PortalNewsElement } from '../../internal/news-element.js';
import { NewsPages } from '../../internal/news-pages.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import '../news-list/news-list.js';
import { styles } from './article.styles.js';

/** Text sizes A−/A+ steps through, in % of the page's own (index 1); the styles' `.size-N` scale. */
const SIZE_PERCENTS = [87.5, 100, 112.5, 125, 150];
const TEXT_SIZES = SIZE_PERCENTS.length;
const DEFAULT_SIZE = 1;
const SIZE_KEY = 'portal-widgets:article-text-size';

/**
 * Hides everything on the page but the article being printed (marked
 * `data-portal-print` for the print dialog only). Adopted, not a `<style>`:
 * a strict CSP allows it.
 */
let printSheet: CSSStyleSheet | undefined;
const PRINT_ONLY =
  '@media print{body :not([data-portal-print],[data-portal-print] *,:has([data-portal-print])){display:none!important}}';

/**
 * One article of a JSON Feed, RSS or Atom document: the article page of the
 * portal ("Ngày cập nhật 19/04/2024", body, "Nguồn: Tinhuytthue.vn", "Các tin khác").
 *
 * The body is `content_html` sanitized by DOMPurify (loaded only for an item
 * that has HTML) and inserted as nodes, else `content_text` as paragraphs. A
 * body over the size bound (docs/limits.md) is not rendered: a short note links
 * to the original.
 * Printing from the tool prints the article alone; the browser's own print
 * leaves out the tools and "Các tin khác".
 * "Không tìm thấy bài viết" (not found) is for a feed that loaded without the
 * item; one that could not be read (nor a further page, nor the fresh copy over
 * a saved one without the item) shows the error box, as every widget does.
 *
 * @summary Article view with date, authors, image, body, source, tags, attachments, reader tools and "Các tin khác".
 *
 * @slot - Fallback shown until the feed loads, and if it cannot: e.g. a link to the article on the old site.
 *
 * @csspart article - The `<article>`.
 * @csspart title - The title heading.
 * @csspart meta - The line with dates and authors.
 * @csspart date - Each `<time>`.
 * @csspart authors - The authors.
 * @csspart tools - The group of reader tools.
 * @csspart tool - Each reader tool button (also `print`, `smaller`, `larger`, `share`).
 * @csspart figure - The `<figure>` around the image.
 * @csspart image - The article's image.
 * @csspart summary - The summary paragraph.
 * @csspart body - The article body.
 * @csspart source - The "Nguồn" line.
 * @csspart tags - The list of tags.
 * @csspart attachments - The attachments section.
 * @csspart attachment - Each attachment link.
 * @csspart related - The "Các tin khác" section (its list's parts are exported as `related-list`, `related-item`, `related-link`, `related-date`).
 * @csspart related-heading - The "Các tin khác" heading.
 * @csspart attachments-heading - The "Tệp đính kèm" heading.
 * @csspart not-found - The "article not found" box.
 * @csspart back-link - Its link back to the news list.
 * @csspart status - The visually hidden live region (copy confirmations).
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of links and buttons (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only; overrides --portal-color-primary.
 * @cssprop --portal-color-text - Text colour (default: the colour inherited from the page).
 * @cssprop --portal-color-muted - Colour of the date line and the source.
 * @cssprop --portal-color-border - Rules between the sections.
 * @cssprop --portal-gap - Space between blocks (default 0.75rem).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-article-max-width - Widest line of the body (default 75ch).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - The feed loaded: `detail.value` is the parsed feed.
 * @fires portal-error - Loading failed, or no item has the id (`code` `not-found`): `detail.error`.
 * @fires portal-select - A "Các tin khác" link was activated: `detail.item`; cancel it to handle navigation yourself.
 */
export class PortalArticle extends PortalNewsElement {
  /** Reactive properties, declared without decorators: they cost bytes in every widget. */
  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id' },
    idParam: { attribute: 'id-param' },
    listHref: { attribute: 'list-href' },
    itemHref: { attribute: 'item-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    relatedLimit: { type: Number, attribute: 'related-limit' },
    updateTitle: { type: Boolean, attribute: 'update-title' },
    body: { state: true },
    textSize: { state: true },
    announcement: { state: true },
  };

  static override styles = [tokens, statusStyles, styles];

  /** The id of the item to show. Default: the page address's parameter named by `id-param`. */
  itemId?: string;

  /** The page address's parameter holding the item id when `item-id` is not set (what the news list's `item-href` writes). */
  idParam = 'id';

  /** The news list page, linked from the "article not found" state. */
  listHref?: string;

  /**
   * Link template for "Các tin khác", e.g. `/bai-viet.html?id={id}`. Default: this
   * page with `?{id-param}={id}` when the article reads its id from the address,
   * else each item's own URL.
   */
  itemHref?: string;

  /** Level (1–6) of the title heading; section headings are one level below. */
  headingLevel = 1;

  /** How many items "Các tin khác" shows; 0 hides it. */
  relatedLimit = 5;

  /** Set `document.title` to the article's title. Otherwise the host page is left as it is. */
  updateTitle = false;

  /** The sanitized body of the item shown, once ready. */
  private body?: { item: NewsItem; node?: Node };
  private textSize = readTextSize();
  private announcement = '';
  /** The id a not-found event was last fired for. */
  private missing?: string;

  private get m() {
    return localize(articleMessages, this.language);
  }

  /** The id asked for: `item-id`, else the address parameter. */
  get articleId(): string | undefined {
    return this.itemId || pageParam(this.idParam);
  }

  /** The feed and its further pages (next_url): an item not on the first page is looked for in the next ones. */
  private readonly pages = new NewsPages(this, () => this.doc.value);
  /** The id and next page last looked for, and whether that is under way. */
  private sought?: string;
  private seeking = false;
  /** Why the last look failed on a further page: its error box, not "not found", while the id and the next page unread are the same. */
  private lookError?: PortalError;

  /** What a look is for: the id, and the next page not read yet. */
  private get look(): string {
    return `${this.articleId} ${this.pages.next}`;
  }

  /**
   * Why no item shows though the feed may have it: `looking` (the fresh copy over
   * a saved one, or a further page, still loading), the error of a load that
   * failed (not "not found": the item may be in what could not be read), else
   * `missing`: the feed read and no item has the id, or no id is given.
   */
  private get absence(): PortalError | 'looking' | 'missing' {
    if (this.articleId === undefined) return 'missing';
    if (this.seeking || (this.doc.pending && !this.given())) return 'looking';
    return (this.doc.error ?? (this.sought === this.look && this.lookError)) || 'missing';
  }

  /** The error box's retry: reads the feed again and looks through its further pages again. */
  private retryLook = (): void => {
    this.sought = undefined;
    this.doc.retry();
  };

  /** The item shown, once the feed has loaded and has it. */
  get item(): NewsItem | undefined {
    const id = this.articleId;
    return id === undefined || !this.doc.value ? undefined : this.pages.items.find((i) => i.id === id);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
  }

  /** A page that changes `?id=` with history.pushState shows the new article on back/forward. */
  private onPopState = () => this.requestUpdate();

  protected override willUpdate(): void {
    const item = this.item;
    const id = this.articleId;
    const look = this.look;
    if (!item && id !== undefined && this.pages.next && this.sought !== look) {
      this.sought = look;
      this.seeking = true;
      this.lookError = undefined;
      void this.pages
        .load((items) => items.some((i) => i.id === id))
        .catch((e) => {
          // A page that fails ends the look, with the pages read before it: its error box, and no second look at it until the retry.
          this.sought = this.look;
          this.lookError = toPortalError(e);
          this.emit('portal-error', { error: this.lookError });
        })
        .finally(() => {
          this.seeking = false;
          this.requestUpdate();
        });
    }
    if (item !== this.body?.item) {
      this.body = item && !item.contentHtml ? { item } : undefined;
      if (item?.contentHtml) void this.sanitize(item);
    }
  }

  /** Sanitizes the body off the render path; DOMPurify loads on the first call only. */
  private async sanitize(item: NewsItem): Promise<void> {
    let node: HTMLElement | undefined;
    try {
      // DOMPurify loads with the first body that has HTML: an article of plain text never downloads it.
      const { sanitize } = await import('../../core/sanitizer.js');
      const fragment = sanitize(item.contentHtml!, item.url ?? this.documentUrl());
      // Held in an element of its own: a fragment empties when inserted, the element
      // keeps its nodes however often the template places it.
      node = document.createElement('div');
      node.append(fragment);
    } catch (e) {
      console.warn('[portal-widgets] the article body could not be sanitized; showing its text instead', e);
    }
    if (this.item === item) this.body = { item, node };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const item = this.item;
    if (item && this.updateTitle) document.title = item.title;
    const id = this.articleId;
    if (!item && this.absence === 'missing' && this.missing !== id) {
      this.missing = id;
      this.emit('portal-error', { error: new PortalError('not-found', `id: ${id ?? ''}`) });
    } else if (item) this.missing = undefined;
  }

  override render() {
    const feed = this.doc.value;
    if (this.articleId !== undefined && !feed) return this.renderStatus(6);
    const item = this.item;
    if (!item) {
      const absence = this.absence;
      if (absence === 'looking') return this.renderLoading(6); // the item may be in what is still loading
      if (absence !== 'missing') return this.renderError(absence, this.retryLook, false);
      const text = errorText(new PortalError('not-found'), this.language, () => this.requestUpdate());
      return text === undefined ? this.renderLoading(6) : this.renderNotFound(text); // the box shows with its words
    }
    const body = this.body;
    if (body?.item !== item) return this.renderLoading(6); // sanitizing
    return html`${this.renderStatus(6)}
      ${this.renderArticle(item, feed!, body.node)} ${this.renderRelated(item, feed!)}`;
  }

  private renderNotFound(text: string): TemplateResult {
    const back = safeUrl(this.listHref, undefined, LINK_PROTOCOLS);
    return html`<div class="not-found" part="not-found" role="alert">
      <p>${text}.</p>
      ${back ? html`<a part="back-link" href=${back}>${this.m.backToList}</a>` : nothing}
    </div>`;
  }

  private renderArticle(item: NewsItem, feed: Feed, node: Node | undefined): TemplateResult {
    const m = this.m;
    const source: Source | undefined = item.source ?? (feed.title ? { name: feed.title, url: feed.homePageUrl } : undefined);
    // The feed's words in the feed's language (Vietnamese on an English page); the widget's own in the page's.
    const lang = feed.language ?? nothing;
    const body = node?.textContent ?? item.contentText ?? '';
    return html`<article part="article" class="size-${this.textSize}" aria-labelledby="title">
      ${hTag(this.headingLevel, 'title', html`<span lang=${lang}>${item.title}</span>`)}
      ${this.renderMeta(item)} ${this.renderTools()}
      ${item.image
        ? html`<figure part="figure"><img part="image" src=${item.image} alt=${item.imageAlt ?? ''} decoding="async" /></figure>`
        : nothing}
      ${item.summary && !summaryRepeatsBody(item.summary, body) ? html`<p part="summary" class="summary" lang=${lang}>${item.summary}</p>` : nothing}
      <div part="body" class="body" lang=${lang}>
        ${node ??
        (item.contentTooLarge
          ? html`<p class="too-large">${m.tooLarge} ${item.url ? html`<a href=${item.url}>${m.readOriginal}</a>` : nothing}</p>`
          : paragraphs(item.contentText).map((p) => html`<p>${p}</p>`))}
      </div>
      ${source
        ? html`<p part="source" class="source">
            ${m.source}: ${source.url ? html`<a href=${source.url}>${source.name}</a>` : source.name}
          </p>`
        : nothing}
      ${item.tags.length
        ? html`<ul part="tags" class="tags" aria-label=${m.tags}>
            ${item.tags.map((t) => html`<li>${t}</li>`)}
          </ul>`
        : nothing}
      ${item.attachments.length
        ? html`<section part="attachments" class="attachments" aria-labelledby="attachments-heading">
            ${hTag(this.headingLevel + 1, 'attachments-heading', m.attachments)}
            <ul>
              ${item.attachments.map(
                (a) => html`<li>
                  <a part="attachment" href=${a.url} download>${a.title ?? fileName(a)}</a>
                  (${fileTypeLabel(a)}${a.sizeInBytes !== undefined ? `, ${formatFileSize(a.sizeInBytes, this.language)}` : ''})
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
    </article>`;
  }

  private renderMeta(item: NewsItem): TemplateResult {
    const m = this.m;
    const tz = this.timeZone;
    const date = (label: string, d: Date) =>
      html`<span>${label} <time part="date" datetime=${dayKey(d, tz)}>${formatDate(d, this.language, tz)}</time></span>`;
    const { published, modified } = item;
    const updated = modified ?? published;
    const both = modified && published && dayKey(modified, tz) !== dayKey(published, tz);
    return html`<p part="meta" class="meta">
      ${both ? date(m.published, published) : nothing} ${updated ? date(m.updated, updated) : nothing}
      ${item.authors.length
        ? html`<span part="authors">${m.authors}:
            ${item.authors.map((a, i) => html`${i ? ', ' : ''}${a.url ? html`<a href=${a.url}>${a.name}</a>` : a.name}`)}</span
          >`
        : nothing}
    </p>`;
  }

  private renderTools(): TemplateResult {
    const m = this.m;
    const size = this.textSize;
    // aria-disabled, not disabled: the button keeps focus when it reaches the end.
    return html`<div part="tools" class="tools" role="group" aria-label=${m.tools}>
        <button type="button" part="tool print" @click=${this.print}>${m.print}</button>
        <button type="button" part="tool smaller" aria-disabled=${size <= 0} @click=${() => this.resize(-1)}>
          A−<span class="visually-hidden">: ${m.smaller}</span>
        </button>
        <button type="button" part="tool larger" aria-disabled=${size >= TEXT_SIZES - 1} @click=${() => this.resize(1)}>
          A+<span class="visually-hidden">: ${m.larger}</span>
        </button>
        <button type="button" part="tool share" @click=${this.share}>${'share' in navigator ? m.share : m.copy}</button>
      </div>
      <div class="visually-hidden" role="status" part="status">${this.announcement}</div>`;
  }

  private renderRelated(item: NewsItem, feed: Feed): TemplateResult | typeof nothing {
    const limit = this.relatedLimit;
    const related = limit > 0 ? relatedItems(feed.items, item, limit) : [];
    if (!related.length) return nothing;
    const href = this.itemHref ?? (this.itemId ? undefined : `?${encodeURIComponent(this.idParam)}={id}`);
    // The news list renders the items this article already loaded: no second request, no second list.
    return html`<section part="related" class="related" aria-labelledby="related-heading">
      ${hTag(this.headingLevel + 1, 'related-heading', this.m.related)}
      <portal-news-list
        exportparts="list: related-list, item: related-item, link: related-link, date: related-date"
        lang=${this.language}
        time-zone=${this.timeZone}
        src=${this.src ?? nothing}
        map=${this.map ?? nothing}
        item-href=${href ?? nothing}
        exclude=${item.id}
        limit=${limit}
        show-date
        .items=${related}
      ></portal-news-list>
    </section>`;
  }

  /** A− / A+: the new size is announced (also at either end, where it stays), focus stays on the button. */
  private async resize(step: number): Promise<void> {
    const next = Math.min(Math.max(this.textSize + step, 0), TEXT_SIZES - 1);
    this.textSize = next;
    try {
      localStorage.setItem(SIZE_KEY, String(next));
    } catch {
      // Storage blocked: the size holds for this page only.
    }
    // Emptied first, so the same size is announced again on a second press at an end.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = this.m.textSize(SIZE_PERCENTS[next]);
  }

  /** Prints this article alone: the rest of the page is hidden for the print dialog only. */
  private print = (): void => {
    printSheet ??= new CSSStyleSheet();
    printSheet.replaceSync(PRINT_ONLY);
    const sheets = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...sheets, printSheet];
    this.setAttribute('data-portal-print', '');
    addEventListener(
      'afterprint',
      () => {
        this.removeAttribute('data-portal-print');
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
      },
      { once: true },
    );
    globalThis.print();
  };

  /** The system share sheet where there is one, else the link copied, announced politely. */
  private share = async (): Promise<void> => {
    const item = this.item;
    const url = location.href;
    if ('share' in navigator) {
      try {
        return await navigator.share({ title: item?.title, url });
      } catch (e) {
        if ((e as Error).name === 'AbortError') return; // the reader closed the sheet
      }
    }
    let message: string;
    try {
      await navigator.clipboard.writeText(url);
      message = this.m.copied;
    } catch {
      message = `${this.m.copyFailed} ${url}`;
    }
    // Emptied first, so the same message is announced again on a second press.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  };
}

/** `content_text` as paragraphs: each line break starts one. */
const paragraphs = (text = '') => text.trim().split(/\s*\n\s*/).filter(Boolean);

function readTextSize(): number {
  try {
    const n = Number(localStorage.getItem(SIZE_KEY) ?? DEFAULT_SIZE);
    return Number.isInteger(n) && n >= 0 && n < TEXT_SIZES ? n : DEFAULT_SIZE;
  } catch {
    return DEFAULT_SIZE;
  }
}

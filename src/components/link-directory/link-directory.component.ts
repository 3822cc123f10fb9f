import { html, nothing, type PropertyDeclarations } from 'lit';
import { linksDocument } from '../../core/documents/links.js';
import { localize } from '../../core/i18n/index.js';
import { linkDirectoryMessages } from '../../core/i18n/link-directory.js';
import type { Link, LinkDirectory, LinkGroup } from '../../core/model.js';
import { PortalDocumentElement } from '../../internal/document-element.js';
import { heading } from '../../internal/heading.js';
import { statusStyles, tokens } from '../../styles/tokens.js';
import { styles } from './link-directory.styles.js';

/** Above this many links a filter box helps find one. */
const FILTER_FROM = 21;

/**
 * The "Liên kết website" directory: groups of links to other agencies' sites,
 * from a `portal-links/1` document.
 *
 * @summary Link directory: one drop-down per group with a "Đi" button, or headed lists.
 *
 * @slot - Fallback shown until the document loads, and if it cannot: e.g. a link to a page of links.
 *
 * @csspart group - One group (its label or heading, and its links).
 * @csspart label - A group's `<label>` (select mode).
 * @csspart select - A group's `<select>` (select mode).
 * @csspart go-button - The "Đi" / "Go" button (select mode).
 * @csspart go-error - The message "Đi" shows when no link is chosen (select mode).
 * @csspart group-title - A group's heading (list mode).
 * @csspart list - A group's `<ul>` (list mode).
 * @csspart item - One `<li>` (list mode).
 * @csspart link - One link (list mode).
 * @csspart filter - The filter box shown above 20 links.
 * @csspart status - The visually hidden live region announcing how many links match.
 * @csspart empty - The text shown when there are no links.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error box.
 * @csspart retry - The error box's retry button.
 *
 * @cssprop --portal-color-primary - Accent colour of links and buttons (default #b5121b).
 * @cssprop --portal-accent - Accent for this widget only.
 * @cssprop --portal-color-border - Border of the drop-downs and the filter box.
 * @cssprop --portal-gap - Space between groups (default 0.75rem).
 * @cssprop --portal-radius - Corner radius (default 4px).
 * @cssprop --portal-focus-color - Focus ring colour.
 *
 * @fires portal-load - The document loaded: `detail.value` is the parsed directory.
 * @fires portal-error - Loading failed: `detail.error` has a `code` and `detail`.
 * @fires portal-select - A link is about to open: `detail.link`, `detail.group`; cancel it to handle navigation yourself.
 */
export class PortalLinkDirectory extends PortalDocumentElement<LinkDirectory> {
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    target: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    data: { attribute: false },
    query: { state: true },
    announcement: { state: true },
  };

  static override styles = [tokens, statusStyles, styles];

  /** URL of a `portal-links/1` document. Default: the page's `<meta name="portal-widgets:links">`. */
  declare src?: string;

  /** `select` (default): a labelled drop-down and a "Đi" button per group; `list`: headed lists of links. */
  mode: 'select' | 'list' = 'select';

  /** `_blank` (default): web links open in a new tab (with `rel="noopener noreferrer"`); `_self`: in this one. */
  target: '_blank' | '_self' = '_blank';

  /** Level (2–6) of the group headings in list mode (default 3); another value makes them plain text. */
  headingLevel = 3;

  /** The directory given directly instead of `src` (pages and tests). */
  data?: LinkDirectory;

  private query = '';
  private announcement = '';
  /** The group whose "Đi" was pressed with no link chosen (its message shows until a link is). Not reactive: set with requestUpdate(). */
  private unchosen?: number;

  /** The Vietnamese word matcher, loaded with the first filter query. */
  private matcher?: typeof import('../../core/text.js').wordMatcher;

  protected readonly kind = linksDocument;

  /** @internal */
  override given(): LinkDirectory | undefined {
    return this.data;
  }

  private get m() {
    return localize(linkDirectoryMessages, this.language);
  }

  /** A wrong document is no list of links, not "no news source". */
  protected override get formatText(): string {
    return this.m.format;
  }

  protected override get errorTitle(): string {
    return this.m.errorTitle;
  }

  /** Groups with the links that match the filter (all of a group whose title matches), empty groups left out. */
  get visibleGroups(): LinkGroup[] {
    const groups = this.doc.value?.groups ?? [];
    const matches = this.matcher && this.query.trim() ? this.matcher(this.query) : undefined;
    return groups
      .map((g) => (!matches || matches(g.title) ? g : { ...g, links: g.links.filter((l) => matches(l.title)) }))
      .filter((g) => g.links.length);
  }

  private async onFilter(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    this.matcher ??= (await import('../../core/text.js')).wordMatcher;
    // The box's value now, not at this keystroke: the keys typed while the matcher loaded each wait
    // for it, and one of them resuming after a later one must not put its older text back.
    this.query = input.value;
    this.announcement = this.m.count(this.visibleGroups.reduce((n, g) => n + g.links.length, 0));
  }

  private opensNewTab(link: Link): boolean {
    return this.target !== '_self' && /^https?:/.test(link.url);
  }

  /** Opens `link` as a click on a real link would, unless a listener cancels portal-select. */
  private open(link: Link, group: LinkGroup): void {
    if (!this.emit('portal-select', { link, group: group.title }, true)) return;
    const a = document.createElement('a');
    a.href = link.url;
    if (this.opensNewTab(link)) Object.assign(a, { target: '_blank', rel: 'noopener noreferrer' });
    this.renderRoot.append(a); // a detached link does not navigate in every browser
    a.click();
    a.remove();
  }

  /** "Đi": opens the chosen link; with none chosen, says so (an alert) and sends the reader back to the drop-down. */
  private go(group: LinkGroup, index: number): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#s${index}`)!;
    const link = group.links[select.selectedIndex - 1];
    this.unchosen = link ? undefined : index;
    this.requestUpdate();
    if (link) this.open(link, group);
    else select.focus();
  }

  private onChoose(index: number): void {
    if (this.unchosen !== index) return;
    this.unchosen = undefined;
    this.requestUpdate();
  }

  override render() {
    const value = this.doc.value;
    if (!value) return this.renderStatus();
    const m = this.m;
    const total = value.groups.reduce((n, g) => n + g.links.length, 0);
    const groups = this.visibleGroups;
    return html`
      ${this.renderStatus()}
      ${total >= FILTER_FROM
        ? html`<label class="filter"
              >${m.filter}
              <input part="filter" type="search" autocomplete="off" .value=${this.query} @input=${this.onFilter} /></label
            ><span class="visually-hidden" role="status" part="status">${this.announcement}</span>`
        : nothing}
      ${groups.length
        ? groups.map((g, i) => (this.mode === 'list' ? this.renderList(g) : this.renderSelect(g, i)))
        : html`<p part="empty">${total ? m.count(0) : m.empty}</p>`}
    `;
  }

  private renderSelect(group: LinkGroup, i: number) {
    const m = this.m;
    const unchosen = this.unchosen === i;
    return html`<div part="group" class="group">
      <label part="label" for="s${i}">${group.title}</label>
      <div class="row">
        <select part="select" id="s${i}" aria-describedby=${unchosen ? `m${i}` : nothing} @change=${() => this.onChoose(i)}>
          <option value="">${m.choose}</option>
          ${group.links.map((l) => html`<option value=${l.url}>${l.title}</option>`)}
        </select>
        <button type="button" part="go-button" @click=${() => this.go(group, i)}>
          ${m.go}<span class="visually-hidden">: ${group.title}${this.target === '_self' ? '' : ` ${m.newTab}`}</span>
        </button>
      </div>
      ${unchosen ? html`<p part="go-error" class="go-error" id="m${i}" role="alert">${m.chooseFirst}</p>` : nothing}
    </div>`;
  }

  private renderList(group: LinkGroup) {
    const title = html`<span part="group-title" class="title">${group.title}</span>`;
    return html`<div part="group" class="group">
      ${heading(this.headingLevel, title)}
      <ul part="list">
        ${group.links.map((l) => {
          const newTab = this.opensNewTab(l);
          // No white space between the item's elements: no text node per gap in a long list.
          return html`<li part="item"><a
              part="link"
              href=${l.url}
              target=${newTab ? '_blank' : nothing}
              rel=${newTab ? 'noopener noreferrer' : nothing}
              @click=${(e: MouseEvent) => {
                if (!this.emit('portal-select', { link: l, group: group.title }, true)) e.preventDefault();
              }}
              >${l.title}${newTab ? html`<span class="visually-hidden"> ${this.m.newTab}</span>` : nothing}</a
            ></li>`;
        })}
      </ul>
    </div>`;
  }
}

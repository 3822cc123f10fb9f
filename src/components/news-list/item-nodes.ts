/**
 * The list's items written as DOM rather than as Lit templates. A Lit item
 * kept a template instance, ~10 parts and their last values each, and a
 * comment marker per part in the DOM: at 200 items ~100 KB of JS heap and
 * 1,409 of the page's 2,423 nodes. Here each `<li>` is built once with
 * createElement, setAttribute and textContent (feed text is never parsed as
 * HTML; URLs go through the allow-list), kept while its item and the settings
 * that shape it stay the same, and handed to the `<ul>` of the list's
 * template as nodes: a re-render with the same items moves none of them, so
 * focus and the reader's place stay.
 */
import { noChange } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { dayKey, formatDate } from '../../core/dates.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsItem } from '../../core/model.js';
import { itemLink, safeUrl } from '../../core/urls.js';
import { isHeadingLevel } from '../../internal/heading.js';

/** Everything an item's `<li>` depends on beside the item. */
export interface ItemSettings {
  layout: 'list' | 'cards' | 'titles';
  showDate: boolean;
  showSummary: boolean;
  showImage: boolean;
  itemHref?: string;
  headingLevel: number;
  showSource: boolean;
  language: Lang;
  timeZone: string;
}

/** A `<tag part=…>` appended to `parent`, with its class and text when given. */
function add<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, part: string, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.setAttribute('part', part);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  parent.append(node);
  return node;
}

/**
 * One item: its image, its title (a link when it has one, in a heading when
 * `headingLevel` names one), date, summary and source, with no white space
 * between elements (no text node per gap).
 */
function itemNode(item: NewsItem, s: ItemSettings): HTMLLIElement {
  const li = document.createElement('li');
  li.setAttribute('part', 'item');
  const { layout } = s;
  const image = (layout === 'cards' || (s.showImage && layout === 'list')) && safeUrl(item.image);
  if (image) {
    const img = add(li, 'img', 'image');
    img.setAttribute('src', image);
    img.setAttribute('alt', item.imageAlt ?? '');
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
  }
  let titleParent: Element = li;
  if (isHeadingLevel(s.headingLevel)) {
    titleParent = li.appendChild(document.createElement('div'));
    titleParent.setAttribute('role', 'heading');
    titleParent.setAttribute('aria-level', String(s.headingLevel));
  }
  // Given `items` are not parsed: their own URL is checked here as a feed's is when it is read.
  const href = itemLink(s.itemHref, { id: item.id, url: safeUrl(item.url) });
  if (href) add(titleParent, 'a', 'title link', 'title', item.title).setAttribute('href', href);
  else add(titleParent, 'span', 'title', 'title', item.title).tabIndex = -1;
  if (item.published && (s.showDate || layout === 'cards')) {
    add(li, 'time', 'date', '', formatDate(item.published, s.language, s.timeZone)).setAttribute('datetime', dayKey(item.published, s.timeZone));
  }
  if (s.showSummary && item.summary && layout !== 'titles') add(li, 'p', 'summary', 'summary', item.summary);
  if (s.showSource && item.source) add(li, 'span', 'source', 'source', item.source.name);
  return li;
}

/** The `<li>`s of the items last shown, by item; built again when a setting changes. */
export class ItemNodes {
  private settings = '';
  private byItem = new Map<NewsItem, HTMLLIElement>();
  private shown: readonly NewsItem[] = [];
  private nodes: HTMLLIElement[] = [];

  /**
   * The items' nodes, each built only if this item object has none for these
   * settings. Keyed by the object, not its id: a feed read again is parsed
   * into new objects, whose title or date may have changed. Only the items
   * asked are kept: the others' nodes go with them.
   */
  of(items: readonly NewsItem[], settings: ItemSettings): HTMLLIElement[] {
    const key = JSON.stringify(settings);
    const old = key === this.settings ? this.byItem : undefined;
    const byItem = new Map<NewsItem, HTMLLIElement>();
    this.nodes = items.map((item) => {
      // The same object twice in `items` (a page's own array) gets a node of its own.
      const node = (!byItem.has(item) && old?.get(item)) || itemNode(item, settings);
      if (!byItem.has(item)) byItem.set(item, node);
      return node;
    });
    [this.settings, this.byItem, this.shown] = [key, byItem, items];
    return this.nodes;
  }

  /** The item whose node holds `target` (an event's), if any. */
  itemAt(target: Element): NewsItem | undefined {
    const i = this.nodes.indexOf(target.closest('li')!);
    return i < 0 ? undefined : this.shown[i];
  }
}

/**
 * `<ul ${children(nodes)}>`: the element's children become `nodes`, in order
 * (one part for the whole list, no markers). Those already in place from the
 * first stay; the rest is written in one insertion, a fragment, rather than
 * node by node: "the rest of the items" after the first screenful, "Xem thêm".
 */
export const children = directive(
  class extends Directive {
    render(_nodes: readonly Node[]): unknown {
      return noChange;
    }

    override update(part: ElementPart, [nodes]: [readonly Node[]]): unknown {
      const parent = part.element;
      const present = parent.childNodes;
      let kept = 0;
      while (kept < nodes.length && present[kept] === nodes[kept]) kept++;
      while (present.length > kept) parent.lastChild!.remove();
      const rest = document.createDocumentFragment();
      for (let i = kept; i < nodes.length; i++) rest.appendChild(nodes[i]);
      parent.appendChild(rest);
      return noChange;
    }
  },
);

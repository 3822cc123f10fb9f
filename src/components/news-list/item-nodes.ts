import { dayKey, formatDate } from '../../core/dates.js';
import type { Lang } from '../../core/i18n/index.js';
import type { NewsItem } from '../../core/model.js';
import { itemLink } from '../../core/urls.js';
import { isHeadingLevel } from '../../internal/heading.js';

/**
 * The items written as DOM rather than as Lit templates. A Lit item
 * kept a template instance, ~10 parts and their last values each, and a
 * comment marker per part in the DOM: at 200 items ~100 KB of JS heap and
 * 1,409 of the page's 2,423 nodes. Here each `<li>` is built once with
 * createElement, setAttribute and textContent (feed text is never parsed as
 * HTML; every URL was allow-listed where the item came in: the readers, and
 * core/given-items.ts for given `items`), kept while its item and the settings
 * that shape it stay the same, and put in the `<ul>` of the list's template
 * after its render: a re-render with the same items moves none of them, so
 * focus and the reader's place stay.
 */

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

/** A `<tag>` with its attributes (name, value, name, value …) and text, appended to `parent`. */
function add(parent: Element | null, tag: string, text?: string | null, ...attributes: string[]): Element {
  const node = document.createElement(tag);
  for (let i = 0; i < attributes.length; ) node.setAttribute(attributes[i++], attributes[i++]);
  node.textContent = text ?? null;
  parent?.append(node);
  return node;
}

/**
 * One item: its image, its title (a link when it has one, in a heading when
 * `headingLevel` names one), date, summary and source, with no white space
 * between elements (no text node per gap).
 */
function itemNode(item: NewsItem, s: ItemSettings): Element {
  const { layout, headingLevel } = s;
  const { published } = item;
  const li = add(null, 'li', null, 'part', 'item');
  const image = (layout === 'cards' || (s.showImage && layout === 'list')) && item.image;
  if (image) add(li, 'img', null, 'part', 'image', 'src', image, 'alt', item.imageAlt ?? '', 'loading', 'lazy', 'decoding', 'async');
  // The markup of heading() (internal/heading.ts, its owner), written with add(): heading() is a Lit template, and a
  // DOM twin of it there cost the list 27 bytes gz more than this one call (the builder's add() already does the work).
  const title = isHeadingLevel(headingLevel) ? add(li, 'div', null, 'role', 'heading', 'aria-level', `${headingLevel}`) : li;
  const href = itemLink(s.itemHref, item);
  if (href) add(title, 'a', item.title, 'part', 'title link', 'class', 'title', 'href', href);
  else add(title, 'span', item.title, 'part', 'title', 'class', 'title', 'tabindex', '-1');
  if (published && (s.showDate || layout === 'cards')) add(li, 'time', formatDate(published, s.language, s.timeZone), 'part', 'date', 'datetime', dayKey(published, s.timeZone));
  if (s.showSummary && item.summary && layout !== 'titles') add(li, 'p', item.summary, 'part', 'summary', 'class', 'summary');
  if (s.showSource && item.source) add(li, 'span', item.source.name, 'part', 'source', 'class', 'source');
  return li;
}

/** The `<li>`s of the items shown, by item, for one set of settings. */
export class ItemNodes {
  private settings = '';
  private nodes = new Map<NewsItem, Element>();

  /**
   * Takes the items to show next: each keeps its node if this item object has
   * one for these settings. Keyed by the object, not its id: a feed read again
   * is parsed into new objects, whose title or date may have changed. Only the
   * items asked are kept: the others' nodes go with them (an item given twice
   * in a page's own array is shown once).
   */
  show(items: readonly NewsItem[], settings: ItemSettings): void {
    const old = this.settings === (this.settings = JSON.stringify(settings)) ? this.nodes : undefined;
    this.nodes = new Map(items.map((item) => [item, old?.get(item) ?? itemNode(item, settings)]));
  }

  /**
   * Makes `list`'s children the nodes of {@link show}, in order. Those already
   * in place from the first stay; the rest goes in with one `append` (one
   * insertion), not node by node (the items after the first screenful, "Xem thêm").
   */
  write(list: Element): void {
    const nodes = [...this.nodes.values()];
    const present = list.childNodes;
    let kept = 0;
    while (present[kept] && present[kept] === nodes[kept]) kept++;
    while (present[kept]) list.lastChild!.remove();
    list.append(...nodes.slice(kept));
  }

  /** The item whose node holds `target` (an event's), if any. */
  itemAt(target: Node): NewsItem | undefined {
    for (const [item, node] of this.nodes) if (node.contains(target)) return item;
  }
}

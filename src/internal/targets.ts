/**
 * How the archive and the search reach a news list: on the same page through
 * `for` (like `<label for>`), on another page through a `list-href` or `action`
 * address.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageHref } from '../core/config.js';
import { fillTemplate } from '../core/urls.js';
import type { NewsFilter } from '../core/news-filter.js';

interface Filterable extends Element {
  filter(filter: NewsFilter): Promise<void>;
}

/**
 * Applies `filter` to the element with id `id` in `host`'s tree (else the
 * document), once it is defined. Resolves false when there is no such list.
 */
export async function filterTarget(host: Element, id: string, filter: NewsFilter): Promise<boolean> {
  const root = host.getRootNode() as Document | ShadowRoot;
  const target = (root.getElementById?.(id) ?? document.getElementById(id)) as Filterable | null;
  const missing = () => (console.warn(`[portal-widgets] for="${id}": no <portal-news-list id="${id}"> on this page`), false);
  if (!target) return missing();
  if (target.localName.includes('-')) await customElements.whenDefined(target.localName);
  if (typeof target.filter !== 'function') return missing();
  await target.filter(filter);
  return true;
}

/** Goes to `template` (the `list-href` attribute) with its `{name}`s filled, e.g. `/tin-tuc.html?date={date}`; nowhere if that is no http(s) URL (a console warning says so). */
export function navigate(template: string, values: Record<string, string>): void {
  const url = pageHref(fillTemplate(template, values), 'list-href');
  if (url) location.assign(url.href);
}

/**
 * Tells a search or an archive when the list it is `for` changes its filter by
 * itself (its "Xem tất cả" fires `portal-filter`), so the box or the day shown
 * is always the filter in force.
 */
export class ForListFilter implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & Element & { htmlFor?: string },
    private readonly apply: (filter: NewsFilter) => void,
  ) {
    host.addController(this);
  }

  private onFilter = (e: Event): void => {
    if (this.host.htmlFor && (e.target as Element).id === this.host.htmlFor) this.apply((e as CustomEvent<{ filter: NewsFilter }>).detail.filter);
  };

  hostConnected(): void {
    document.addEventListener('portal-filter', this.onFilter);
  }

  hostDisconnected(): void {
    document.removeEventListener('portal-filter', this.onFilter);
  }
}

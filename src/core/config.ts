/** Page-level settings a webmaster writes once, read by every widget. */

/**
 * A widget's document URL: its own `src`, else the page's
 * `<meta name="portal-widgets:src" content="/feed.json">`, made absolute against
 * the page. `meta` names another meta for other document kinds (links, banner).
 */
export function documentUrl(src: string | undefined, meta = 'portal-widgets:src'): string | undefined {
  const raw = src || document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content;
  if (!raw) return undefined;
  try {
    return new URL(raw, document.baseURI).href;
  } catch {
    return undefined;
  }
}

/**
 * Fills a link template such as `/bai-viet.html?id={id}` or `?date={date}`:
 * each `{name}` is replaced by its URI-encoded value.
 */
export function fillTemplate(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

/** An item's link: the `item-href` template filled with its `{id}` and `{url}`, else its own URL. */
export const itemLink = (template: string | undefined, item: { id: string; url?: string }): string | undefined =>
  template ? fillTemplate(template, { id: item.id, url: item.url }) : item.url;

/** The page address's query parameter `name`, if set. */
export const pageParam = (name: string): string | undefined =>
  new URLSearchParams(location.search).get(name) ?? undefined;

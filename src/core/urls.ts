/**
 * URLs that come from a feed or a webmaster: the scheme allow-list every feed
 * URL goes through, and the link templates (`{id}`, `{url}`, `{date}`, `{query}`)
 * of `item-href`, `list-href` and `action`.
 */

const WEB = ['http:', 'https:'];
/** Links may also call or mail (the link directory's "Đường dây nóng"). */
export const LINK_PROTOCOLS = [...WEB, 'mailto:', 'tel:'];

/**
 * Resolves `raw` against `base` and returns the absolute URL when its scheme is
 * allowed, else undefined. `javascript:`, `data:`, `vbscript:` and anything
 * unparseable are refused; browsers strip tabs, newlines and leading control
 * characters before reading a scheme, and so does the URL parser used here.
 */
export function safeUrl(raw: unknown, base?: string, protocols: readonly string[] = WEB): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Fast path, most feed URLs: already absolute http(s) with nothing a browser would strip or re-read.
  if (ABSOLUTE_HTTP.test(raw)) return raw;
  if (!raw.trim()) return undefined;
  try {
    const url = new URL(raw.trim(), base || globalThis.location?.href);
    return protocols.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL without white space, control characters or characters URLs must escape. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
const ABSOLUTE_HTTP = /^https?:\/\/[^\s\x00-\x1f\x7f"<>\\^`{|}]+$/i;

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

/**
 * What may come out of a feed and into the page. URLs are allow-listed here;
 * HTML is sanitized by ./sanitizer.ts (DOMPurify), imported on demand so that a
 * widget that never meets feed HTML never downloads it.
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
 * Sanitizes untrusted feed HTML into a DocumentFragment, to be bound as a node
 * (never re-parsed from a string). Loads DOMPurify on first use.
 */
export async function sanitizeHtml(html: string, base?: string): Promise<DocumentFragment> {
  return (await import('./sanitizer.js')).sanitize(html, base);
}

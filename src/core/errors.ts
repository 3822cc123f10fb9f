/**
 * Every failure a widget can show has a code; the message shown to the reader is
 * looked up from the code in i18n/errors.ts, and `detail` names what was wrong
 * (an HTTP status, a field path) for the console and the error text.
 */

export type PortalErrorCode =
  | 'http' // the server answered 4xx/5xx
  | 'timeout' // no answer within the time-out
  | 'offline' // the network failed (DNS, connection reset) or the browser is offline
  | 'blocked' // a cross-origin feed failed while online: most often no CORS headers
  | 'parse' // the body is not valid JSON or XML
  | 'format' // valid JSON/XML but not a document this widget reads
  | 'version' // a known document type with an unknown version
  | 'too-large' // the body is over the byte cap (a feed over 10 MB, a gzip bomb, an endless body)
  | 'redirects' // a redirect loop, or more redirects than fetch follows
  | 'config' // no src, bad map attribute, …
  | 'not-found'; // the article asked for is not in the feed

export class PortalError extends Error {
  override readonly name = 'PortalError';
  constructor(
    readonly code: PortalErrorCode,
    readonly detail = '',
    readonly status?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/**
 * Turns anything thrown into a PortalError, so widgets only deal with one kind.
 * A fetch (in a browser) of `url` on another origin that fails while the browser is online is
 * `blocked`: the browser hides why, and a missing CORS header is by far the
 * likeliest (the fix: read the feed through a hub, or send the header).
 */
export function toPortalError(e: unknown, url?: string): PortalError {
  if (e instanceof PortalError) return e;
  if (e instanceof DOMException && e.name === 'TimeoutError') return new PortalError('timeout');
  // Only a page can tell: Node has no navigator.onLine (nor, before 21, navigator), so there a failed fetch stays `offline`.
  const blocked = url && e instanceof TypeError && globalThis.navigator?.onLine && new URL(url, location.href).origin !== location.origin;
  return new PortalError(blocked ? 'blocked' : 'offline', e instanceof Error ? e.message : String(e));
}

/**
 * Recording a visit: the one request that is not a GET of a document. Reading
 * the counter goes through the feed store like any document.
 */
import { PortalError, toPortalError } from './errors.js';
import type { Loaded } from './feed-store.js';

const inflight = new Map<string, Promise<Loaded>>();

/**
 * POSTs one visit to `url` and returns the answer. `keepalive` lets the request
 * finish when the reader leaves the page at once; no cookies are sent, and the
 * text/plain body needs no CORS preflight. One request per URL per page, however
 * many counters ask; once the server has accepted it, the session is marked
 * (before the next counter can look) so later pages only read.
 */
export function recordVisit(url: string, timeout = 8000): Promise<Loaded> {
  let flight = inflight.get(url);
  if (!flight) {
    flight = post(url, timeout).finally(() => inflight.delete(url));
    inflight.set(url, flight);
  }
  return flight;
}

async function post(url: string, timeout: number): Promise<Loaded> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body: '{}',
      keepalive: true,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw toPortalError(e);
  }
  if (!res.ok) throw new PortalError('http', `HTTP ${res.status}`, res.status);
  markVisited(url);
  return { text: await res.text(), url: res.url || url };
}

/** sessionStorage, where the browser allows it (not in some private modes or sandboxed frames). */
function session(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

const flag = (url: string) => `portal-widgets:visit ${url}`;

/** True when this browser session has already recorded a visit to `url`. */
export function visitedThisSession(url: string): boolean {
  return session()?.getItem(flag(url)) === '1';
}

/** Remembers for this browser session that the visit to `url` is recorded. */
function markVisited(url: string): void {
  try {
    session()?.setItem(flag(url), '1');
  } catch {
    // Quota or privacy settings: the server's 30-minute rule still stops double counts.
  }
}

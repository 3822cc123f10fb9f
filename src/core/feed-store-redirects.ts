/**
 * Telling a redirect loop from the network failing: both reach the feed store
 * as the same TypeError, and only a loop must not be retried. Loaded only when a
 * request has failed.
 */

/** True when `url` answers with a redirect that fetch could not follow (`failure` is its error). */
export async function redirects(url: string, failure: unknown, signal: AbortSignal): Promise<boolean> {
  // Node (undici) names the cause; browsers say only "Failed to fetch".
  if (/redirect/i.test(String((failure as { cause?: unknown })?.cause ?? ''))) return true;
  try {
    const res = await fetch(url, { credentials: 'omit', cache: 'no-cache', redirect: 'manual', signal: AbortSignal.any([signal, AbortSignal.timeout(3000)]) });
    void res.body?.cancel().catch(() => {});
    return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
  } catch {
    return false;
  }
}

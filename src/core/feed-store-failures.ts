/**
 * What the feed store does once a request has failed: tell a redirect loop from
 * the network failing (both reach it as the same TypeError, and only a loop must
 * not be retried), refuse what a retry cannot mend, and wait before the next
 * attempt. Loaded only when a request has failed, so a page whose reads succeed
 * never downloads it.
 */
import { PortalError, toPortalError } from './errors.js';

/** Attempts after the first. */
export const RETRIES = 2;

/** Waits before retry number `attempt + 1`: 300 ms, 600 ms … with ±50 % jitter, so many readers do not retry in step. */
export const backoff = (attempt: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, 300 * 2 ** attempt * (0.5 + Math.random()));
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** After fetch threw (`failure`): throws the error to report, or waits and returns when it is worth another attempt. */
export async function afterNetworkFailure(url: string, failure: unknown, signal: AbortSignal, attempt: number): Promise<void> {
  const error = toPortalError(failure, url);
  if (error.code === 'timeout') throw error;
  // A redirect loop fails like the network: one more request tells them apart, and it is not retried.
  if (await redirects(url, failure, signal)) throw new PortalError('redirects', 'more than 20 redirects, or a redirect that fails');
  // A cross-origin read the server does not allow (no CORS) will not succeed on a retry either.
  if (error.code === 'blocked' || attempt >= RETRIES) throw error;
  await backoff(attempt, signal);
}

/** True when `url` answers with a redirect that fetch could not follow (`failure` is its error). */
async function redirects(url: string, failure: unknown, signal: AbortSignal): Promise<boolean> {
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

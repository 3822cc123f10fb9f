/**
 * A document's request, started before its widget's code has arrived: the CDN
 * loader (src/cdn.ts) starts it when it first sees the widget's tag, and the feed
 * store (./feed-store.ts) takes it as its first attempt instead of fetching again.
 * A fetch the store shares, not a `<link rel="preload">`, which Firefox ESR does
 * not hand to the store's fetch (docs/performance.md, issue 15).
 */

/**
 * Where the loader leaves its {@link EarlyFetch} for the store, on globalThis, so they find each other
 * whichever file each was bundled in. A string, not `Symbol.for()`: -0.01 KB gz on every eager bundle.
 */
export const EARLY_FETCH = 'portal-widgets-early-fetch';

/** `fetch`, but the loader's early response for the URL when it has one (taken once, and only if it succeeded). */
export type EarlyFetch = (url: string, init: RequestInit) => Promise<Response>;

/** The store's request for `url`, the early fetch's too: the server sees the same request. */
export function feedRequest(url: string, signal: AbortSignal): RequestInit {
  return {
    // Same origin: the mode of a `<link rel="preload" as="fetch" crossorigin>`, so the page's preload is used, not
    // fetched again; another origin (a hub, an agency): no cookies go with it.
    credentials: new URL(url, globalThis.location?.href).origin === globalThis.location?.origin ? 'same-origin' : 'omit',
    // Revalidate with the HTTP cache's ETag/Last-Modified (a 304 costs no body)
    // without adding request headers that would need a CORS preflight.
    cache: 'no-cache',
    signal,
  };
}

/** A started request and what aborts it; `null` once the store has taken it (one early fetch per URL). */
const started = new Map<string, [response: Promise<Response>, controller: AbortController] | null>();

/**
 * Starts `url` (absolute, http or https) once per page, for the store to take.
 * Only the loader calls it, so the taking below is in no eager bundle.
 */
export function startEarly(url: string): void {
  if (started.has(url)) return;
  const controller = new AbortController();
  const response = fetch(url, feedRequest(url, controller.signal));
  response.catch(() => {}); // the store tells a failure, when it takes it
  started.set(url, [response, controller]);
  (globalThis as Record<string, unknown>)[EARLY_FETCH] = earlyFetch;
}

/**
 * The early response for `url` if there is one and it succeeded, else `fetch` as
 * the store would have (a rejection or a 503 of the early request is not the
 * store's first failure). `init.signal` (the store's attempt) aborts the early
 * request, body included, and then this rejects with its reason.
 */
const earlyFetch: EarlyFetch = async (url, init) => {
  const entry = started.get(url);
  if (entry) {
    started.set(url, null);
    const [response, controller] = entry;
    const signal = init.signal!;
    const abort = () => controller.abort(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    const res = await response.catch((e: unknown) => {
      if (signal.aborted) throw e;
    });
    if (res?.ok) return res;
    void res?.body?.cancel().catch(() => {});
  }
  return fetch(url, init);
};

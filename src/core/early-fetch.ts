/**
 * A document's request, started before its widget's code has arrived: the CDN
 * loader (src/cdn.ts) starts it when it first sees the widget's tag, and the feed
 * store (./feed-store.ts) takes it as its first attempt instead of fetching again.
 * A fetch the store shares, not a `<link rel="preload">`, which Firefox ESR does
 * not hand to the store's fetch (docs/performance.md, issue 15).
 *
 * The requests are kept on globalThis under a registered symbol, so the loader
 * and the store share them whichever file each was bundled in.
 */

/** A started request and what aborts it; `null` once the store has taken it (one early fetch per URL). */
type Early = [response: Promise<Response>, controller: AbortController] | null;

const KEY = Symbol.for('portal-widgets.early-fetch');
const early: Map<string, Early> = ((globalThis as Record<symbol, Map<string, Early>>)[KEY] ??= new Map());

/** The store's request options for `url`, the early fetch's too: the server sees the same request. */
export function feedRequest(url: string): RequestInit {
  return {
    // Same origin: the mode of a `<link rel="preload" as="fetch" crossorigin>`, so the page's preload is used, not
    // fetched again; another origin (a hub, an agency): no cookies go with it.
    credentials: new URL(url, globalThis.location?.href).origin === globalThis.location?.origin ? 'same-origin' : 'omit',
    // Revalidate with the HTTP cache's ETag/Last-Modified (a 304 costs no body)
    // without adding request headers that would need a CORS preflight.
    cache: 'no-cache',
  };
}

/** Starts `url` (absolute, http or https) once per page, for the store to take. */
export function startEarly(url: string): void {
  if (early.has(url)) return;
  const controller = new AbortController();
  const response = fetch(url, { ...feedRequest(url), signal: controller.signal });
  response.catch(() => {}); // the store tells a failure, when it takes it
  early.set(url, [response, controller]);
}

/**
 * The early response for `url`, taken once: undefined if there is none, or it failed
 * (rejected, or not ok: the store then fetches as it would have). `signal` (the
 * store's attempt) aborts it, body included, and then this rejects with its reason.
 */
export async function takeEarly(url: string, signal: AbortSignal): Promise<Response | undefined> {
  const entry = early.get(url);
  if (!entry) return undefined;
  early.set(url, null);
  const [response, controller] = entry;
  const abort = () => controller.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  const res = await response.catch((e: unknown) => {
    if (signal.aborted) throw e;
  });
  if (res?.ok) return res;
  void res?.body?.cancel().catch(() => {});
  return undefined;
}

/**
 * The one place that fetches documents. Every widget on a page that reads the
 * same URL shares one request and one parsed copy; the last good copy of each
 * URL is kept on the device (Cache API, bounded) so the next visit renders at
 * once while the document revalidates (stale-while-revalidate).
 *
 * One copy of a document stays in memory, the parsed one: a few seconds after
 * the parse, once the page is idle (the widgets of the page have rendered, those
 * whose code the loader brought later too), the text is dropped and only its
 * fingerprint kept, to tell a re-read of the same document. A widget that comes
 * later revalidates (a 304 is cheap) and shares the parse. A copy is saved on the
 * device only once it parses (parseOnce), so a body that does not (a maintenance
 * page served 200) never replaces the last good one.
 */
import { EARLY_FETCH, type EarlyFetch, feedRequest } from './early-fetch.js';
import { PortalError, toPortalError } from './errors.js';
import { surelyUtf8 } from './formats/utf8.js';

export interface LoadOptions {
  /** Aborts this caller's wait; the shared request stops when no caller is left. */
  signal?: AbortSignal;
  /** Milliseconds per attempt before giving up (default 8000). */
  timeout?: number;
  /** Skip the copy already fetched on this page (the retry button). */
  force?: boolean;
  /**
   * Most bytes read from the body (after decompression) before giving up with a
   * `too-large` error: {@link FEED_BYTES} by default, {@link SMALL_DOCUMENT_BYTES}
   * suits links, banner and counter.
   */
  maxBytes?: number;
}

/** Byte cap of a news feed (10 MB): far above any real feed, far below what hurts a phone. */
export const FEED_BYTES = 10 * 1024 * 1024;
/** Byte cap of a links, banner or counter document (1 MB). */
export const SMALL_DOCUMENT_BYTES = 1024 * 1024;

export interface Loaded {
  text: string;
  /** The final URL after redirects: relative URLs in the document resolve against it. */
  url: string;
  /** The URL it was asked by, while this fetched copy is not yet saved on the device: saved when it parses. @internal */
  unsaved?: string;
}

interface Flight {
  promise: Promise<Loaded>;
  controller: AbortController;
  waiters: number;
}

/** What a failed request does next (./feed-store-failures.ts); if that cannot load (offline), the request's own `error()` is told. */
const failures = (error: () => unknown) =>
  import('./feed-store-failures.js').catch(() => {
    throw error();
  });
/** Characters of a document whose reading takes long enough to begin a task (~60 items of a news feed). */
const LONG_DOCUMENT = 16_384;
const SAVED_MAX = 30;
const SAVED_MAX_CHARS = 2_000_000;
const CACHE_NAME = 'portal-widgets-v1';

const inflight = new Map<string, Flight>();
/** This page's copy of each URL, until parsed: widgets that ask meanwhile get it without a request. */
const fetched = new Map<string, Loaded>();
/** Each parse (`key url`): its value, and the text it was read from, or once that is dropped its fingerprint. */
const parsed = new Map<string, { value: unknown; text: string }>();
/** Saves `loaded` as the last good copy once `value` (its parse) succeeds; a body that does not parse is never saved. */
function saveWhenParsed(loaded: Loaded, value: unknown): void {
  const url = loaded.unsaved;
  if (url === undefined) return;
  loaded.unsaved = undefined;
  Promise.resolve(value).then(() => whenIdle(() => void save(url, loaded.text)), () => {});
}

/**
 * Work the first render does not need (saving the copy, dropping the text): when
 * the page is next idle, 500 ms later at the latest (a bound of 50 ms ran the
 * Cache API save, 14-60 ms at 4x CPU, before the items' paint); in Node, on the next turn.
 */
const whenIdle = (task: () => void): unknown => globalThis.requestIdleCallback?.(task, { timeout: 500 }) ?? setTimeout(task);

/** Length and FNV-1a hash (NUL first, which no document text starts with): tells a re-read of the same text without keeping it. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `\0${text.length} ${h}`;
}

async function fetchWithRetry(url: string, signal: AbortSignal, timeout: number, maxBytes: number): Promise<Loaded> {
  for (let attempt = 0; ; attempt++) {
    const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(timeout)]);
    let res: Response;
    try {
      // Through the CDN loader's fetch where it is on the page: its early request, if it has one (./early-fetch.ts).
      res = await ((globalThis as { [EARLY_FETCH]?: EarlyFetch })[EARLY_FETCH] ?? fetch)(url, feedRequest(url, attemptSignal));
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      // Which failure it is, and the wait before a retry, load only once a request fails (./feed-store-failures.ts).
      await (await failures(() => toPortalError(e, url))).afterNetworkFailure(url, e, signal, attempt);
      continue;
    }
    if (res.ok) {
      const bytes = await readBody(res, maxBytes, signal, timeout);
      const type = res.headers.get('content-type');
      // Another charset, a UTF-16 mark, or XML that may declare one: the sniffing loads (formats/charset.ts).
      const text = surelyUtf8(bytes, type) ? new TextDecoder().decode(bytes) : (await import('./formats/charset.js')).decodeBody(bytes, type);
      // A long document is read in a task of its own: its response may have come before this task began (the CDN
      // loader's early fetch, while the widget's chunks loaded), and its reading and the items' render then joined the
      // task that evaluated them (one long task, 200 items: docs/performance.md). Not a short one: the boundary lets the
      // browser paint the skeleton first, a frame before the items.
      if (text.length > LONG_DOCUMENT) await new Promise((resolve) => setTimeout(resolve));
      // Saved once it parses (parseOnce): a maintenance page served 200 must not replace the last good copy.
      return { text, url: res.url || url, unsaved: url };
    }
    void res.body?.cancel().catch(() => {});
    // A 4xx is told at once; a 5xx waits for the failures' module, and is retried up to its RETRIES times.
    const error = new PortalError('http', `HTTP ${res.status}`, res.status);
    if (res.status < 500) throw error;
    const { backoff, RETRIES } = await failures(() => error);
    if (attempt >= RETRIES) throw error;
    await backoff(attempt, signal);
  }
}

/**
 * The body's bytes, read as a stream so that no more than `maxBytes` are ever
 * held (a gzip bomb or an endless body stops there, not at the memory's end).
 * Not `arrayBuffer()` even with a Content-Length under the cap: a compressed
 * body's length says nothing of what it expands to, and a CORS response hides
 * its Content-Encoding.
 */
async function readBody(res: Response, maxBytes: number, signal: AbortSignal, timeout: number): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  // A Content-Length over the cap is refused before reading a byte.
  let size = Number(res.headers.get('content-length')) > maxBytes ? Infinity : 0;
  try {
    for (let part; size <= maxBytes && reader && !(part = await reader.read()).done; size += part.value.byteLength) chunks.push(part.value);
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    const error = toPortalError(e);
    throw error.code === 'timeout' ? new PortalError('timeout', `still receiving the body after ${timeout / 1000} s`) : error;
  }
  if (size > maxBytes) {
    void reader?.cancel().catch(() => {});
    throw new PortalError('too-large', `over ${Math.round(maxBytes / 1024)} KB`);
  }
  // Joined in place: a Blob would copy the bytes to the browser's blob store and back.
  const body = new Uint8Array(size);
  size = 0;
  for (const chunk of chunks) {
    body.set(chunk, size);
    size += chunk.byteLength;
  }
  return body;
}

/** Fetches `url` once per page, whoever asks. */
export function load(url: string, options: LoadOptions = {}): Promise<Loaded> {
  const { signal, timeout = 8000, force, maxBytes = FEED_BYTES } = options;
  const done = fetched.get(url);
  if (done && !force) return Promise.resolve(done);
  let flight = inflight.get(url);
  if (!flight || force) {
    const controller = new AbortController();
    const promise = fetchWithRetry(url, controller.signal, timeout, maxBytes).then((loaded) => {
      fetched.set(url, loaded);
      return loaded;
    });
    const f: Flight = { promise, controller, waiters: 0 };
    promise.catch(() => {}).finally(() => inflight.get(url) === f && inflight.delete(url));
    inflight.set(url, (flight = f));
  }
  const f = flight;
  f.waiters++;
  return new Promise<Loaded>((resolve, reject) => {
    const onAbort = () => {
      if (--f.waiters === 0) {
        f.controller.abort(signal!.reason);
        if (inflight.get(url) === f) inflight.delete(url);
      }
      reject(signal!.reason);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    f.promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
  });
}

/**
 * Parses once per URL and document text, however many widgets read it:
 * `key` names the parser (news, news+map, links …).
 */
export function parseOnce<T>(loaded: Loaded, key: string, parse: (text: string, url: string) => T): T {
  const id = `${key} ${loaded.url}`;
  const hit = parsed.get(id);
  if (hit && (hit.text === loaded.text || hit.text === fingerprint(loaded.text))) {
    saveWhenParsed(loaded, hit.value);
    return hit.value as T;
  }
  const value = parse(loaded.text, loaded.url);
  saveWhenParsed(loaded, value);
  const entry = { text: loaded.text, value };
  parsed.set(id, entry);
  // Once parsed and rendered: the text goes, from here and from this page's copy.
  // 3 s first: on a busy phone the loader's chunks define a page's widgets over a second or two,
  // and each of them should share the one request, not revalidate.
  const forget = () =>
    setTimeout(whenIdle, 3e3, () => {
      entry.text = fingerprint(entry.text);
      for (const [url, copy] of fetched) if (copy === loaded) fetched.delete(url);
    });
  Promise.resolve(value).then(forget, forget);
  return value;
}

/** The last good copy of `url` saved on this device, if any. */
export async function lastGood(url: string): Promise<Loaded | undefined> {
  const memory = fetched.get(url);
  if (memory) return memory;
  try {
    const res = await (await caches.open(CACHE_NAME)).match(url);
    return res ? { text: await res.text(), url } : undefined;
  } catch {
    return undefined; // no Cache API (insecure context, private mode)
  }
}

async function save(url: string, text: string): Promise<void> {
  if (text.length > SAVED_MAX_CHARS || typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(url, new Response(text, { headers: { 'content-type': 'text/plain;charset=utf-8' } }));
    const keys = await cache.keys();
    // keys() lists oldest first: drop the oldest beyond the bound.
    await Promise.all(keys.slice(0, Math.max(0, keys.length - SAVED_MAX)).map((k) => cache.delete(k)));
  } catch {
    // Saving is a bonus; quota or privacy settings may refuse it.
  }
}

/** Forgets this page's copies (tests, and a hard refresh of a widget). */
export function resetStore(): void {
  fetched.clear();
  parsed.clear();
}

/**
 * The feeds the hub serves: each upstream fetched on its own interval by the
 * hub, never per reader (readers get the rendered copy from memory), with
 * conditional GET and jittered backoff after failures; its last good items
 * stored, so a restart or an outage still serves them; the merge re-rendered
 * once per change.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { PortalError, type Feed } from 'portal-widgets/core';
import type { FeedConfig, UpstreamConfig } from './config.js';
import { mergeItems, renderFeed, toJsonFeedItem, type JsonFeedItem, type RenderedFeed, type SourceStatus } from './feed-output.js';
import type { HubMetrics } from './metrics.js';
import type { FeedStorage, UpstreamCopy } from './storage.js';
import { fetchUpstream, UpstreamError, type FetchOptions, type FetchOutcome } from './upstream-fetch.js';
import { BoundedParser } from './bounded-parse.js';

/** Pages of one upstream read per refresh, at most (each bounded in size and time like the first). */
const MAX_UPSTREAM_PAGES = 20;
/** How long stop() waits for the refreshes in flight (each is already bounded by its time-out and the abort). */
const STOP_GRACE_MS = 5000;

export interface FeedsOptions {
  feeds: FeedConfig[];
  storage: FeedStorage;
  metrics: HubMetrics;
  timeZone: string;
  /** The hub's own origin, for `{self}/…` upstream URLs (known once it listens). */
  self: () => string;
  env?: Record<string, string | undefined>;
  /** Backoff after the n-th failure in a row: 1 s, 2 s, 4 s … capped at the interval, ±50 % jitter. */
  backoffBaseMs?: number;
}

interface Upstream {
  feed: FeedConfig;
  config: UpstreamConfig;
  /** configKey(config): a stored copy read with another is fetched again without its validators. */
  configKey: string;
  /** The copy without its `items` text (`itemsHash` names them): the hub holds the items once, as `items`. */
  copy: UpstreamCopy;
  items: JsonFeedItem[];
  /** The hash of the items the database holds, as far as this hub knows: a write sends the items only when they differ. */
  storedItemsHash?: string;
  /** The kind of the last failure, in this run (logChange). */
  lastOutcome?: FetchOutcome | 'parse';
  /** The status the rendered feed shows (see republish): /healthz has the live one. */
  published: SourceStatus;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
}

export class Feeds {
  private readonly upstreams = new Map<string, Upstream[]>();
  private readonly rendered = new Map<string, RenderedFeed>();
  private readonly stopping = new AbortController();
  private readonly configs: Map<string, FeedConfig>;
  private readonly parser = new BoundedParser();

  constructor(private readonly options: FeedsOptions) {
    this.configs = new Map(options.feeds.map((f) => [f.id, f]));
  }

  /**
   * Loads the stored copies: a restart serves them before the first fetch. A copy read under another key
   * (another config, or an older hub that did not sanitize) has its HTML sanitized again first: an upstream
   * that stays down must not keep serving what an older hub stored.
   */
  async load(): Promise<void> {
    const stored = new Map((await this.options.storage.readCopies()).map((c) => [`${c.feed} ${c.upstream}`, c]));
    for (const feed of this.options.feeds) {
      const list = await Promise.all(
        feed.upstreams.map(async (config): Promise<Upstream> => {
          const row = stored.get(`${feed.id} ${config.url}`) ?? { feed: feed.id, upstream: config.url, failures: 0 };
          const { items: text, ...copy } = row;
          const key = configKey(config);
          const read = readItems(text);
          const items = copy.configKey === key ? read : await this.sanitizeStored(read, config.url);
          // A row of an older hub has no hash, and sanitized again the items are others: hashed as they are held.
          if (text !== undefined && (items !== read || !copy.itemsHash)) copy.itemsHash = hashItems(items === read ? text : JSON.stringify(items));
          const u = { feed, config, configKey: key, copy, items, storedItemsHash: row.itemsHash };
          return { ...u, published: sourceStatus(u) };
        }),
      );
      this.upstreams.set(feed.id, list);
      this.render(feed.id);
    }
  }

  /** Stored items with their HTML sanitized again; if that fails, without their HTML (their summary, text and link still show). */
  private async sanitizeStored(items: JsonFeedItem[], upstream: string): Promise<JsonFeedItem[]> {
    if (!items.some((i) => i.content_html !== undefined)) return items;
    return this.parser.sanitize(items, upstream).catch((e: unknown) => {
      console.error(`the stored HTML of ${upstream} could not be sanitized again, so it is left out until the next read:`, e);
      return items.map(({ content_html: _, ...rest }) => rest);
    });
  }

  /** Starts every upstream's schedule (the first fetch at once). */
  run(): void {
    for (const u of [...this.upstreams.values()].flat()) this.schedule(u, 0);
  }

  /** The rendered feed, or undefined for an id not configured. */
  get(id: string): RenderedFeed | undefined {
    return this.rendered.get(id);
  }

  config(id: string): FeedConfig | undefined {
    return this.configs.get(id);
  }

  /** Per feed, per source: the last success and the last error (for /healthz). */
  status(): Record<string, SourceStatus[]> {
    return Object.fromEntries([...this.upstreams].map(([id, list]) => [id, list.map(sourceStatus)]));
  }

  /**
   * Stops the schedules and aborts the fetches in flight; resolves when they have settled, or after
   * `graceMs` whatever is still running (a store that hangs must not keep the process from exiting).
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopping.abort();
    const all = [...this.upstreams.values()].flat();
    for (const u of all) clearTimeout(u.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(all.map((u) => u.running)), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    await this.parser.close();
  }

  /** The next refresh is scheduled whatever the last one did (even if it threw), so an upstream is never dropped. */
  private schedule(u: Upstream, delay: number): void {
    if (this.stopping.signal.aborted) return;
    u.timer = setTimeout(() => {
      u.running = this.refresh(u)
        .catch((e: unknown) => console.error(`feed ${u.feed.id}: refresh of ${u.config.url} failed:`, e))
        .finally(() => {
          u.running = undefined;
          this.schedule(u, this.nextDelay(u));
        });
    }, delay);
  }

  private nextDelay(u: Upstream): number {
    const interval = u.config.refreshSeconds * 1000;
    if (!u.copy.failures) return interval * (0.95 + Math.random() * 0.1);
    const base = this.options.backoffBaseMs ?? 1000;
    return Math.min(interval, base * 2 ** (u.copy.failures - 1)) * (0.5 + Math.random());
  }

  /** One fetch of one upstream; its outcome is stored, counted and, when it changes the feed, rendered. */
  private async refresh(u: Upstream): Promise<void> {
    const { config } = u;
    const copy = { ...u.copy, lastAttempt: Date.now() };
    /** The new items' JSON text, when a body was read (the same items again or others). */
    let itemsText: string | undefined;
    let outcome: FetchOutcome | 'parse';
    let problem: string | undefined;
    const options = {
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
      internal: config.internal,
      userAgent: config.userAgent,
      authorization: config.authorizationEnv ? this.options.env?.[config.authorizationEnv] : undefined,
      signal: this.stopping.signal,
    };
    try {
      const fetched = await fetchUpstream(config.url.replace(/^\{self\}/, this.options.self()), {
        ...options,
        // Validators only for items this config made: after a fix of the map (or a renamed source) a 304 would keep
        // the items the old config made.
        ...(u.copy.itemsHash && u.copy.configKey === u.configKey ? { etag: u.copy.etag, lastModified: u.copy.lastModified } : {}),
      });
      if (fetched.status === 200) {
        const feed = await this.parser.parse(fetched.body!, fetched.contentType, fetched.url, config.map);
        const pages = await this.readLaterPages(u, fetched.url, feed, options);
        const items = pages.items;
        problem = pages.problem;
        const source = { name: config.name, ...(config.homeUrl ? { url: config.homeUrl } : {}) };
        u.items = items.map((item) => toJsonFeedItem(item, source));
        itemsText = JSON.stringify(u.items);
        copy.itemsHash = hashItems(itemsText);
        copy.etag = fetched.etag;
        copy.lastModified = fetched.lastModified;
        copy.configKey = u.configKey;
        outcome = 'ok';
      } else {
        if (fetched.etag) copy.etag = fetched.etag;
        if (fetched.lastModified) copy.lastModified = fetched.lastModified;
        outcome = 'not-modified';
      }
      copy.lastSuccess = Date.now();
      // A 304 keeps the items, and so the note of a later page that failed when they were read.
      copy.lastError = outcome === 'ok' ? problem : u.copy.failures ? undefined : u.copy.lastError;
      copy.failures = 0;
    } catch (e) {
      if (this.stopping.signal.aborted) return;
      outcome = e instanceof UpstreamError ? e.outcome : 'parse';
      copy.lastError = describeFailure(e);
      copy.failures = u.copy.failures + 1;
    }
    const itemsChanged = copy.itemsHash !== u.copy.itemsHash;
    logChange(u, outcome, copy);
    u.copy = copy;
    this.options.metrics.upstreamFetch(u.feed.id, config.name, outcome);
    await this.store(u, itemsText);
    if (republish(u, itemsChanged)) this.render(u.feed.id);
  }

  /**
   * Writes `u.copy`, with its items only when the database holds others (they changed, an earlier write failed, or
   * another hub wrote the row): a 304 or the same body again writes the status alone, never the items' text.
   */
  private async store(u: Upstream, itemsText: string | undefined): Promise<void> {
    const { copy } = u;
    const withItems = (text = itemsText ?? JSON.stringify(u.items)) => ({ ...copy, items: text });
    try {
      const written =
        (await this.options.storage.writeCopy(copy.itemsHash === u.storedItemsHash ? copy : withItems())) ||
        // The row holds other items than this hub's (another hub's): this hub's go with it.
        (copy.itemsHash !== undefined && (await this.options.storage.writeCopy(withItems())));
      if (written) u.storedItemsHash = copy.itemsHash;
    } catch (e) {
      console.error(`feed ${u.feed.id}: could not store the copy of ${u.config.url}:`, e);
    }
  }

  /**
   * A feed in pages (JSON Feed next_url, Atom rel=next) is read as far as the merge keeps items, on the
   * upstream's own origin only (never an open proxy); the first page's validators stand for all. A later
   * page that fails ends the reading: the pages read so far are kept, and the failure is the `problem`.
   */
  private async readLaterPages(u: Upstream, firstUrl: string, first: Feed, options: FetchOptions): Promise<{ items: Feed['items']; problem?: string }> {
    const items = [...first.items];
    const seen = new Set([firstUrl]);
    const origin = new URL(firstUrl).origin;
    let n = 1;
    for (let next = first.nextUrl; next && sameOrigin(next, origin) && !seen.has(next) && items.length < u.feed.limit && n < MAX_UPSTREAM_PAGES; n++) {
      seen.add(next);
      try {
        const more = await fetchUpstream(next, options);
        // A page asked for without validators has no business answering 304: read as the end, not as a body.
        if (more.status !== 200) throw new UpstreamError('http', `HTTP ${more.status}`);
        const page = await this.parser.parse(more.body!, more.contentType, more.url, u.config.map);
        items.push(...page.items);
        next = page.nextUrl;
      } catch (e) {
        if (this.stopping.signal.aborted) throw e;
        return { items, problem: `page ${n + 1}: ${describeFailure(e)} (the items of the ${n} page(s) before it are kept)` };
      }
    }
    return { items };
  }

  private render(id: string): void {
    const feed = this.configs.get(id)!;
    const list = this.upstreams.get(id)!;
    const items = mergeItems(
      list.map((u) => u.items),
      feed.limit,
      this.options.timeZone,
    );
    const changed = Math.max(0, ...list.map((u) => Date.parse(u.published.last_success ?? '') || 0)) || Date.now();
    this.rendered.set(id, renderFeed({ id, title: feed.title, homePageUrl: feed.homePageUrl, pageSize: feed.pageSize }, items, list.map((u) => u.published), changed));
  }
}

/** What /healthz and the feed say of a failure: ours by its message, anything else as internal (and logged, with its stack). */
function describeFailure(e: unknown): string {
  if (e instanceof UpstreamError || e instanceof PortalError) return e.message;
  console.error(e);
  return `internal error: ${String(e)}`;
}

const sameOrigin = (url: string, origin: string) => URL.canParse(url) && new URL(url).origin === origin;

/**
 * The version of the hub's own part in reading an upstream (html-sanitize.ts, toJsonFeedItem): bump it with
 * any change that makes the same upstream bytes give other stored items, so that an upgraded hub reads each
 * upstream again once (without validators) instead of keeping, through 304s, the items the old code made.
 * A constant, not the hub's package version: a release that reads the same way then costs no re-read, and a
 * change to the reading is the thing that bumps it. 1: before this key had a version; 2: HTML sanitized.
 */
export const READING_VERSION = 2;

/**
 * The readers themselves live in the widget package (portal-widgets/core), installed beside the hub and
 * updated on its own: its version is in the key too (a widget release that reads the same costs one
 * unconditional fetch per upstream, once).
 */
const WIDGETS_VERSION = (createRequire(import.meta.url)('portal-widgets/package.json') as { version: string }).version;

/**
 * What the stored items depend on, as a short hash (the URL is the copy's key already): the upstream's config
 * and the version of the code that read them.
 */
export function configKey(c: UpstreamConfig): string {
  const parts = { format: c.format, map: c.map ?? null, name: c.name, homeUrl: c.homeUrl ?? null, reading: READING_VERSION, widgets: WIDGETS_VERSION };
  return shortHash(JSON.stringify(parts));
}

/** 132 bits of SHA-256, as text: a key that names what made a copy, or which items it holds. */
const shortHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

function readItems(text: string | undefined): JsonFeedItem[] {
  try {
    return text ? (JSON.parse(text) as JsonFeedItem[]) : [];
  } catch {
    return [];
  }
}

/** Which items a copy holds (UpstreamCopy.itemsHash): the hash of their JSON text. */
const hashItems = shortHash;

/**
 * One line on standard error (journalctl) when an upstream starts failing, fails another way, or recovers:
 * not one per retry of the same failure (the backoff retries within seconds).
 */
function logChange(u: Upstream, outcome: FetchOutcome | 'parse', next: UpstreamCopy): void {
  const was = u.copy.failures ? (u.lastOutcome ?? 'failing') : 'ok';
  const now = next.failures ? outcome : 'ok';
  u.lastOutcome = now;
  if (now === was) return;
  const who = `feed ${u.feed.id}: upstream "${u.config.name}" (${u.config.url})`;
  if (now === 'ok') return void console.warn(`${who} recovered after ${u.copy.failures} failed fetch(es)`);
  // A parse failure's message names its kind already (PortalError: "parse: …"): the kind is said once.
  const error = next.lastError ?? '';
  console.error(`${who} failed: ${error.startsWith(`${outcome}: `) ? error : `${outcome}: ${error}`}`);
}

/** Of max_age: how old the published last_success may get before a refresh that changed nothing publishes it again. */
const PUBLISH_EVERY = 0.1;

/**
 * Whether the rendered feed must change after a refresh of `u` (and then `u.published` is brought up to date).
 * A refresh that changed neither the items nor the error leaves the feed, so its ETag, as it was: a 304 or the
 * same body again is not a change. Only last_success moves on such refreshes; it is published again once the
 * published one is a tenth of max_age old, so a source refreshed on time never looks stale to the widgets
 * (they note a source whose last_success is older than max_age), at one render per max_age/10 at most.
 */
function republish(u: Upstream, itemsChanged: boolean): boolean {
  const now = sourceStatus(u);
  const published = Date.parse(u.published.last_success ?? '') || 0;
  const due = !!u.copy.lastSuccess && u.copy.lastSuccess - published >= u.config.maxAgeSeconds * 1000 * PUBLISH_EVERY;
  if (!itemsChanged && !due && now.last_error === u.published.last_error) return false;
  u.published = now;
  return true;
}

function sourceStatus(u: Pick<Upstream, 'config' | 'copy'>): SourceStatus {
  return {
    name: u.config.name,
    ...(u.config.homeUrl ? { url: u.config.homeUrl } : {}),
    ...(u.copy.lastSuccess ? { last_success: new Date(u.copy.lastSuccess).toISOString() } : {}),
    ...(u.copy.lastError ? { last_error: u.copy.lastError } : {}),
    max_age: u.config.maxAgeSeconds,
  };
}

/**
 * What the hub keeps, behind one interface for both engines (the embedded
 * SQLite, sqlite-storage.ts; PostgreSQL, storage/postgres-storage.ts): the
 * visit counts and, per feed upstream, the last good copy with its validators and status. Every method
 * answers a promise, as a networked database (PostgreSQL) will.
 */

export interface Counts {
  total: number;
  online: number;
  today: number;
}

/** The last good copy of one upstream of one feed, and how its last fetches went. */
export interface UpstreamCopy {
  feed: string;
  /** The upstream's configured URL (its key: its name may be edited). */
  upstream: string;
  /**
   * The items as JSON Feed 1.1 items, each with `_portal.source` (JSON text). Read with every copy; written only
   * when they changed: a copy written without them keeps the stored ones (see writeCopy).
   */
  items?: string;
  /** A hash of `items` (feeds.ts hashItems): which items the copy holds, without holding them. */
  itemsHash?: string;
  etag?: string;
  lastModified?: string;
  /** Milliseconds since the epoch of the last fetch that succeeded (200 or 304). */
  lastSuccess?: number;
  /** The last failure's message, cleared by a success. */
  lastError?: string;
  lastAttempt?: number;
  /** Failures in a row (for the backoff). */
  failures: number;
  /** What the config contributed to `items` when they were read (feeds.ts configKey): another one refetches them. */
  configKey?: string;
}

/** One line of `portal-widgets-hub export`: a site's total, or its visits on one day (YYYY-MM-DD). */
export type CountRecord = { site: string; total: number } | { site: string; day: string; visits: number };

export interface VisitStorage {
  /** The anonymous visitor id: hash(daily secret salt, site, IP, user agent). */
  visitorHash(site: string, ip: string, userAgent: string): Promise<string>;
  /** Records a visit; answers whether it was counted (one per visitor per 30 minutes). */
  hit(site: string, hash: string): Promise<boolean>;
  /** Records a visit as `hit` does and answers the site's counts with it (what a POST answers), in one round trip. */
  visit(site: string, hash: string): Promise<Counts & { counted: boolean }>;
  counts(site: string): Promise<Counts>;
  /** The counts of several sites in one read (the province). */
  countsOf(sites: string[]): Promise<Map<string, Counts>>;
  exportCounts(): Promise<CountRecord[]>;
  /** Sets the totals and days given, in one transaction. */
  importCounts(records: CountRecord[]): Promise<void>;
}

export interface FeedStorage {
  /** Every stored copy (read once at start: a restart serves them before the first fetch). */
  readCopies(): Promise<UpstreamCopy[]>;
  /**
   * Stores the copy. Without `items`, the stored items stay, and the copy is written only if the stored row
   * holds the items it names (`itemsHash`, `configKey`): false when it does not (another hub wrote others), and
   * nothing was written — write it again with its items.
   */
  writeCopy(copy: UpstreamCopy): Promise<boolean>;
}

export interface HubStorage extends VisitStorage, FeedStorage {
  /** True while the database answers (for /healthz). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * What both storage engines share about counting visits, whatever the SQL:
 * the counting day in the configured time zone, today's salt (read once per
 * day from the database, where every hub on it finds the same one), the
 * visitor hash, the once-a-minute prune, the online count reused for a second,
 * and each site's starting total. An engine supplies the few statements
 * (SqliteStorage, PostgresStorage).
 *
 * Privacy: a visitor is sha256(day key, site, IP, user agent), cut to 132 bits,
 * where the day key is HMAC-SHA256(secret, day's salt): the salt is random,
 * stored, replaced every day, the old one deleted; the secret is not in the
 * database (visit-secret.ts). So the database alone links no hash to anyone,
 * and nobody can link a hash once its day's salt is gone. No IP address, user
 * agent or cookie is stored.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Counts, CountRecord } from '../storage.js';

/** A visitor stays "online" this long after a visit. */
export const ONLINE_WINDOW = 5 * 60_000;
/** One visitor is counted at most once in this window. */
export const COUNT_WINDOW = 30 * 60_000;
/** Hashes made before this long ago are needed by neither rule. */
const PRUNE_EVERY = 60_000;

export interface VisitStoreOptions {
  timeZone: string;
  /** Each site's total on a new database (an old counter carried over); absent sites start at 0. */
  starts?: Record<string, number>;
  /** Milliseconds since the epoch; tests move it. */
  clock?: () => number;
  /** How long one count of the online visitors is reused (default 1000 ms; tests use 0). */
  onlineCacheMs?: number;
  /** The secret the day's key is derived with (visit-secret.ts); without it, no visit can be hashed (export/import need none). */
  secret?: Buffer;
}

/** The database cannot be reached (or stopped answering): the request is refused with 503, never half-done. */
export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super(`database unavailable (${(cause as Error)?.message ?? String(cause)})`);
  }
}

interface Stored {
  total?: number;
  today?: number;
}

/** What one visit did: whether it was counted, and the site's total and day just after it. */
export interface Recorded {
  counted: boolean;
  total: number;
  today: number;
}

export abstract class VisitStore {
  protected readonly clock: () => number;
  readonly dayOf: (t: number) => string;
  /** The day's key, HMAC(secret, salt): only ever in memory. */
  private salt?: { day: string; value: Buffer };
  private saltLoading?: Promise<{ day: string; value: Buffer }>;
  private lastPrune = 0;
  private online?: { at: number; value: Map<string, number> };
  private onlineLoading?: Promise<Map<string, number>>;
  private maintenance?: ReturnType<typeof setInterval>;

  constructor(protected readonly visitOptions: VisitStoreOptions) {
    this.clock = visitOptions.clock ?? Date.now;
    const days = new Intl.DateTimeFormat('en-CA', { timeZone: visitOptions.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    // Formatting a date costs microseconds and every visit needs its day: formatted once a minute
    // (every time zone's offset is whole minutes, so a day always starts on a minute).
    let minute = NaN;
    let day = '';
    this.dayOf = (t) => {
      const m = Math.floor(t / 60_000);
      if (m !== minute) {
        minute = m;
        day = days.format(t);
      }
      return day;
    };
  }

  /** The day's salt: the stored one when it is that day's, else a fresh one stored (old hashes pruned), as one step. */
  protected abstract daySalt(day: string, now: number): Promise<Buffer>;
  /**
   * One visit in one transaction: answers whether it was counted (and so the
   * total and the day grew by one) and the site's total and day as it left them.
   */
  protected abstract record(site: string, hash: string, now: number, start: number): Promise<Recorded>;
  protected abstract readStored(sites: string[], day: string): Promise<Map<string, Stored>>;
  /** Distinct visitors seen since `since`, per site. */
  protected abstract readOnline(since: number): Promise<Map<string, number>>;
  protected abstract prune(before: number): Promise<void>;
  /** Every total and every day, for `portal-widgets-hub export`. */
  abstract exportCounts(): Promise<CountRecord[]>;
  /** Sets the totals and days given (others are kept), in one transaction: an import run twice gives the same counts. */
  abstract importCounts(records: CountRecord[]): Promise<void>;

  /**
   * Once a minute, visits or not: hashes past 30 minutes deleted, and after
   * midnight the old salt replaced (so a quiet night keeps nothing longer).
   */
  protected startMaintenance(): void {
    this.maintenance = setInterval(() => {
      const now = this.clock();
      this.lastPrune = now;
      void this.prune(now - COUNT_WINDOW)
        .then(() => this.visitOptions.secret && this.dayKey(now))
        .catch(() => {}); // the database is down: the next minute tries again
    }, PRUNE_EVERY);
    this.maintenance.unref();
  }

  protected stopMaintenance(): void {
    clearInterval(this.maintenance);
  }

  protected startOf(site: string): number {
    return this.visitOptions.starts?.[site] ?? 0;
  }

  private async dayKey(now: number): Promise<Buffer> {
    const day = this.dayOf(now);
    if (this.salt?.day === day) return this.salt.value;
    const secret = this.visitOptions.secret;
    if (!secret) throw new Error('no secret to key the visitor hashes with');
    if (!this.saltLoading) {
      const loading = this.daySalt(day, now).then((salt) => ({ day, value: createHmac('sha256', secret).update(salt).digest() }));
      this.saltLoading = loading;
      loading.then(
        (s) => ((this.salt = s), (this.saltLoading = undefined)),
        () => (this.saltLoading = undefined),
      );
    }
    const loaded = await this.saltLoading;
    return loaded.value;
  }

  /** The anonymous visitor id: sha256(today's key, site, IP, user agent). */
  async visitorHash(site: string, ip: string, userAgent: string): Promise<string> {
    const key = await this.dayKey(this.clock());
    return createHash('sha256').update(key).update(`\0${site}\0${ip}\0${userAgent}`).digest('base64url').slice(0, 22);
  }

  /**
   * Records a visit: the total grows by one per visitor per 30 minutes; every
   * visit marks the visitor online. Returns whether the visit was counted.
   */
  async hit(site: string, hash: string): Promise<boolean> {
    return (await this.visit(site, hash)).counted;
  }

  /**
   * Records a visit (as `hit`) and answers the site's counts with it: the
   * total and today from the visit's own transaction (one round trip to the
   * database, not two), online from the count reused for a second.
   */
  async visit(site: string, hash: string): Promise<Counts & { counted: boolean }> {
    const now = this.clock();
    if (now - this.lastPrune >= PRUNE_EVERY || now < this.lastPrune) {
      this.lastPrune = now;
      // Housekeeping, not this visit's business: the pruned hashes are past both rules' windows,
      // and a failed prune (the database busy or down) is tried again in a minute.
      void this.prune(now - COUNT_WINDOW).catch(() => {});
    }
    const [{ counted, total, today }, online] = await Promise.all([this.record(site, hash, now, this.startOf(site)), this.onlineAt(now)]);
    // The online count may be up to a second old: the visitor who just came in is online.
    return { total, online: Math.max(online.get(site) ?? 0, 1), today, counted };
  }

  async counts(site: string): Promise<Counts> {
    return (await this.countsOf([site])).get(site)!;
  }

  /** The counts of several sites in one read (the province). */
  async countsOf(sites: string[]): Promise<Map<string, Counts>> {
    const now = this.clock();
    const [stored, online] = await Promise.all([this.readStored(sites, this.dayOf(now)), this.onlineAt(now)]);
    return new Map(
      sites.map((site) => {
        const s = stored.get(site);
        return [site, { total: s?.total ?? this.startOf(site), online: online.get(site) ?? 0, today: s?.today ?? 0 }];
      }),
    );
  }

  /**
   * Counting the online window scans an index range: under load, one count a
   * second for every site is plenty, and the requests that find it expired
   * share the one reload rather than each scanning.
   */
  private async onlineAt(now: number): Promise<Map<string, number>> {
    const cached = this.online;
    if (cached && now - cached.at < (this.visitOptions.onlineCacheMs ?? 1000) && now >= cached.at) return cached.value;
    if (!this.onlineLoading) {
      const loading = this.readOnline(now - ONLINE_WINDOW);
      this.onlineLoading = loading;
      loading.then(
        (value) => ((this.online = { at: now, value }), (this.onlineLoading = undefined)),
        () => (this.onlineLoading = undefined),
      );
    }
    return this.onlineLoading;
  }
}

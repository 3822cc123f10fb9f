/**
 * The embedded storage: SQLite (better-sqlite3, WAL) in the data folder.
 *
 * Visits: per site, the total,
 * the visits of each day, and the hashes of visitors seen in the last 30
 * minutes — never an IP address, a user agent or a cookie. The hash is keyed by
 * a secret random salt that is replaced every day, so yesterday's hashes cannot
 * be linked to today's, nor to anyone once the salt is gone (as GoatCounter and
 * Plausible count).
 *
 * Feeds: one row per feed upstream with its last good items, validators and
 * status (the table `upstream_copies`).
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Counts, HubStorage, UpstreamCopy } from './storage.js';

export const ONLINE_WINDOW = 5 * 60_000;
export const COUNT_WINDOW = 30 * 60_000;

export interface StoreOptions {
  dataDir: string;
  timeZone: string;
  counterStart?: number;
  /** Milliseconds since the epoch; tests move it. */
  clock?: () => number;
  /** How long one count of the online visitors is reused (default 1000 ms; tests use 0). */
  onlineCacheMs?: number;
}

/** The columns of `upstream_copies`, as {@link UpstreamCopy} names them (SQL NULL for a missing value). */
const COPY_FIELDS = ['feed', 'upstream', 'items', 'etag', 'lastModified', 'lastSuccess', 'lastError', 'lastAttempt', 'failures'] as const;
const column = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export class SqliteStorage implements HubStorage {
  readonly db: Database.Database;
  private readonly clock: () => number;
  private readonly dayOf: (t: number) => string;
  private salt?: { day: string; value: Buffer };
  private lastPrune = 0;
  private online = new Map<string, { at: number; value: number }>();
  private readonly stmt;
  private readonly record;

  constructor(private readonly options: StoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.clock = options.clock ?? Date.now;
    const days = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.dayOf = (t) => days.format(t);
    const db = (this.db = new Database(path.join(options.dataDir, 'visits.sqlite')));
    db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL loses no committed transaction when the process dies
    // (only on a power cut), and spares an fsync per visit.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A replaced salt is overwritten on disk, not just unlinked from the b-tree.
    db.pragma('secure_delete = ON');
    db.exec(`
      CREATE TABLE IF NOT EXISTS salt (id INTEGER PRIMARY KEY CHECK (id = 1), day TEXT NOT NULL, value BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS totals (site TEXT PRIMARY KEY, total INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS days (site TEXT NOT NULL, day TEXT NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (site, day)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS visitors (
        site TEXT NOT NULL, hash TEXT NOT NULL, last_seen INTEGER NOT NULL, last_counted INTEGER NOT NULL,
        PRIMARY KEY (site, hash)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS visitors_seen ON visitors (site, last_seen);
      CREATE TABLE IF NOT EXISTS upstream_copies (
        feed TEXT NOT NULL, upstream TEXT NOT NULL, items TEXT, etag TEXT, last_modified TEXT,
        last_success INTEGER, last_error TEXT, last_attempt INTEGER, failures INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (feed, upstream)) WITHOUT ROWID;
    `);
    this.stmt = {
      salt: db.prepare<[], { day: string; value: Buffer }>('SELECT day, value FROM salt WHERE id = 1'),
      setSalt: db.prepare('INSERT OR REPLACE INTO salt (id, day, value) VALUES (1, ?, ?)'),
      visitor: db.prepare<[string, string], { last_counted: number }>('SELECT last_counted FROM visitors WHERE site = ? AND hash = ?'),
      upsertVisitor: db.prepare(
        'INSERT INTO visitors (site, hash, last_seen, last_counted) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (site, hash) DO UPDATE SET last_seen = excluded.last_seen, last_counted = excluded.last_counted',
      ),
      startTotal: db.prepare('INSERT OR IGNORE INTO totals (site, total) VALUES (?, ?)'),
      addTotal: db.prepare('UPDATE totals SET total = total + 1 WHERE site = ?'),
      addDay: db.prepare('INSERT INTO days (site, day, visits) VALUES (?, ?, 1) ON CONFLICT (site, day) DO UPDATE SET visits = visits + 1'),
      total: db.prepare<[string], { total: number }>('SELECT total FROM totals WHERE site = ?'),
      day: db.prepare<[string, string], { visits: number }>('SELECT visits FROM days WHERE site = ? AND day = ?'),
      online: db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM visitors WHERE site = ? AND last_seen >= ?'),
      prune: db.prepare('DELETE FROM visitors WHERE last_seen < ?'),
      copies: db.prepare<[], Record<string, unknown>>(`SELECT ${COPY_FIELDS.map((f) => `${column(f)} AS ${f}`).join(', ')} FROM upstream_copies`),
      writeCopy: db.prepare(
        `INSERT OR REPLACE INTO upstream_copies (${COPY_FIELDS.map(column).join(', ')}) VALUES (${COPY_FIELDS.map((f) => `@${f}`).join(', ')})`,
      ),
    };
    this.record = db.transaction((site: string, hash: string, now: number): boolean => {
      const seen = this.stmt.visitor.get(site, hash);
      const counted = !seen || now - seen.last_counted >= COUNT_WINDOW;
      this.stmt.upsertVisitor.run(site, hash, now, counted ? now : seen.last_counted);
      if (counted) {
        this.stmt.startTotal.run(site, this.options.counterStart ?? 0);
        this.stmt.addTotal.run(site);
        this.stmt.addDay.run(site, this.dayOf(now));
      }
      return counted;
    });
  }

  /** Today's salt, made (and yesterday's deleted) on the first request of a new day. */
  private currentSalt(now: number): Buffer {
    const day = this.dayOf(now);
    if (this.salt?.day === day) return this.salt.value;
    const stored = this.stmt.salt.get();
    if (stored && stored.day === day) return (this.salt = stored).value;
    const fresh = { day, value: randomBytes(32) };
    this.db.transaction(() => {
      this.stmt.setSalt.run(day, fresh.value);
      // Hashes made with the old salt can never match again: keep only those the
      // "online" window still needs.
      this.stmt.prune.run(now - ONLINE_WINDOW);
    })();
    return (this.salt = fresh).value;
  }

  /** The salt's day, for tests and the README's claims (the salt itself never leaves the store). */
  saltDay(): string | undefined {
    return this.stmt.salt.get()?.day;
  }

  /** The anonymous visitor id: hash(salt, site, IP, user agent). */
  async visitorHash(site: string, ip: string, userAgent: string): Promise<string> {
    return this.visitorHashNow(site, ip, userAgent);
  }

  /** {@link visitorHash} without the promise (tests of the salt). */
  visitorHashNow(site: string, ip: string, userAgent: string): string {
    const salt = this.currentSalt(this.clock());
    return createHash('sha256').update(salt).update(`\0${site}\0${ip}\0${userAgent}`).digest('base64url').slice(0, 22);
  }

  /**
   * Records a visit: the total grows by one per visitor per 30 minutes; every
   * visit marks the visitor online. Returns whether the visit was counted.
   */
  async hit(site: string, hash: string): Promise<boolean> {
    const now = this.clock();
    this.maybePrune(now);
    return this.record(site, hash, now);
  }

  async counts(site: string): Promise<Counts> {
    const now = this.clock();
    const total = this.stmt.total.get(site)?.total ?? this.options.counterStart ?? 0;
    const today = this.stmt.day.get(site, this.dayOf(now))?.visits ?? 0;
    // Counting the online window scans an index range: under load, one count a second is plenty
    // (a visitor who just came in is still counted: see the server's answer to a POST).
    let online = this.online.get(site);
    if (!online || now - online.at >= (this.options.onlineCacheMs ?? 1000) || now < online.at) {
      online = { at: now, value: this.stmt.online.get(site, now - ONLINE_WINDOW)!.n };
      this.online.set(site, online);
    }
    return { total, online: online.value, today };
  }

  /** Visitors not seen for 30 minutes are needed by neither rule: forget them (once a minute at most). */
  private maybePrune(now: number): void {
    if (now - this.lastPrune < 60_000 && now >= this.lastPrune) return;
    this.lastPrune = now;
    this.stmt.prune.run(now - COUNT_WINDOW);
  }

  async readCopies(): Promise<UpstreamCopy[]> {
    return this.stmt.copies.all().map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as unknown as UpstreamCopy);
  }

  async writeCopy(copy: UpstreamCopy): Promise<void> {
    this.stmt.writeCopy.run(Object.fromEntries(COPY_FIELDS.map((f) => [f, copy[f] ?? null])));
  }

  async healthy(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * The embedded storage: SQLite (better-sqlite3, WAL) in the data folder, for one
 * hub process (PostgreSQL when several share the state: storage/postgres-storage.ts).
 *
 * Visits (the rules are VisitStore's): per site, the total, the visits of each
 * day, and the hashes of visitors seen in the last 30 minutes — never an IP
 * address, a user agent or a cookie — with today's salt.
 *
 * Feeds: one row per feed upstream with its last good items, validators and
 * status (the table `upstream_copies`).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_TABLE_SQL, pending } from './storage/migrations.js';
import { copyOfRow, copyUpsert, rowOfCopy, type CopyRow } from './storage/copy-rows.js';
import { COUNT_WINDOW, ONLINE_WINDOW, VisitStore, type Recorded, type VisitStoreOptions } from './storage/visit-store.js';
import type { CountRecord, HubStorage, UpstreamCopy } from './storage.js';

export { COUNT_WINDOW, ONLINE_WINDOW } from './storage/visit-store.js';

export interface StoreOptions extends VisitStoreOptions {
  dataDir: string;
}

/** Brings the database to the newest schema version, each migration in one transaction. */
function migrate(db: Database.Database, now: number): void {
  db.exec(MIGRATIONS_TABLE_SQL);
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all();
  const mark = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending(applied.map((r) => r.version)))
    db.transaction(() => {
      db.exec(m.sqlite);
      mark.run(m.version, m.name, now);
    })();
}

export class SqliteStorage extends VisitStore implements HubStorage {
  readonly db: Database.Database;
  private readonly stmt;
  private readonly recordVisit;
  private readonly replaceSalt;
  private readonly importAll;

  constructor(options: StoreOptions) {
    super(options);
    mkdirSync(options.dataDir, { recursive: true });
    const db = (this.db = new Database(path.join(options.dataDir, 'visits.sqlite')));
    db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL loses no committed transaction when the process dies
    // (only on a power cut), and spares an fsync per visit.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A replaced salt is overwritten on disk, not just unlinked from the b-tree.
    db.pragma('secure_delete = ON');
    migrate(db, this.clock());
    this.stmt = {
      salt: db.prepare<[], { day: string; value: Buffer }>('SELECT day, value FROM salt WHERE id = 1'),
      setSalt: db.prepare('INSERT OR REPLACE INTO salt (id, day, value) VALUES (1, ?, ?)'),
      visitor: db.prepare<[string, string], { last_counted: number }>('SELECT last_counted FROM visitors WHERE site = ? AND hash = ?'),
      upsertVisitor: db.prepare(
        'INSERT INTO visitors (site, hash, last_seen, last_counted) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (site, hash) DO UPDATE SET last_seen = excluded.last_seen, last_counted = excluded.last_counted',
      ),
      addTotal: db.prepare('INSERT INTO totals (site, total) VALUES (?, ?) ON CONFLICT (site) DO UPDATE SET total = total + 1'),
      addDay: db.prepare('INSERT INTO days (site, day, visits) VALUES (?, ?, 1) ON CONFLICT (site, day) DO UPDATE SET visits = visits + 1'),
      total: db.prepare<[string], { total: number }>('SELECT total FROM totals WHERE site = ?'),
      day: db.prepare<[string, string], { visits: number }>('SELECT visits FROM days WHERE site = ? AND day = ?'),
      online: db.prepare<[number], { site: string; n: number }>('SELECT site, count(*) AS n FROM visitors WHERE last_seen >= ? GROUP BY site'),
      prune: db.prepare('DELETE FROM visitors WHERE last_seen < ?'),
      totals: db.prepare<[], { site: string; total: number }>('SELECT site, total FROM totals ORDER BY site'),
      days: db.prepare<[], { site: string; day: string; visits: number }>('SELECT site, day, visits FROM days ORDER BY site, day'),
      setTotal: db.prepare('INSERT INTO totals (site, total) VALUES (?, ?) ON CONFLICT (site) DO UPDATE SET total = excluded.total'),
      setDay: db.prepare('INSERT INTO days (site, day, visits) VALUES (?, ?, ?) ON CONFLICT (site, day) DO UPDATE SET visits = excluded.visits'),
      copies: db.prepare<[], CopyRow>('SELECT * FROM upstream_copies'),
      writeCopy: db.prepare(copyUpsert((c) => `@${c}`)),
    };
    this.recordVisit = db.transaction((site: string, hash: string, now: number, start: number): Recorded => {
      const seen = this.stmt.visitor.get(site, hash);
      const counted = !seen || now - seen.last_counted >= COUNT_WINDOW;
      this.stmt.upsertVisitor.run(site, hash, now, counted ? now : seen.last_counted);
      const day = this.dayOf(now);
      if (counted) {
        this.stmt.addTotal.run(site, start + 1);
        this.stmt.addDay.run(site, day);
      }
      return { counted, total: this.stmt.total.get(site)?.total ?? start, today: this.stmt.day.get(site, day)?.visits ?? 0 };
    });
    this.replaceSalt = db.transaction((day: string, now: number): Buffer => {
      const stored = this.stmt.salt.get();
      if (stored && stored.day >= day) return stored.value;
      const value = randomBytes(32);
      this.stmt.setSalt.run(day, value);
      // Hashes made with the old salt can never match again: keep only those the
      // "online" window still needs.
      this.stmt.prune.run(now - ONLINE_WINDOW);
      return value;
    });
    this.importAll = db.transaction((records: CountRecord[]) => {
      for (const r of records) {
        if ('total' in r) this.stmt.setTotal.run(r.site, r.total);
        else this.stmt.setDay.run(r.site, r.day, r.visits);
      }
    });
    this.startMaintenance();
  }

  protected async daySalt(day: string, now: number): Promise<Buffer> {
    return this.replaceSalt(day, now);
  }

  /** The salt's day, for tests and the docs' claims (the salt itself never leaves the store). */
  saltDay(): string | undefined {
    return this.stmt.salt.get()?.day;
  }

  protected async record(site: string, hash: string, now: number, start: number): Promise<Recorded> {
    return this.recordVisit(site, hash, now, start);
  }

  protected async readStored(sites: string[], day: string) {
    return new Map(sites.map((site) => [site, { total: this.stmt.total.get(site)?.total, today: this.stmt.day.get(site, day)?.visits }]));
  }

  protected async readOnline(since: number): Promise<Map<string, number>> {
    return new Map(this.stmt.online.all(since).map((r) => [r.site, r.n]));
  }

  protected async prune(before: number): Promise<void> {
    this.stmt.prune.run(before);
  }

  async exportCounts(): Promise<CountRecord[]> {
    return [...this.stmt.totals.all(), ...this.stmt.days.all()];
  }

  async importCounts(records: CountRecord[]): Promise<void> {
    this.importAll(records);
  }

  async readCopies(): Promise<UpstreamCopy[]> {
    return this.stmt.copies.all().map(copyOfRow);
  }

  async writeCopy(c: UpstreamCopy): Promise<boolean> {
    return this.stmt.writeCopy.run(rowOfCopy(c)).changes > 0;
  }

  async healthy(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    this.stopMaintenance();
    if (this.db.open) this.db.close();
  }
}

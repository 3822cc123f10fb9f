/**
 * The shared storage: PostgreSQL (the `pg` driver), for several hub processes
 * on one database. The same schema (migrations.ts), the same interface and the
 * same tests as SQLite. What makes several hubs count exactly:
 *
 * - each visit is recorded in exactly one transaction, committed before its
 *   answer: a call of the function `record_visits` (migrations.ts, version 5)
 *   that holds the visits which arrived while the hub's previous calls were
 *   committing (group commit, visit-batches.ts; a quiet hub's visit leaves at
 *   once, alone). Per visit: the visitor inserted and, only if it was new, the
 *   total and the day incremented; a repeat visitor's row is locked
 *   (FOR UPDATE) while the 30-minute rule is decided, so two hubs never both
 *   count it; every call locks rows in one order, so two hubs' calls never
 *   deadlock; each visit answers the total and the day just after it;
 * - the day's salt is a row every hub reads: the first hub of a new day stores
 *   a fresh one only if the stored one is older (a conditional upsert), and
 *   every other hub then reads that one;
 * - "online" is counted from the shared visitors table, so every hub answers
 *   the same figure (each reuses its count for up to a second).
 *
 * When the database is down, every call fails fast with StorageUnavailable
 * (503 to the visitor, nothing acknowledged) and the pool reconnects by itself.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CountRecord, HubStorage, UpstreamCopy } from '../storage.js';
import { COPY_COLUMNS, copyOfRow, copyUpsert, rowOfCopy, type CopyRow } from './copy-rows.js';
import { MIGRATIONS_TABLE_SQL, pending } from './migrations.js';
import { VisitConnections } from './visit-connections.js';
import { VisitBatches, type Visit } from './visit-batches.js';
import { COUNT_WINDOW, ONLINE_WINDOW, StorageUnavailable, VisitStore, type Recorded, type VisitStoreOptions } from './visit-store.js';

export interface PostgresOptions extends VisitStoreOptions {
  /**
   * postgres://user:password@host:port/database (from DATABASE_URL: a secret, never in the config file);
   * `?host=/var/run/postgresql` for the Unix socket of a database on the same machine.
   */
  url: string;
  /** Connections this hub keeps for its other statements (default 10; opened as needed). */
  poolSize?: number;
  /**
   * Calls of `record_visits` committing at once (default 2), each on a connection of its own
   * (visit-batches.ts): the visits that arrive meanwhile wait and leave together in the next.
   */
  visitCalls?: number;
  /** Milliseconds the database gives a statement before it cancels and rolls it back (default 7000; tests shorten it). */
  statementTimeout?: number;
}

/** BIGINT columns (totals, milliseconds) as numbers: every value the hub keeps is far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Errors that mean "the database is not reachable now", as opposed to a bug in a statement. */
function unavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && /^(08|57P|53|ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|ENOENT)/.test(err.code)) return true;
  return /Connection terminated|timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(String(err?.message));
}

/** Rethrows a failed statement's error, as StorageUnavailable (a 503) when the database is not reachable. */
function asUnavailable(e: unknown): never {
  throw unavailable(e) ? new StorageUnavailable(e) : e;
}

/** SQLSTATE deadlock_detected: the transaction was rolled back, nothing of it kept. */
const DEADLOCK = '40P01';

/**
 * The visitors last seen before $1, but not those a visit's call holds locked (SKIP LOCKED): such a
 * visitor is being seen now, and a delete that waited for it while holding rows the call waits
 * for would deadlock with it (a call's locks come in one order, a delete's in another).
 */
const DELETE_SEEN_BEFORE = 'DELETE FROM visitors WHERE ctid IN (SELECT ctid FROM visitors WHERE last_seen < $1 FOR UPDATE SKIP LOCKED)';

const MIGRATION_LOCK = 7_261_201; // any constant: every hub takes the same advisory lock

export class PostgresStorage extends VisitStore implements HubStorage {
  readonly pool: pg.Pool;
  private readonly visitConnections: VisitConnections;
  private readonly visitBatches: VisitBatches<Recorded>;
  /** For the migrations and an import: the same connection, without the statements' time bounds. */
  private readonly unboundedConfig: pg.ClientConfig;

  /** Connects, brings the schema to the newest version (one hub at a time), and answers the store. */
  static async open(options: PostgresOptions): Promise<PostgresStorage> {
    const store = new PostgresStorage(options);
    try {
      await store.migrate();
    } catch (e) {
      await store.close();
      throw e;
    }
    store.startMaintenance();
    return store;
  }

  private constructor(options: PostgresOptions) {
    super(options);
    const connection: pg.ClientConfig = {
      connectionString: options.url,
      // Waiting for a free connection counts here too: under a burst, requests queue for the pool.
      // A database that is down refuses at once (ECONNREFUSED), whatever these are.
      connectionTimeoutMillis: 8000,
      // The server gives up first and rolls the statement back, so a visit answered "not recorded"
      // was not; the client's own bound only catches a server that stopped answering at all (or
      // stalled in a commit, past the statement: such a visit may have been kept, and its retry
      // within 30 minutes is not counted again).
      statement_timeout: options.statementTimeout ?? 7000,
      query_timeout: (options.statementTimeout ?? 7000) + 3000,
      types,
    };
    this.unboundedConfig = { ...connection, statement_timeout: undefined, query_timeout: undefined };
    this.pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
    // An idle connection cut by a database restart: dropped from the pool, never a crash.
    this.pool.on('error', () => {});
    const calls = options.visitCalls ?? 2;
    this.visitConnections = new VisitConnections(connection, calls);
    this.visitBatches = new VisitBatches((visits) => this.recordTogether(visits), { inFlight: calls });
  }

  /** A statement on any connection of the pool; a `name`d one is parsed and planned once per connection. */
  private query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], name?: string): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>({ text: sql, values: params, name }).catch(asUnavailable);
  }

  /**
   * A connection of the pool, for several statements. A connection cut between
   * two of them (the database stopping) emits 'error', which the pool does not
   * listen for while it is lent out: listened for here, or the process would die.
   * `unbounded`: a connection of its own without the statements' time bounds
   * (a migration may rewrite a large table, an import write years of days).
   */
  private async connect(unbounded = false): Promise<pg.ClientBase & { done(error?: Error): void }> {
    let client: pg.PoolClient | pg.Client;
    try {
      if (unbounded) {
        client = new pg.Client(this.unboundedConfig);
        await client.connect();
      } else client = await this.pool.connect();
    } catch (e) {
      throw new StorageUnavailable(e);
    }
    const ignore = () => {};
    client.on('error', ignore);
    return Object.assign(client, {
      done: (error?: Error) => {
        client.off('error', ignore);
        if ('release' in client) client.release(error);
        else void client.end().catch(() => {});
      },
    });
  }

  /** `fn` inside BEGIN … COMMIT on one connection; rolled back on any error. */
  private async transaction<T>(fn: (client: pg.ClientBase) => Promise<T>, unbounded = false): Promise<T> {
    const client = await this.connect(unbounded);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      broken = e as Error;
      await client.query('ROLLBACK').catch(() => {});
      return asUnavailable(e);
    } finally {
      // A connection that failed is not given back to the pool (it may be dead).
      client.done(broken && unavailable(broken) ? broken : undefined);
    }
  }

  private async migrate(): Promise<void> {
    const client = await this.connect(true);
    try {
      // Hubs started together: one migrates, the others wait and then find nothing left to do.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(MIGRATIONS_TABLE_SQL);
      const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      for (const m of pending(applied.rows.map((r) => r.version))) {
        await client.query('BEGIN');
        try {
          await client.query(m.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, this.clock()]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw e;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.done();
    }
  }

  /** The schema versions applied (tests). */
  async schemaVersions(): Promise<number[]> {
    return (await this.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
  }

  protected async daySalt(day: string, now: number): Promise<Buffer> {
    const stored = (await this.query<{ day: string; value: Buffer }>('SELECT day, value FROM salt WHERE id = 1')).rows[0];
    if (stored && stored.day >= day) return stored.value;
    return this.transaction(async (c) => {
      // Only the first hub of the day replaces it; the others keep (and then read) that one.
      const replaced = await c.query(
        'INSERT INTO salt (id, day, value) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET day = excluded.day, value = excluded.value WHERE salt.day < excluded.day',
        [day, randomBytes(32)],
      );
      // Hashes made with the old salt can never match again: keep only those the "online" window still needs.
      if (replaced.rowCount) await c.query(DELETE_SEEN_BEFORE, [now - ONLINE_WINDOW]);
      return (await c.query<{ value: Buffer }>('SELECT value FROM salt WHERE id = 1')).rows[0].value;
    });
  }

  /** The salt's day (tests and the docs' claims). */
  async saltDay(): Promise<string | undefined> {
    return (await this.query<{ day: string }>('SELECT day FROM salt WHERE id = 1')).rows[0]?.day;
  }

  protected record(site: string, hash: string, now: number, start: number): Promise<Recorded> {
    return this.visitBatches.record({ site, hash, now, start });
  }

  /** The visits given, in one call of `record_visits`: one transaction, answered in their order. */
  private async recordTogether(visits: Visit[]): Promise<Recorded[]> {
    const query: pg.QueryArrayConfig = {
      text: 'SELECT counted, site_total, site_today FROM record_visits($1, $2, $3, $4, $5, $6)',
      values: [visits.map((v) => v.site), visits.map((v) => v.hash), visits.map((v) => v.now), visits.map((v) => v.start), visits.map((v) => this.dayOf(v.now)), COUNT_WINDOW],
      name: 'record_visits',
      // Rows as arrays: no object built per visit from the field names.
      rowMode: 'array',
    };
    type Row = [counted: boolean, total: number | null, today: number | null];
    let rows: Row[] | undefined;
    for (let attempt = 1; !rows; attempt++) {
      try {
        rows = (await this.visitConnections.query<Row>(query)).rows;
      } catch (e) {
        // Every call locks in one order and the deletes skip what a call holds, so no deadlock is
        // expected; should one happen all the same, the aborted call committed nothing: sent again.
        if ((e as { code?: string }).code !== DEADLOCK) return asUnavailable(e);
        if (attempt === 3) throw new StorageUnavailable(e);
      }
    }
    if (rows.length !== visits.length) throw new Error(`record_visits answered ${rows.length} rows for ${visits.length} visits`);
    return rows.map(([counted, total, today], i) => ({ counted, total: total ?? visits[i].start, today: today ?? 0 }));
  }

  protected async readStored(sites: string[], day: string) {
    const { rows } = await this.query<{ site: string; total: number | null; visits: number | null }>(
      'SELECT s.site, t.total, d.visits FROM unnest($1::text[]) AS s(site) LEFT JOIN totals t ON t.site = s.site LEFT JOIN days d ON d.site = s.site AND d.day = $2',
      [sites, day],
      'read_stored',
    );
    return new Map(rows.map((r) => [r.site, { total: r.total ?? undefined, today: r.visits ?? undefined }]));
  }

  protected async readOnline(since: number): Promise<Map<string, number>> {
    const { rows } = await this.query<{ site: string; n: number }>('SELECT site, count(*)::int AS n FROM visitors WHERE last_seen >= $1 GROUP BY site', [since], 'read_online');
    return new Map(rows.map((r) => [r.site, r.n]));
  }

  protected async prune(before: number): Promise<void> {
    await this.query(DELETE_SEEN_BEFORE, [before]);
  }

  async exportCounts(): Promise<CountRecord[]> {
    const totals = await this.query<{ site: string; total: number }>('SELECT site, total FROM totals ORDER BY site');
    const days = await this.query<{ site: string; day: string; visits: number }>('SELECT site, day, visits FROM days ORDER BY site, day');
    return [...totals.rows, ...days.rows];
  }

  async importCounts(records: CountRecord[]): Promise<void> {
    const totals = records.filter((r): r is Extract<CountRecord, { total: number }> => 'total' in r);
    const days = records.filter((r): r is Extract<CountRecord, { day: string }> => 'day' in r);
    // Rows in key order, the order record_visits locks them in: an import beside running hubs does not deadlock with their calls.
    await this.transaction(async (c) => {
      await c.query(
        'INSERT INTO totals (site, total) SELECT * FROM unnest($1::text[], $2::int8[]) AS r(site, total) ORDER BY site ON CONFLICT (site) DO UPDATE SET total = excluded.total',
        [totals.map((r) => r.site), totals.map((r) => r.total)],
      );
      await c.query(
        'INSERT INTO days (site, day, visits) SELECT * FROM unnest($1::text[], $2::text[], $3::int8[]) AS r(site, day, visits) ORDER BY site, day ON CONFLICT (site, day) DO UPDATE SET visits = excluded.visits',
        [days.map((r) => r.site), days.map((r) => r.day), days.map((r) => r.visits)],
      );
    }, true);
  }

  async readCopies(): Promise<UpstreamCopy[]> {
    return (await this.query<CopyRow>('SELECT * FROM upstream_copies')).rows.map(copyOfRow);
  }

  async writeCopy(c: UpstreamCopy): Promise<boolean> {
    const row = rowOfCopy(c);
    const { rowCount } = await this.query(copyUpsert((_, i) => `$${i + 1}`), COPY_COLUMNS.map((k) => row[k]), 'write_copy');
    return !!rowCount;
  }

  async healthy(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private closed?: Promise<void>;
  async close(): Promise<void> {
    this.stopMaintenance();
    // The visits' calls in flight finish and are answered before their connections close.
    await (this.closed ??= this.visitBatches.close().then(() => Promise.all([this.pool.end(), this.visitConnections.end()])).then(() => {}));
  }
}

/**
 * The hub's schema, as numbered migrations run at start on either engine. Each
 * migration is written once per engine (the SQL dialects differ in types and
 * upserts, not in tables); `schema_migrations` records the versions applied,
 * so a database is only ever moved forward, in order, each step in one
 * transaction. Never edit a released migration: add the next one.
 *
 * Version 1 is the schema the hub shipped with before migrations existed
 * (`CREATE … IF NOT EXISTS`), so such a database is adopted as it is.
 */

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'visits and feed copies',
    sqlite: `
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
        PRIMARY KEY (feed, upstream)) WITHOUT ROWID;`,
    postgres: `
      CREATE TABLE salt (id INTEGER PRIMARY KEY CHECK (id = 1), day TEXT NOT NULL, value BYTEA NOT NULL);
      CREATE TABLE totals (site TEXT PRIMARY KEY, total BIGINT NOT NULL);
      CREATE TABLE days (site TEXT NOT NULL, day TEXT NOT NULL, visits BIGINT NOT NULL, PRIMARY KEY (site, day));
      CREATE TABLE visitors (
        site TEXT NOT NULL, hash TEXT NOT NULL, last_seen BIGINT NOT NULL, last_counted BIGINT NOT NULL,
        PRIMARY KEY (site, hash));
      CREATE INDEX visitors_seen ON visitors (site, last_seen);
      CREATE TABLE upstream_copies (
        feed TEXT NOT NULL, upstream TEXT NOT NULL, items TEXT, etag TEXT, last_modified TEXT,
        last_success BIGINT, last_error TEXT, last_attempt BIGINT, failures INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (feed, upstream));`,
  },
  {
    version: 2,
    name: 'prune visitors by last visit across sites',
    // The once-a-minute prune deletes by last_seen over every site: an index of its own, not a full scan.
    sqlite: 'CREATE INDEX IF NOT EXISTS visitors_last_seen ON visitors (last_seen);',
    postgres: 'CREATE INDEX visitors_last_seen ON visitors (last_seen);',
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export const MIGRATIONS_TABLE_SQL = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';

/** The migrations a database at `applied` (the versions it has) still needs, in order. */
export function pending(applied: Iterable<number>): Migration[] {
  const done = new Set(applied);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}

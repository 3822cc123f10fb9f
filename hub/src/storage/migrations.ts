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
  {
    version: 3,
    name: 'one visit in one call (PostgreSQL)',
    // SQLite runs in the hub's process: its prepared statements in one transaction cost no round trip.
    sqlite: '-- nothing: the visit is recorded by the hub\'s own statements',
    // A visit was BEGIN, up to four statements and COMMIT, each a round trip from the hub and
    // a statement parsed by the database: here it is one call, one transaction, plans kept by
    // the function. The 30-minute rule's window is the hub's (given), so it lives in one place.
    postgres: `
      CREATE FUNCTION record_visit(v_site text, v_hash text, v_now bigint, v_first_total bigint, v_day text, v_window bigint,
                                   OUT counted boolean, OUT site_total bigint, OUT site_today bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        counted_before bigint;
      BEGIN
        -- A first visit (most of them). Another transaction inserting the same visitor is waited for.
        INSERT INTO visitors (site, hash, last_seen, last_counted) VALUES (v_site, v_hash, v_now, v_now)
          ON CONFLICT (site, hash) DO NOTHING;
        counted := FOUND;
        IF NOT counted THEN
          -- Seen before: the row stays locked until the decision is committed, so two hubs never both count it.
          SELECT v.last_counted INTO counted_before FROM visitors v WHERE v.site = v_site AND v.hash = v_hash FOR UPDATE;
          counted := counted_before IS NULL OR v_now - counted_before >= v_window;
          INSERT INTO visitors AS v (site, hash, last_seen, last_counted) VALUES (v_site, v_hash, v_now, v_now)
            ON CONFLICT (site, hash) DO UPDATE SET last_seen = GREATEST(v.last_seen, excluded.last_seen),
              last_counted = CASE WHEN counted THEN excluded.last_counted ELSE v.last_counted END;
        END IF;
        IF counted THEN
          INSERT INTO totals AS t (site, total) VALUES (v_site, v_first_total)
            ON CONFLICT (site) DO UPDATE SET total = t.total + 1 RETURNING t.total INTO site_total;
          INSERT INTO days AS d (site, day, visits) VALUES (v_site, v_day, 1)
            ON CONFLICT (site, day) DO UPDATE SET visits = d.visits + 1 RETURNING d.visits INTO site_today;
        ELSE
          SELECT t.total INTO site_total FROM totals t WHERE t.site = v_site;
          SELECT d.visits INTO site_today FROM days d WHERE d.site = v_site AND d.day = v_day;
        END IF;
      END $$;`,
  },
  {
    version: 4,
    name: 'drop the unused per-site index of last visits',
    // Online and prune both read last_seen over every site (visitors_last_seen): the per-site
    // index served no query, and cost every visit one more index entry to write.
    sqlite: 'DROP INDEX IF EXISTS visitors_seen;',
    postgres: 'DROP INDEX IF EXISTS visitors_seen;',
  },
  {
    version: 5,
    name: 'the visits that arrive together in one call (PostgreSQL)',
    sqlite: '-- nothing: the visit is recorded by the hub\'s own statements',
    // A durable commit is most of a visit's cost to the server (its WAL flush, the backend woken):
    // the visits a hub receives while its previous call commits go in one call, one transaction,
    // each answered only after that commit. Each visit is decided as record_visit decides it, and
    // a visitor pruned between the insert's conflict and its lock is inserted again rather than
    // counted by two hubs (record_visit stays, for hubs of version 3 during an upgrade). Rows are
    // locked in one order in every call, visitors by (site, hash), then totals by site, then days
    // by (site, day), so two hubs' calls never wait for each other in a cycle; the deletes of old
    // visitors skip the rows a call holds (postgres-storage.ts), so they never wait for one either.
    // Each visit answers the total and the day just after it: the call's final figures less the
    // visits counted after it in that order.
    postgres: `
      CREATE FUNCTION record_visits(v_sites text[], v_hashes text[], v_nows bigint[], v_starts bigint[], v_days text[], v_window bigint)
      RETURNS TABLE (counted boolean, site_total bigint, site_today bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        i int;
        counted_before bigint;
        was_counted boolean;
        flags boolean[] := array_fill(false, ARRAY[cardinality(v_sites)]);
        g record;
      BEGIN
        FOR i IN SELECT u.o FROM unnest(v_sites, v_hashes) WITH ORDINALITY AS u(s, h, o) ORDER BY u.s, u.h, u.o LOOP
          LOOP
            -- A first visit (most of them). Another transaction inserting the same visitor is waited for.
            INSERT INTO visitors (site, hash, last_seen, last_counted) VALUES (v_sites[i], v_hashes[i], v_nows[i], v_nows[i])
              ON CONFLICT (site, hash) DO NOTHING;
            was_counted := FOUND;
            EXIT WHEN was_counted;
            -- Seen before: the row stays locked until the decision is committed, so two hubs never both count it.
            SELECT v.last_counted INTO counted_before FROM visitors v WHERE v.site = v_sites[i] AND v.hash = v_hashes[i] FOR UPDATE;
            IF FOUND THEN
              was_counted := v_nows[i] - counted_before >= v_window;
              UPDATE visitors SET last_seen = GREATEST(last_seen, v_nows[i]), last_counted = CASE WHEN was_counted THEN v_nows[i] ELSE last_counted END
                WHERE site = v_sites[i] AND hash = v_hashes[i];
              EXIT;
            END IF;
            -- Pruned between the two statements: inserted again (or found again, if another hub did it first).
          END LOOP;
          flags[i] := was_counted;
        END LOOP;
        FOR g IN SELECT u.s, min(u.st) AS st, count(*) AS n FROM unnest(v_sites, v_starts, flags) AS u(s, st, c)
                 WHERE u.c GROUP BY u.s ORDER BY u.s LOOP
          INSERT INTO totals AS t (site, total) VALUES (g.s, g.st + g.n) ON CONFLICT (site) DO UPDATE SET total = t.total + g.n;
        END LOOP;
        FOR g IN SELECT u.s, u.d, count(*) AS n FROM unnest(v_sites, v_days, flags) AS u(s, d, c)
                 WHERE u.c GROUP BY u.s, u.d ORDER BY u.s, u.d LOOP
          INSERT INTO days AS d (site, day, visits) VALUES (g.s, g.d, g.n) ON CONFLICT (site, day) DO UPDATE SET visits = d.visits + g.n;
        END LOOP;
        RETURN QUERY
          SELECT u.c,
                 t.total - count(*) FILTER (WHERE u.c) OVER (PARTITION BY u.s ORDER BY u.h, u.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
                 d.visits - count(*) FILTER (WHERE u.c) OVER (PARTITION BY u.s, u.d ORDER BY u.h, u.o ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
          FROM unnest(v_sites, v_hashes, v_days, flags) WITH ORDINALITY AS u(s, h, d, c, o)
          LEFT JOIN totals t ON t.site = u.s
          LEFT JOIN days d ON d.site = u.s AND d.day = u.d
          ORDER BY u.o;
      END $$;`,
  },
  {
    version: 6,
    name: 'the config each feed copy was read with',
    // A copy read with another map, name or home URL is fetched again whole (feeds.ts configKey).
    sqlite: 'ALTER TABLE upstream_copies ADD COLUMN config_key TEXT;',
    postgres: 'ALTER TABLE upstream_copies ADD COLUMN config_key TEXT;',
  },
  {
    version: 7,
    name: 'a hash of each feed copy\'s items',
    // A refresh that leaves the items as they were (a 304, the same body) writes the copy's status without
    // them (copy-rows.ts COPY_UPSERT): 150 upstreams' items were written again on every refresh.
    sqlite: 'ALTER TABLE upstream_copies ADD COLUMN items_hash TEXT;',
    postgres: 'ALTER TABLE upstream_copies ADD COLUMN items_hash TEXT;',
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export const MIGRATIONS_TABLE_SQL = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';

/** The migrations a database at `applied` (the versions it has) still needs, in order. */
export function pending(applied: Iterable<number>): Migration[] {
  const done = new Set(applied);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}

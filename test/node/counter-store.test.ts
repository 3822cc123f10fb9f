/**
 * The store's rules, the same cases on SQLite and on PostgreSQL: counting,
 * online, days, per-site start, the daily salt, migrations, export/import
 * between the engines, feed copies (their items written only when they change).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from '../../hub/src/storage/migrations.js';
import pg from 'pg';
import { PostgresStorage } from '../../hub/src/storage/postgres-storage.js';
import { StorageUnavailable } from '../../hub/src/storage/visit-store.js';
import type { SqliteStorage } from '../../hub/src/sqlite-storage.js';
import type { HubStorage } from '../../hub/src/storage.js';
import { ENGINES, freshDatabase, freshPlace, openStore, sites, TEST_SECRET, type EngineName, type Place } from './counter-kit.js';
import { sleep } from './hub-kit.js';
import { FakeClock, minutes } from './server-helpers.js';

const twoSites = { sites: sites(2, (i) => ({ start: i === 2 ? 1000 : 0 })) };

async function versions(store: HubStorage): Promise<number[]> {
  if ('pool' in store) return (store as PostgresStorage).schemaVersions();
  return ((store as SqliteStorage).db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
}

async function saltDay(store: HubStorage): Promise<string | undefined> {
  return (store as SqliteStorage | PostgresStorage).saltDay();
}

for (const engine of ENGINES) {
  describe(`store on ${engine.name}`, { skip: engine.skip }, () => {
    const fresh = async (clock = new FakeClock()) => ({ clock, store: await openStore(await freshPlace(engine.name), twoSites, clock) });

    it('counts one visit per visitor per 30 minutes, each site apart, from its start', async () => {
      const { clock, store } = await fresh();
      const a = await store.visitorHash('site-1', '203.0.113.7', 'UA');
      assert.deepEqual([await store.hit('site-1', a), await store.hit('site-1', a)], [true, false]);
      clock.advance(minutes(29));
      assert.equal(await store.hit('site-1', a), false, 'within 30 minutes of the counted visit');
      clock.advance(minutes(1));
      assert.equal(await store.hit('site-1', a), true, '30 minutes after the counted one');
      const b = await store.visitorHash('site-2', '203.0.113.7', 'UA');
      assert.notEqual(a, b, 'the same browser is another visitor on another site');
      assert.equal(await store.hit('site-2', b), true);
      assert.deepEqual(await store.counts('site-1'), { total: 2, online: 1, today: 2 });
      assert.deepEqual(await store.counts('site-2'), { total: 1001, online: 1, today: 1 }, 'site-2 starts at 1000');
      assert.deepEqual(await store.counts('site-3'), { total: 0, online: 0, today: 0 }, 'a site with no visit yet');
    });

    it('answers a visit with the counts its own transaction left, counted or not', async () => {
      const { clock, store } = await fresh();
      const a = await store.visitorHash('site-2', '203.0.113.7', 'UA');
      assert.deepEqual(await store.visit('site-2', a), { total: 1001, online: 1, today: 1, counted: true }, 'from the start of 1000');
      assert.deepEqual(await store.visit('site-2', a), { total: 1001, online: 1, today: 1, counted: false }, 'seen again: read, not grown');
      assert.deepEqual(await store.visit('site-1', a), { total: 1, online: 1, today: 1, counted: true }, 'each site apart');
      clock.advance(minutes(30));
      assert.deepEqual(await store.visit('site-2', a), { total: 1002, online: 1, today: 2, counted: true }, '30 minutes later');
      assert.deepEqual(await store.counts('site-2'), { total: 1002, online: 1, today: 2 }, 'what a read answers after it');
    });

    it('counts a burst of simultaneous visits exactly (PostgreSQL: the visits that arrive together in one call)', async () => {
      const { store } = await fresh();
      const visitors = Array.from({ length: 60 }, (_, i) => `burst-${i}`);
      // Each visitor three times at once, all 180 visits in flight together.
      const answers = await Promise.all([...visitors, ...visitors, ...visitors].map((v) => store.visit('site-1', v)));
      const counted = answers.filter((a) => a.counted);
      assert.equal(counted.length, visitors.length, 'each visitor counted once, not three times');
      assert.deepEqual(counted.map((a) => a.total).sort((x, y) => x - y), visitors.map((_, i) => i + 1), 'each counted visit answers the total its own transaction left');
      const { total, today } = await store.counts('site-1');
      assert.deepEqual({ total, today }, { total: 60, today: 60 });
    });

    it('counts online the visitors of the last 5 minutes, per site, in one read for many sites', async () => {
      const { clock, store } = await fresh();
      for (const ua of ['A', 'B', 'C']) await store.hit('site-1', await store.visitorHash('site-1', '10.0.0.1', ua));
      await store.hit('site-2', await store.visitorHash('site-2', '10.0.0.1', 'A'));
      clock.advance(minutes(4));
      await store.hit('site-1', await store.visitorHash('site-1', '10.0.0.1', 'A'));
      const many = await store.countsOf(['site-1', 'site-2']);
      assert.deepEqual([many.get('site-1')!.online, many.get('site-2')!.online], [3, 1]);
      clock.advance(minutes(2));
      assert.equal((await store.counts('site-1')).online, 1, 'only A came in the last 5 minutes');
      assert.equal((await store.counts('site-1')).total, 3, 'A seen again is not counted again');
    });

    it('counts today in the configured time zone and the total across days; a new day has a new salt', async () => {
      // 23:50 in Huế (UTC+7).
      const { clock, store } = await fresh(new FakeClock(Date.parse('2024-04-19T23:50:00+07:00')));
      const before = await store.visitorHash('site-1', '10.0.0.1', 'A');
      await store.hit('site-1', before);
      assert.equal(await saltDay(store), '2024-04-19');
      clock.advance(minutes(20)); // 00:10 on the 20th in Huế, still the 19th in UTC
      const after = await store.visitorHash('site-1', '10.0.0.1', 'A');
      assert.notEqual(after, before, "yesterday's hash cannot be linked to today's");
      assert.equal(await saltDay(store), '2024-04-20', 'one salt row: the old one replaced');
      await store.hit('site-1', after);
      assert.deepEqual(await store.counts('site-1'), { total: 2, online: 1, today: 1 }, 'the old hashes are gone too');
      const exported = await store.exportCounts();
      assert.deepEqual(exported.filter((r) => 'day' in r), [
        { site: 'site-1', day: '2024-04-19', visits: 1 },
        { site: 'site-1', day: '2024-04-20', visits: 1 },
      ]);
    });

    it('runs the versioned migrations once, at start', async () => {
      const place = await freshPlace(engine.name);
      const first = await openStore(place, twoSites);
      assert.deepEqual(await versions(first), MIGRATIONS.map((m) => m.version));
      await first.hit('site-1', 'h');
      await first.close();
      const again = await openStore(place, twoSites);
      assert.deepEqual(await versions(again), MIGRATIONS.map((m) => m.version), 'nothing applied twice');
      assert.equal((await again.counts('site-1')).total, 1);
    });

    it('keeps the feed copies', async () => {
      const { store } = await fresh();
      const copy = { feed: 'f', upstream: 'https://a.example/rss', items: '[]', etag: '"1"', lastSuccess: 1713488400000, failures: 0 };
      await store.writeCopy(copy);
      await store.writeCopy({ ...copy, lastError: 'HTTP 500', failures: 2, lastAttempt: 1713488460000 });
      assert.deepEqual(await store.readCopies(), [
        { ...copy, lastError: 'HTTP 500', failures: 2, lastAttempt: 1713488460000 },
      ]);
    });

    it('writes a copy without its items only over the items it names, and keeps them', async () => {
      const { store } = await fresh();
      const copy = { feed: 'f', upstream: 'https://a.example/rss', items: '[{"id":"1"}]', itemsHash: 'h1', etag: '"1"', lastSuccess: 1713488400000, failures: 0, configKey: 'k' };
      assert.equal(await store.writeCopy(copy), true);
      const { items: _, ...status } = copy;
      const kept = { ...copy, etag: '"2"', lastAttempt: 1713488460000 };
      assert.equal(await store.writeCopy({ ...status, etag: '"2"', lastAttempt: 1713488460000 }), true, 'the status alone (a 304)');
      assert.deepEqual(await store.readCopies(), [kept], 'the items kept');
      assert.equal(await store.writeCopy({ ...status, itemsHash: 'h0', etag: '"3"' }), false, 'the status of other items');
      assert.equal(await store.writeCopy({ ...status, configKey: 'older', etag: '"3"' }), false, 'the items as another config read them');
      assert.deepEqual(await store.readCopies(), [kept], 'neither written');
    });
  });
}

describe('visits recorded together on PostgreSQL (group commit)', { skip: ENGINES[1].skip }, () => {
  /** Transactions that wrote, as PostgreSQL numbers them (each takes one id; this read takes one too). */
  const writes = async (store: HubStorage) => Number((await (store as PostgresStorage).pool.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);

  it('a burst of visits takes a few transactions, not one per visit, and each visit answers the counts just after it', async () => {
    const store = await openStore(await freshPlace('postgres'), twoSites);
    const before = await writes(store);
    // 120 visitors of two sites, each twice, all in flight together.
    const visits = Array.from({ length: 240 }, (_, i) => ({ site: `site-${(i % 2) + 1}`, hash: `v${i % 120}` }));
    const answers = await Promise.all(visits.map((v) => store.visit(v.site, v.hash)));
    const transactions = (await writes(store)) - before - 1;
    assert.ok(transactions >= 1 && transactions <= 8, `${transactions} transactions for 240 visits`);
    for (const [site, start] of [['site-1', 0], ['site-2', 1000]] as const) {
      const counted = answers.filter((a, i) => visits[i].site === site && a.counted);
      assert.equal(counted.length, 60, `${site}: each visitor once`);
      assert.deepEqual(counted.map((a) => a.total).sort((x, y) => x - y), Array.from({ length: 60 }, (_, i) => start + i + 1), `${site}: every counted visit its own total`);
      assert.deepEqual(counted.map((a) => a.today).sort((x, y) => x - y), Array.from({ length: 60 }, (_, i) => i + 1));
      const { total, today } = await store.counts(site);
      assert.deepEqual({ total, today }, { total: start + 60, today: 60 });
    }
  });

  it('two stores on one database, the same visitors in opposite orders at once, count each exactly once and never fail', async () => {
    const place = await freshPlace('postgres');
    const [a, b] = [await openStore(place, twoSites), await openStore(place, twoSites)];
    const sitesOf = (i: number) => `site-${(i % 2) + 1}`;
    let counted = 0;
    for (let round = 0; round < 5; round++) {
      const visitors = Array.from({ length: 80 }, (_, i) => ({ site: sitesOf(i), hash: `r${round}-${i}` }));
      // Each store sees every visitor; their calls hold the same rows, taken in one order whatever the arrival.
      const answers = await Promise.all([
        ...visitors.map((v) => a.visit(v.site, v.hash)),
        ...[...visitors].reverse().map((v) => b.visit(v.site, v.hash)),
      ]);
      counted += answers.filter((x) => x.counted).length;
      assert.equal(counted, 80 * (round + 1), `round ${round}: each visitor counted by one store only`);
    }
    const totals = await a.countsOf(['site-1', 'site-2']);
    assert.deepEqual([totals.get('site-1')!.total, totals.get('site-2')!.total], [200, 1200]);
  });

  /** A store of its own on a fresh database, with the connection that inspects it. */
  const own = async (options: { statementTimeout?: number } = {}) => {
    const url = await freshDatabase();
    const store = await PostgresStorage.open({ url, timeZone: 'UTC', secret: Buffer.from(TEST_SECRET), ...options });
    const sql = new pg.Client({ connectionString: url });
    await sql.connect();
    after(async () => {
      await sql.end();
      await store.close();
    });
    await store.visit('site-1', 'first'); // connected, the salt read, the minute's prune sent
    const total = async () => Number((await sql.query("SELECT total FROM totals WHERE site = 'site-1'")).rows[0]?.total ?? 0);
    return { store, sql, total, url };
  };
  const settle = <T>(p: Promise<T>) => p.then((value) => ({ value }), (error: unknown) => ({ error }));

  it('the prune never deadlocks with a call: it skips the visitors a call holds', async () => {
    const { store, sql, url } = await own();
    await sql.query("INSERT INTO visitors VALUES ('site-1', 'b', 0, 0), ('site-1', 'a', 1, 1)"); // two visitors of long ago, 'b' first in every order a delete may take
    // Another hub is inserting visitor 'am' (not committed yet): the call below holds 'a', waits for 'am', then wants 'b'.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query('BEGIN');
    await other.query("INSERT INTO visitors VALUES ('site-1', 'am', 5, 5)");
    const visits = ['a', 'am', 'b'].map((h) => settle(store.visit('site-1', h)));
    await sleep(300);
    // A delete of old visitors in last_seen order: 'b' first, then 'a', which the call holds.
    const pruned = settle((store as unknown as { prune(before: number): Promise<void> }).prune(100));
    await sleep(300);
    await other.query('ROLLBACK');
    await other.end();
    assert.deepEqual(await pruned, { value: undefined }, 'the prune finished, not aborted as a deadlock');
    for (const v of await Promise.all(visits)) assert.ok('value' in v && v.value.counted, JSON.stringify(v));
  });

  it('a visitor deleted while a call waits for its row is counted by one hub only', async () => {
    const { sql, url } = await own();
    const connect = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    };
    const [pruner, hubA, hubB] = await Promise.all([connect(), connect(), connect()]);
    const W = minutes(30);
    const call = (c: pg.Client, now: number) =>
      c.query<{ counted: boolean }>('SELECT counted FROM record_visits($1, $2, $3, $4, $5, $6)', [['site-1'], ['gone'], [now], [0], ['2024-04-19'], W]).then((r) => r.rows[0].counted);
    await sql.query("INSERT INTO visitors VALUES ('site-1', 'gone', 0, 0)");
    await pruner.query('BEGIN');
    await pruner.query("SELECT * FROM visitors WHERE hash = 'gone' FOR UPDATE");
    const a = call(hubA, 10 * W); // its insert conflicts with the row, then waits for the row's lock
    await sleep(300);
    await pruner.query("DELETE FROM visitors WHERE hash = 'gone'");
    const b = call(hubB, 10 * W + 1); // waits for the delete, then inserts the visitor anew
    await sleep(300);
    await pruner.query('COMMIT');
    assert.deepEqual([await a, await b].sort(), [false, true], 'one hub counts the visitor, the other finds it counted');
    assert.equal(Number((await sql.query("SELECT total FROM totals WHERE site = 'site-1'")).rows[0].total), 2, "the first visit and this visitor's one");
    await Promise.all([pruner, hubA, hubB].map((c) => c.end()));
  });

  it('a call the database cancels at its statement timeout is answered 503 and rolled back: stored = acknowledged', async () => {
    const { store, sql, total } = await own({ statementTimeout: 300 });
    await sql.query('BEGIN');
    await sql.query('LOCK TABLE totals IN EXCLUSIVE MODE'); // the database stalls for the visits
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => settle(store.visit('site-1', `stalled-${i}`))));
    await sql.query('COMMIT');
    for (const a of answers) {
      assert.ok('error' in a && a.error instanceof StorageUnavailable, JSON.stringify(a));
      assert.match((a.error as Error).message, /statement timeout/);
    }
    assert.equal(await total(), 1, 'only the first visit: nothing of the cancelled calls');
    assert.equal((await store.visit('site-1', 'after')).total, 2, 'counting goes on');
  });

  it('close() lets the calls in flight commit and answer, and refuses the visits still waiting with 503', async () => {
    const { store, total } = await own();
    const answers = Array.from({ length: 2000 }, (_, i) => settle(store.visit('site-1', `closing-${i}`)));
    await new Promise((r) => setImmediate(r)); // the first calls have just left, the other visits wait
    await store.close();
    const settled = await Promise.all(answers);
    const acknowledged = settled.filter((a) => 'value' in a && a.value.counted).length;
    const refused = settled.filter((a) => 'error' in a);
    for (const a of refused) assert.ok('error' in a && a.error instanceof StorageUnavailable, String('error' in a && a.error));
    assert.ok(acknowledged > 0 && refused.length > 0 && acknowledged + refused.length === 2000, `${acknowledged} answered, ${refused.length} refused`);
    assert.equal(await total(), acknowledged + 1, 'every visit answered as counted is stored, and no other');
  });
});

describe('an SQLite database from before migrations', () => {
  it('is adopted as version 1 with its counts, then moved to the newest version', async () => {
    const place = await freshPlace('sqlite');
    const db = new Database(path.join(place.dataDir, 'visits.sqlite'));
    db.exec(MIGRATIONS[0].sqlite);
    db.exec("INSERT INTO totals VALUES ('site-1', 2595954); INSERT INTO days VALUES ('site-1', '2024-04-19', 12)");
    db.close();
    const store = await openStore(place, twoSites);
    assert.deepEqual(await versions(store), MIGRATIONS.map((m) => m.version));
    assert.equal(SCHEMA_VERSION, MIGRATIONS.at(-1)!.version);
    assert.equal((await store.counts('site-1')).total, 2595954);
  });
});

describe('export and import between engines', { skip: ENGINES[1].skip }, () => {
  const fill = async (place: Place) => {
    const clock = new FakeClock();
    const store = await openStore(place, twoSites, clock);
    for (let i = 0; i < 5; i++) await store.hit('site-1', `v${i}`);
    clock.advance(24 * minutes(60));
    for (let i = 0; i < 3; i++) await store.hit('site-2', `v${i}`);
    await store.hit('site-1', 'v0');
    return store;
  };

  for (const [from, to] of [['sqlite', 'postgres'], ['postgres', 'sqlite']] as [EngineName, EngineName][]) {
    it(`moves totals and days from ${from} to ${to}, the same after importing twice`, async () => {
      const source = await fill(await freshPlace(from));
      const records = await source.exportCounts();
      assert.deepEqual(records, [
        { site: 'site-1', total: 6 },
        { site: 'site-2', total: 1003 },
        { site: 'site-1', day: '2024-04-19', visits: 5 },
        { site: 'site-1', day: '2024-04-20', visits: 1 },
        { site: 'site-2', day: '2024-04-20', visits: 3 },
      ]);
      const target = await openStore(await freshPlace(to), twoSites, new FakeClock());
      await target.hit('site-1', 'someone'); // overwritten: the import sets what it lists
      await target.importCounts(records);
      await target.importCounts(records);
      assert.deepEqual(await target.exportCounts(), records);
    });
  }
});

/**
 * A stored copy's items are written when they change, never on a refresh that
 * leaves them as they were (a 304): at a province's scale (150 upstreams) the
 * items' JSON was serialized and written again on every refresh. The same on
 * SQLite and PostgreSQL, through a real hub (in this process, the writes its
 * storage is asked for recorded) reading a real upstream over HTTP; what the
 * database holds is read from the database itself. On PostgreSQL the items
 * are TOASTed: their chunks stay the same rows while the items do.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { RunningHub } from '../../hub/src/hub.js';
import type { UpstreamCopy } from '../../hub/src/storage.js';
import { ENGINES, startCounterHub, type Place, freshPlace } from './counter-kit.js';
import { fileUpstream, until, withEtag } from './hub-kit.js';

const upstream = fileUpstream();

const site = { id: 'portal', name: 'Cổng', origins: ['*'] };
const config = (p: string) => ({ sites: [site], feeds: [{ id: 'f', title: 'F', public: true, upstreams: [{ name: 'Sở', url: `${upstream.url}${p}`, internal: true, refreshSeconds: 1 }] }] });

/** A JSON Feed of `n` items whose HTML is random enough not to compress under PostgreSQL's TOAST threshold. */
const feedOf = (version: string, n = 20) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Sở',
    items: Array.from({ length: n }, (_, i) => ({
      id: `${version}-${i}`,
      url: `https://agency.example/tin/${version}-${i}.html`,
      title: `Tin ${version} số ${i}`,
      content_html: `<p>${randomBytes(200).toString('hex')}</p>`,
      date_published: new Date(Date.UTC(2025, 0, 1, i)).toISOString(),
    })),
  });

type Row = { items: string | null; items_hash: string | null; chunks: string };

/** The copy's row as the database holds it; on PostgreSQL with the ids of the TOAST chunks that hold its items. */
async function storedRow(place: Place): Promise<Row> {
  if (place.engine === 'sqlite') {
    const db = new Database(path.join(place.dataDir, 'visits.sqlite'), { readonly: true });
    try {
      return { ...(db.prepare('SELECT items, items_hash FROM upstream_copies').get() as Omit<Row, 'chunks'>), chunks: '' };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: place.env.DATABASE_URL });
  await client.connect();
  try {
    const toast = (await client.query<{ t: string }>("SELECT reltoastrelid::regclass::text AS t FROM pg_class WHERE relname = 'upstream_copies'")).rows[0].t;
    const chunks = (await client.query<{ ids: string }>(`SELECT string_agg(DISTINCT chunk_id::text, ',') AS ids FROM ${toast}`)).rows[0].ids;
    return { ...(await client.query<Omit<Row, 'chunks'>>('SELECT items, items_hash FROM upstream_copies')).rows[0], chunks };
  } finally {
    await client.end();
  }
}

/** Runs a statement on the copy's database, as another hub sharing it would. */
async function execute(place: Place, sql: string): Promise<void> {
  if (place.engine === 'sqlite') {
    const db = new Database(path.join(place.dataDir, 'visits.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.exec(sql);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: place.env.DATABASE_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  }
}

/** The copies the hub asks its storage to write, in order. */
function recordWrites(hub: RunningHub): UpstreamCopy[] {
  const writes: UpstreamCopy[] = [];
  const write = hub.storage.writeCopy.bind(hub.storage);
  hub.storage.writeCopy = (copy) => (writes.push(copy), write(copy));
  return writes;
}

const servedIds = async (hub: RunningHub) => ((await (await fetch(`${hub.url}/feeds/f.json`)).json()) as { items: { id: string }[] }).items.map((i) => i.id);

for (const engine of ENGINES) {
  describe(`the stored copy's items on ${engine.name}`, { skip: engine.skip }, () => {
    it('are not written again on a 304, and are when they change; a restart with the upstream down serves the new ones', async () => {
      const p = `/${engine.name}/f.json`;
      let body = feedOf('v1');
      upstream.route(p, withEtag('application/feed+json', () => body));
      const place = await freshPlace(engine.name);
      const hub = await startCounterHub(place, config(p));
      const writes = recordWrites(hub);
      const hits = () => upstream.hits.get(p) ?? { count: 0, notModified: 0 };

      await until(() => hits().notModified >= 2 && writes.length >= 3, 15_000, 'two refreshes answered 304');
      const [first, ...unchanged] = writes;
      assert.ok(first.items, 'the first read writes its items');
      assert.ok(unchanged.length >= 2);
      for (const w of unchanged) assert.equal(w.items, undefined, 'a 304 writes the status alone');
      const afterFirst = await storedRow(place);
      assert.equal(afterFirst.items, first.items, 'the stored items are the first read');
      assert.equal(afterFirst.items_hash, first.itemsHash);
      if (engine.name === 'postgres') {
        // The writes of the status alone have landed (the last one a write ago), the chunks are still the first ones.
        const written = writes.length;
        await until(() => writes.length > written, 5000, 'one more write');
        assert.ok(afterFirst.chunks, 'the items are TOASTed');
        assert.equal((await storedRow(place)).chunks, afterFirst.chunks, 'the items were not written again');
      }

      body = feedOf('v2');
      const before = writes.length;
      await until(() => writes.slice(before).some((w) => w.items), 10_000, 'the changed items written');
      const changed = writes.slice(before).find((w) => w.items)!;
      assert.deepEqual(
        (JSON.parse(changed.items!) as { id: string }[]).map((i) => i.id),
        Array.from({ length: 20 }, (_, i) => `v2-${i}`),
      );
      const afterChange = await storedRow(place);
      assert.equal(afterChange.items, changed.items, 'the changed items are stored');
      assert.notEqual(afterChange.items_hash, afterFirst.items_hash);
      if (engine.name === 'postgres') assert.notEqual(afterChange.chunks, afterFirst.chunks, 'written anew');

      await hub.stop(0);
      upstream.route(p, (_req, res) => void res.writeHead(503).end());
      const again = await startCounterHub(place, config(p));
      assert.equal((await servedIds(again))[0], 'v2-19', 'the last good copy, with the upstream down');
      await again.stop(0);
    });

    it('are written along when the stored row holds other items than the hub (another hub wrote them)', async () => {
      const p = `/${engine.name}/shared.json`;
      const body = feedOf('mine', 3);
      upstream.route(p, withEtag('application/feed+json', () => body));
      const place = await freshPlace(engine.name);
      const hub = await startCounterHub(place, config(p));
      const writes = recordWrites(hub);
      await until(() => writes.length >= 2, 15_000, 'the first read and a 304');
      const mine = writes[0].items;
      await execute(place, `UPDATE upstream_copies SET items = '[]', items_hash = 'another hub''s'`);
      const before = writes.length;
      await until(async () => writes.length > before + 1 && (await storedRow(place)).items === mine, 10_000, "the hub's items written again");
      assert.equal((await storedRow(place)).items_hash, writes[0].itemsHash, 'with their hash');
      await hub.stop(0);
    });
  });
}

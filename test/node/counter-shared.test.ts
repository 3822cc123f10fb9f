/**
 * Several hub processes on one PostgreSQL: started together (the migrations
 * run once), they count exactly (each visitor once, whichever hub it reaches),
 * share the daily salt and agree on the online count; with the database
 * stopped, a visit gets 503 and a clear JSON error, and counting resumes by
 * itself when it is back.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ENGINES, freshDatabase, postgresCluster, TEST_SECRET } from './counter-kit.js';
import { sleep, spawnHub, tempDir, until, writeConfig, type HubProcess } from './hub-kit.js';
import { browserUa } from './server-helpers.js';

const SITES = ['so-gddt', 'so-yte', 'ubnd-hue'];
const config = {
  trustProxy: true,
  rateLimit: 1000,
  sites: SITES.map((id) => ({ id, name: id, origins: [`https://${id}.example`] })),
};

async function twoHubs(): Promise<HubProcess[]> {
  const env = { DATABASE_URL: await freshDatabase(), PORTAL_HUB_SECRET: TEST_SECRET };
  const hubs = await Promise.all([0, 1].map(() => spawnHub(writeConfig(config, tempDir()), env)));
  after(() => Promise.all(hubs.map((h) => h.stop())));
  return hubs;
}

function visit(hub: HubProcess, site: string, visitor: number) {
  return fetch(`${hub.url}/api/visits/${site}`, {
    method: 'POST',
    body: '{}',
    headers: { origin: `https://${site}.example`, 'x-forwarded-for': `10.0.${visitor >> 8}.${visitor & 255}`, 'user-agent': browserUa(`v${visitor}`) },
  });
}

describe('several hubs on one PostgreSQL', { skip: ENGINES[1].skip }, () => {
  it('count each visitor once whichever hub it reaches, with one salt and one online figure', async () => {
    const hubs = await twoHubs();
    const visitors = 150;
    // Every visitor reaches both hubs at the same moment, on every site; 16 visitors at a time
    // (the race between the hubs is what is tested, not how big a burst a loaded machine takes).
    const answers: { site: string; counted: boolean }[] = [];
    const queue = SITES.flatMap((site) => Array.from({ length: visitors }, (_, v) => ({ site, v })));
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const { site, v } = job;
          const both = await Promise.all(hubs.map((hub) => visit(hub, site, v)));
          for (const res of both) {
            assert.equal(res.status, 200);
            answers.push({ site, counted: ((await res.json()) as { counted: boolean }).counted });
          }
        }
      }),
    );
    for (const site of SITES) {
      const acknowledged = answers.filter((a) => a.site === site && a.counted).length;
      assert.equal(acknowledged, visitors, `${site}: one counted visit per visitor, not two`);
    }
    await sleep(1100); // each hub reuses its online count for a second
    const seen = await Promise.all(hubs.map(async (h) => (await fetch(`${h.url}/api/visits?sites=all`)).json() as Promise<{ total: number; online: number }>));
    assert.deepEqual(seen.map((s) => [s.total, s.online]), [[3 * visitors, 3 * visitors], [3 * visitors, 3 * visitors]], 'both hubs answer the same totals and online');
  });

  it('answer 503 with a clear JSON error while the database is down, and count again once it is back', async () => {
    const hubs = await twoHubs();
    const pg = (await postgresCluster())!;
    assert.equal((await visit(hubs[0], 'so-yte', 1)).status, 200);
    await pg.stop();
    try {
      const down = await visit(hubs[1], 'so-yte', 2);
      assert.equal(down.status, 503);
      assert.ok(Number(down.headers.get('retry-after')) > 0);
      const { error } = (await down.json()) as { error: string };
      assert.match(error, /^the counter's database unavailable \(.+\): nothing was recorded, try again shortly$/);
      assert.equal((await fetch(`${hubs[0].url}/api/visits/so-yte`)).status, 503, 'reading too');
      assert.equal((await fetch(`${hubs[0].url}/healthz`)).status, 503);
    } finally {
      await pg.start();
    }
    await until(async () => (await visit(hubs[1], 'so-yte', 2)).status === 200, 10_000, 'counting to resume');
    const counts = (await (await fetch(`${hubs[0].url}/api/visits/so-yte`)).json()) as { total: number };
    assert.equal(counts.total, 2, 'the visit before and the one after; nothing from the outage');
  });
});

/**
 * The province counter over real HTTP against a started hub, the same cases on
 * SQLite and on PostgreSQL: every site's counter, who may record a visit
 * (Origin / Referer checked server-side), bots, the SVG, the province sum.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ENGINES, freshPlace, sites, startCounterHub } from './counter-kit.js';
import { tempDir, writeConfig } from './hub-kit.js';
import { browserUa, FakeClock, minutes } from './server-helpers.js';

type Answer = { total: number; online: number; today: number; updated: string; counted?: boolean; error?: string };

const config = {
  sites: sites(3, (i) => (i === 1 ? { start: 2595954 } : {})),
  province: { name: 'Tỉnh Thừa Thiên Huế', sites: ['site-1', 'site-2'] },
};

async function post(url: string, path: string, headers: Record<string, string> = {}, body = '{}') {
  const res = await fetch(`${url}${path}`, { method: 'POST', body, headers: { 'user-agent': browserUa('A'), ...headers } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer };
}
const get = async (url: string, path: string) => (await fetch(`${url}${path}`)).json() as Promise<Answer & { sites?: (Answer & { id: string; name: string })[]; name?: string }>;

for (const engine of ENGINES) {
  describe(`province counter on ${engine.name}`, { skip: engine.skip }, () => {
    const hub = async (clock = new FakeClock()) => (await startCounterHub(await freshPlace(engine.name), config, clock)).url;

    it('counts every site apart, from its own start; /api/visits is the first site', async () => {
      const url = await hub();
      const own = { origin: 'https://site-2.example' };
      assert.equal((await post(url, '/api/visits/site-2', own)).body.counted, true);
      assert.equal((await post(url, '/api/visits/site-2', own)).body.counted, false, 'same visitor within 30 minutes');
      assert.equal((await post(url, '/api/visits/site-2', { ...own, 'user-agent': browserUa('B') })).body.total, 2);
      const first = await post(url, '/api/visits/site-1', { origin: 'https://site-1.example' });
      assert.deepEqual([first.body.total, first.body.counted], [2595955, true], 'site-1 carried its old counter over');
      assert.equal((await get(url, '/api/visits')).total, 2595955, '/api/visits answers the first site');
      assert.deepEqual(await get(url, '/api/visits/site-3').then(({ total, online, today }) => ({ total, online, today })), { total: 0, online: 0, today: 0 });
      const unknown = await fetch(`${url}/api/visits/nowhere`);
      assert.equal(unknown.status, 404);
      assert.match(((await unknown.json()) as Answer).error!, /no site "nowhere"/);
    });

    it("records a visit only from the site's origins; any origin may read", async () => {
      const url = await hub();
      const foreign = await post(url, '/api/visits/site-1', { origin: 'https://site-2.example' });
      assert.equal(foreign.status, 403, "another site's page may not count here");
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      // The simple request a hostile page can send without a preflight.
      const simple = await post(url, '/api/visits/site-1', { origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' });
      assert.equal(simple.status, 403);
      const referer = await post(url, '/api/visits/site-1', { referer: 'https://evil.example/page.html' });
      assert.equal(referer.status, 403, 'no Origin, a foreign Referer: not counted');
      assert.equal((await get(url, '/api/visits/site-1')).total, 2595954, 'nothing counted');

      const ok = await post(url, '/api/visits/site-1', { origin: 'https://site-1.example', 'content-type': 'text/plain;charset=UTF-8' });
      assert.deepEqual([ok.status, ok.headers.get('access-control-allow-origin'), ok.body.counted], [200, 'https://site-1.example', true]);
      const fromPage = await post(url, '/api/visits/site-1', { referer: 'https://site-1.example/tin-tuc.html', 'user-agent': browserUa('B') });
      assert.equal(fromPage.body.counted, true, "no Origin, the site's own Referer");

      const pre = await fetch(`${url}/api/visits/site-1`, { method: 'OPTIONS', headers: { origin: 'https://site-1.example', 'access-control-request-method': 'POST' } });
      assert.deepEqual([pre.status, pre.headers.get('access-control-allow-origin')], [204, 'https://site-1.example']);
      assert.match(pre.headers.get('access-control-allow-methods')!, /POST/);
      const badPre = await fetch(`${url}/api/visits/site-1`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      assert.equal(badPre.status, 403);
      const read = await fetch(`${url}/api/visits/site-1`, { headers: { origin: 'https://evil.example' } });
      assert.deepEqual([read.status, read.headers.get('access-control-allow-origin'), read.headers.get('cache-control')], [200, '*', 'no-store']);
    });

    it('answers bots and requests without a user agent, and counts neither', async () => {
      const url = await hub();
      const own = { origin: 'https://site-1.example' };
      for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', 'python-requests/2.31', '']) {
        const res = await post(url, '/api/visits/site-1', { ...own, 'user-agent': ua });
        assert.deepEqual([res.status, res.body.counted, res.body.total], [200, false, 2595954], `not counted: ${JSON.stringify(ua)}`);
      }
      assert.equal((await post(url, '/api/visits/site-1', own)).body.counted, true, 'a browser is');
    });

    it('draws the figures as an accessible SVG, vi or en, never cached; ?hit=1 from the site records the visit', async () => {
      const url = await hub();
      const vi = await fetch(`${url}/api/visits/site-1.svg`);
      assert.deepEqual([vi.status, vi.headers.get('content-type'), vi.headers.get('cache-control')], [200, 'image/svg+xml; charset=utf-8', 'no-store']);
      const svg = await vi.text();
      assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" lang="vi"[^>]* role="img" aria-labelledby="t d">/);
      assert.match(svg, /<title id="t">Thống kê truy cập — Site 1<\/title>/);
      assert.match(svg, /<desc id="d">Truy cập tổng: 2\.595\.954\. [^<]+: 0\. Hôm nay: 0\.<\/desc>/);
      const en = await (await fetch(`${url}/api/visits/site-1.svg?lang=en`)).text();
      assert.match(en, /<desc id="d">Total visits: 2,595,954\. [^<]+: 0\. Today: 0\.<\/desc>/);

      const ua = { 'user-agent': browserUa('noscript') };
      await fetch(`${url}/api/visits/site-1.svg?hit=1`, { headers: { ...ua, referer: 'https://evil.example/' } });
      await fetch(`${url}/api/visits/site-1.svg?hit=1`, { headers: ua });
      assert.equal((await get(url, '/api/visits/site-1')).total, 2595954, 'not from a foreign page, not without a page');
      const counted = await (await fetch(`${url}/api/visits/site-1.svg?hit=1`, { headers: { ...ua, referer: 'https://site-1.example/' } })).text();
      assert.match(counted, /Truy cập tổng: 2\.595\.955/);
    });

    it('sums the province (its sites, or every site with ?sites=all) and lists each site', async () => {
      const clock = new FakeClock();
      const url = await hub(clock);
      await post(url, '/api/visits/site-2', { origin: 'https://site-2.example' });
      await post(url, '/api/visits/site-3', { origin: 'https://site-3.example' });
      clock.advance(minutes(10)); // no longer online
      await post(url, '/api/visits/site-3', { origin: 'https://site-3.example', 'user-agent': browserUa('B') });
      const province = await get(url, '/api/visits/province');
      assert.deepEqual(
        { ...province, updated: undefined },
        {
          total: 2595955, online: 0, today: 1, updated: undefined, name: 'Tỉnh Thừa Thiên Huế',
          sites: [
            { id: 'site-1', name: 'Site 1', total: 2595954, online: 0, today: 0 },
            { id: 'site-2', name: 'Site 2', total: 1, online: 0, today: 1 },
          ],
        },
      );
      const all = await get(url, '/api/visits?sites=all');
      assert.deepEqual([all.total, all.online, all.today, all.sites!.length], [2595957, 1, 3, 3]);
      const some = await get(url, '/api/visits?sites=site-3,site-2');
      assert.deepEqual(some.sites!.map((s) => s.id), ['site-3', 'site-2']);
      const twice = await get(url, '/api/visits?sites=site-2,site-2, site-2');
      assert.deepEqual([twice.total, twice.today, twice.sites!.map((s) => s.id)], [1, 1, ['site-2']], 'a site listed twice is counted once');
      const write = await fetch(`${url}/api/visits/province`, { method: 'POST', body: '{}' });
      assert.equal(write.status, 405, 'the province is read-only');
    });
  });
}

describe('portal-widgets-hub export / import', { skip: ENGINES[1].skip }, () => {
  const cli = (args: string[], env: Record<string, string>, input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'hub/src/main.ts', ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.stdin.end(input ?? '');
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  it('moves the counts from SQLite to PostgreSQL and back as JSON lines; a wrong file changes nothing', async () => {
    const dir = tempDir();
    const sqlite = await freshPlace('sqlite');
    const postgres = await freshPlace('postgres');
    const sqliteConfig = writeConfig({ ...config, storage: { dataDir: sqlite.dataDir } }, tempDir());
    const pgConfig = writeConfig({ ...config, storage: { engine: 'postgres' } }, tempDir());
    const hub = await startCounterHub(sqlite, config);
    for (const ua of ['A', 'B', 'C']) await post(hub.url, '/api/visits/site-2', { origin: 'https://site-2.example', 'user-agent': browserUa(ua) });
    await hub.stop(0);

    const out = path.join(dir, 'counts.jsonl');
    const exported = await cli(['export', '--config', sqliteConfig, '--out', out], {});
    assert.equal(exported.code, 0, exported.stderr);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].format, 'portal-widgets-hub/counts');
    assert.deepEqual(lines.slice(1).filter((l) => 'total' in l), [{ site: 'site-2', total: 3 }]);

    const imported = await cli(['import', '--config', pgConfig, out], postgres.env);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /Imported 2 line\(s\) for 1 site\(s\) into postgres/);
    const onPg = await startCounterHub(postgres, config);
    assert.deepEqual(await get(onPg.url, '/api/visits/site-2').then((c) => [c.total, c.today]), [3, 3]);
    await post(onPg.url, '/api/visits/site-2', { origin: 'https://site-2.example', 'user-agent': browserUa('D') });
    await onPg.stop(0);

    const back = await cli(['export', '--config', pgConfig], postgres.env);
    assert.equal(back.code, 0, back.stderr);
    const restore = await freshPlace('sqlite');
    const restoreConfig = writeConfig({ ...config, storage: { dataDir: restore.dataDir } }, tempDir());
    assert.equal((await cli(['import', '--config', restoreConfig, '-'], {}, back.stdout)).code, 0, 'from standard input');
    const onSqlite = await startCounterHub(restore, config);
    assert.equal((await get(onSqlite.url, '/api/visits/site-2')).total, 4);

    const bad = await cli(['import', '--config', restoreConfig, '-'], {}, `${back.stdout.split('\n')[0]}\n{"site":"site-2","total":-1}\n`);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /import failed: line 2: total: not a whole number ≥ 0/);
    assert.equal((await get(onSqlite.url, '/api/visits/site-2')).total, 4, 'nothing written');
  });
});

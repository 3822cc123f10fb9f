import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { STRICT_CSP } from '../../hub/src/app.js';
import { browserUa, counts, FakeClock, minutes, start, tempDir, visit, type Running } from './server-helpers.js';

const running: Running[] = [];
const run = async (clock: FakeClock, env?: Record<string, string>, dir?: string) => {
  const r = await start(clock, env, dir);
  running.push(r);
  return r;
};
after(async () => Promise.all(running.map((r) => r.close().catch(() => {}))));

describe('counting rules', () => {
  it('starts at zero and answers the counter shape', async () => {
    const clock = new FakeClock();
    const { url } = await run(clock);
    const c = await counts(url);
    assert.equal(c.total, 0);
    assert.equal(c.online, 0);
    assert.equal(c.today, 0);
    assert.equal(c.updated, new Date(clock.now).toISOString());
  });

  it('counts one visit per visitor per 30 minutes', async () => {
    const clock = new FakeClock();
    const { url } = await run(clock);
    assert.deepEqual([(await visit(url)).body.counted, (await visit(url)).body.counted], [true, false]);
    clock.advance(minutes(29));
    assert.equal((await visit(url)).body.counted, false, 'within 30 minutes of the counted visit');
    clock.advance(minutes(1));
    const third = await visit(url);
    assert.equal(third.body.counted, true, '30 minutes after the counted visit');
    assert.equal(third.body.total, 2);
    // Another browser on the same address is another visitor.
    assert.equal((await visit(url, 'Mozilla/5.0 B')).body.total, 3);
    assert.equal((await counts(url)).total, 3);
  });

  it('counts as online the distinct visitors of the last 5 minutes', async () => {
    const clock = new FakeClock();
    const { url } = await run(clock);
    await visit(url, 'A');
    await visit(url, 'A');
    clock.advance(minutes(2));
    await visit(url, 'B');
    await visit(url, 'C');
    assert.equal((await counts(url)).online, 3);
    clock.advance(minutes(3) + 1);
    assert.equal((await counts(url)).online, 2, 'A was last seen 5 minutes and 1 ms ago');
    await visit(url, 'A'); // seen again, not counted again, online again
    const c = await counts(url);
    assert.deepEqual([c.online, c.total], [3, 3]);
    clock.advance(minutes(5) + 1);
    assert.equal((await counts(url)).online, 0);
  });

  it('counts today in the configured time zone, the total across days', async () => {
    const clock = new FakeClock(Date.parse('2024-04-19T23:50:00+07:00'));
    const { url } = await run(clock);
    await visit(url, 'A');
    await visit(url, 'B');
    assert.equal((await counts(url)).today, 2);
    clock.advance(minutes(15)); // 00:05 on 20/04 in Huế
    const c = await counts(url);
    assert.deepEqual([c.today, c.total], [0, 2]);
  });

  it('starts from COUNTER_START on a new database', async () => {
    const clock = new FakeClock();
    const { url } = await run(clock, { COUNTER_START: '2595954' });
    assert.equal((await counts(url)).total, 2595954);
    assert.equal((await visit(url)).body.total, 2595955);
  });
});

describe('privacy', () => {
  it('rotates the secret salt daily and deletes the old one', async () => {
    const clock = new FakeClock();
    const { store } = await run(clock);
    const first = await store.visitorHash('portal', '203.0.113.7', 'UA');
    assert.equal(await store.visitorHash('portal', '203.0.113.7', 'UA'), first, 'same day, same visitor');
    const oldSalt = (store.db.prepare('SELECT value FROM salt').get() as { value: Buffer }).value;
    clock.advance(24 * 60 * minutes(1));
    const next = await store.visitorHash('portal', '203.0.113.7', 'UA');
    assert.notEqual(next, first, 'a new day, a new salt: hashes cannot be linked');
    const rows = store.db.prepare('SELECT day, value FROM salt').all() as { day: string; value: Buffer }[];
    assert.equal(rows.length, 1, 'only the current salt is kept');
    assert.equal(rows[0].day, '2024-04-20');
    assert.notDeepEqual(rows[0].value, oldSalt);
  });

  it('stores no IP address, user agent or cookie', async () => {
    const clock = new FakeClock();
    const r = await run(clock, { TRUST_PROXY: '1' });
    const res = await fetch(`${r.url}/api/visits`, {
      method: 'POST',
      headers: { 'user-agent': 'UniqueAgentString/9.9', 'x-forwarded-for': '198.51.100.23' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null);
    r.store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of readdirSync(r.dataDir)) {
      const bytes = readFileSync(path.join(r.dataDir, f)).toString('latin1');
      assert.ok(!bytes.includes('198.51.100.23'), `no IP in ${f}`);
      assert.ok(!bytes.includes('UniqueAgentString'), `no user agent in ${f}`);
    }
  });
});

describe('persistence', () => {
  it('keeps the total, today and the visitors of the last 30 minutes across a restart', async () => {
    const clock = new FakeClock();
    const dir = tempDir();
    const first = await start(clock, {}, dir);
    await visit(first.url, 'A');
    await visit(first.url, 'B');
    await first.close();
    clock.advance(minutes(3));
    const second = await run(clock, {}, dir);
    const c = await counts(second.url);
    assert.deepEqual([c.total, c.today, c.online], [2, 2, 2]);
    assert.equal((await visit(second.url, 'A')).body.counted, false, 'the salt and the visitor survived the restart');
    assert.equal((await visit(second.url, 'C')).body.total, 3);
  });
});

describe('bad input gets a 4xx JSON error, never a crash', () => {
  const raw = (port: number, text: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(text));
      let out = '';
      socket.on('data', (d) => (out += d));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });

  const cases: [string, (url: string) => Promise<Response>, number][] = [
    ['a method other than GET, POST, OPTIONS', (u) => fetch(`${u}/api/visits`, { method: 'PUT', body: '{}' }), 405],
    ['DELETE', (u) => fetch(`${u}/api/visits`, { method: 'DELETE' }), 405],
    ['a body over the cap', (u) => fetch(`${u}/api/visits`, { method: 'POST', body: JSON.stringify({ pad: 'x'.repeat(5000) }) }), 413],
    ['a body that is not JSON', (u) => fetch(`${u}/api/visits`, { method: 'POST', body: '{"a":' }), 400],
    ['a JSON body that is not an object', (u) => fetch(`${u}/api/visits`, { method: 'POST', body: '[1,2]' }), 400],
    ['a content type other than JSON or text', (u) => fetch(`${u}/api/visits`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' }), 415],
    ['an origin not on the allow-list', (u) => fetch(`${u}/api/visits`, { method: 'POST', headers: { origin: 'https://evil.example' } }), 403],
    ['an unknown API path', (u) => fetch(`${u}/api/nothing`), 404],
    ['a path with broken encoding', (u) => fetch(`${u}/demo/%E0%A4%A`), 400],
    ['a path escaping the served folders', (u) => fetch(`${u}/demo/%2e%2e/package.json`), 404],
  ];
  for (const [name, send, status] of cases) {
    it(`${status} for ${name}`, async () => {
      const { url } = await run(new FakeClock());
      const res = await send(url);
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.equal(typeof ((await res.json()) as { error: string }).error, 'string');
      assert.equal((await counts(url)).total, 0, 'nothing counted, server still answers');
    });
  }

  it('429 past the per-visitor rate limit, with Retry-After; other visitors unaffected', async () => {
    const clock = new FakeClock();
    const { url } = await run(clock, { RATE_LIMIT: '3' });
    for (let i = 0; i < 3; i++) assert.equal((await visit(url, 'A')).status, 200);
    const res = await fetch(`${url}/api/visits`, { method: 'POST', headers: { 'user-agent': browserUa('A') } });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.equal(((await res.json()) as { error: string }).error, 'too many visits from this visitor');
    assert.equal((await visit(url, 'B')).status, 200);
    clock.advance(minutes(1));
    assert.equal((await visit(url, 'A')).status, 200, 'allowed again in the next minute');
  });

  it('400 for unparseable HTTP and 431 for huge headers, on the raw socket', async () => {
    const r = await run(new FakeClock());
    const port = Number(new URL(r.url).port);
    assert.match(await raw(port, 'GARBAGE\r\n\r\n'), /^HTTP\/1\.1 400 .*"error":"bad request"/s);
    assert.match(await raw(port, `GET /api/visits HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20000)}\r\n\r\n`), /^HTTP\/1\.1 431/);
    assert.match(await raw(port, 'POST /api/visits HTTP/1.1\r\nhost: x\r\ncontent-length: abc\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.equal((await counts(r.url)).total, 0);
  });
});

describe('CORS and pages', () => {
  it('allows the configured origins, with a preflight', async () => {
    const { url } = await run(new FakeClock(), { CORS_ORIGINS: 'https://tinhuytthue.vn, https://example.gov.vn/' });
    const pre = await fetch(`${url}/api/visits`, { method: 'OPTIONS', headers: { origin: 'https://example.gov.vn', 'access-control-request-method': 'POST' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://example.gov.vn');
    assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
    const res = await visit(url, 'A', { origin: 'https://tinhuytthue.vn' });
    assert.equal(res.status, 200);
    const get = await fetch(`${url}/api/visits`, { headers: { origin: url } });
    assert.equal(get.status, 200, 'the same origin is always allowed');
    assert.equal(get.headers.get('access-control-allow-origin'), '*', 'any origin may read the counter');
    assert.equal(get.headers.get('cache-control'), 'no-store');
  });

  it('serves the demo, the CSP page with its header, and the redirect from /', async () => {
    const { url } = await run(new FakeClock());
    const home = await fetch(url, { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/demo/');
    const page = await fetch(`${url}/demo/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    const html = await page.text();
    assert.match(html, /portal-visit-counter/);
    // The shared parts are put in: no include left, the sidebar filters this page's list.
    assert.doesNotMatch(html, /#include|\{\{/);
    assert.match(html, /<title>Hội nghị giao ban .* — Cổng thông tin/);
    assert.match(html, /<portal-news-search for="news"/);
    const article = await (await fetch(`${url}/demo/bai-viet.html`)).text();
    assert.match(article, /<portal-news-search action=/); // no list on that page: no `for`

    const csp = await fetch(`${url}/demo/csp.html`);
    assert.equal(csp.headers.get('content-security-policy'), STRICT_CSP);
    const feed = await fetch(`${url}/demo/feeds/news.json`);
    assert.equal(feed.status, 200);
    const again = await fetch(`${url}/demo/feeds/news.json`, { headers: { 'if-none-match': feed.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });
});

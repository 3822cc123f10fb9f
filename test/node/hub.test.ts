/**
 * The hub with real processes and real HTTP: an upstream test server (no
 * CORS; 500 then OK, slow past the time-out, an HTML page, a feed that
 * changes, 304s, redirects to private addresses), the hub spawned from
 * hub/src/main.ts with a config file.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { jsonFeed, latin1Rss, sleep, fileHubs, fileUpstream, spawnHub, tempDir, until, withEtag, writeConfig, type HubProcess } from './hub-kit.js';
import { browserUa } from './server-helpers.js';

// Hubs stop first (after hooks run in reverse order), then the upstream.
const upstream = fileUpstream();
const run = fileHubs();

const site = { id: 'portal', name: 'Cổng', origins: ['https://xa.example.gov.vn'] };
const up = (name: string, p: string, extra: Record<string, unknown> = {}) => ({ name, url: `${upstream.url}${p}`, internal: true, refreshSeconds: 60, ...extra });
type FeedBody = { items: { id: string; title: string; url?: string; date_published?: string; _portal: { source: { name: string } } }[]; _portal: { sources: { name: string; last_success?: string; last_error?: string }[] } };
const getFeed = async (hub: HubProcess, id: string) => (await (await fetch(`${hub.url}/feeds/${id}.json`)).json()) as FeedBody;
const sourceOf = (feed: FeedBody, name: string) => feed._portal.sources.find((s) => s.name === name)!;

describe('merging', () => {
  it('merges upstreams by date, each item with its source, without duplicates; decodes ISO-8859-1', async () => {
    upstream.route(
      '/so.rss',
      withEtag('application/rss+xml', () =>
        latin1Rss('Sở Giáo dục', [
          { title: 'Khai mạc Hội khỏe Phù Đổng', link: 'http://agency.example/1', date: '2024-04-29T07:30:00+07:00' },
          { title: 'Tuyển sinh lớp 10', link: 'http://agency.example/2', date: '2024-04-26T14:00:00+07:00' },
          { title: 'Tin đăng lại từ tỉnh', link: 'http://agency.example/3', date: '2024-04-28T10:00:00+07:00' },
        ]),
      ),
    );
    upstream.route(
      '/tinh.json',
      withEtag('application/feed+json', () =>
        jsonFeed([
          { id: 't1', title: 'Hội nghị giao ban quý I', url: 'http://province.example/t1', date: '2024-04-30T08:00:00+07:00' },
          { id: 't2', title: 'Tin đăng lại từ tỉnh', url: 'http://province.example/t2', date: '2024-04-28T16:00:00+07:00' }, // same title, same day
          { id: 't3', title: 'Cùng địa chỉ', url: 'http://agency.example/2', date: '2024-04-20T08:00:00+07:00' }, // same URL
        ]),
      ),
    );
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'tong-hop', title: 'Tổng hợp', upstreams: [up('Sở GD&ĐT', '/so.rss'), up('Cổng tỉnh', '/tinh.json')] }] }));
    await until(async () => (await getFeed(hub, 'tong-hop')).items.length > 0, 10_000, 'the merged feed');
    await until(async () => (await getFeed(hub, 'tong-hop'))._portal.sources.every((s) => s.last_success), 10_000, 'both sources fetched');
    const feed = await getFeed(hub, 'tong-hop');
    assert.deepEqual(
      feed.items.map((i) => [i.title, i._portal.source.name]),
      [
        ['Hội nghị giao ban quý I', 'Cổng tỉnh'],
        ['Khai mạc Hội khỏe Phù Đổng', 'Sở GD&ĐT'],
        ['Tin đăng lại từ tỉnh', 'Cổng tỉnh'],
        ['Tuyển sinh lớp 10', 'Sở GD&ĐT'],
      ],
    );
    const rss = await (await fetch(`${hub.url}/feeds/tong-hop.xml`)).text();
    assert.match(rss, /^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0">/);
    assert.equal(rss.match(/<item>/g)?.length, 4);
    assert.match(rss, /<title>Khai mạc Hội khỏe Phù Đổng<\/title>/);
  });
});

describe('serving', () => {
  let hub: HubProcess;
  before(async () => {
    upstream.route('/counted.json', withEtag('application/feed+json', () => jsonFeed([{ id: 'a', title: 'Một tin', date: '2024-04-19T08:00:00+07:00' }])));
    hub = await run(
      writeConfig({
        sites: [site],
        feeds: [
          { id: 'counted', title: 'Counted', upstreams: [up('A', '/counted.json', { refreshSeconds: 1 })] },
          { id: 'open', title: 'Open', public: true, upstreams: [up('A', '/counted.json')] },
        ],
      }),
    );
    await until(async () => (await getFeed(hub, 'counted')).items.length === 1, 10_000, 'the first fetch');
  });

  it('makes one upstream request per interval however many readers', async () => {
    const before = upstream.hits.get('/counted.json')!.count;
    const started = Date.now();
    let readers = 0;
    while (Date.now() - started < 3000) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${hub.url}/feeds/counted.json`).then((r) => r.status)));
      assert.ok(answers.every((s) => s === 200));
      readers += answers.length;
    }
    const fetches = upstream.hits.get('/counted.json')!.count - before;
    console.log(`${readers} reader requests in ${Date.now() - started} ms → ${fetches} upstream requests (interval 1 s)`);
    assert.ok(readers >= 500, `many readers (${readers})`);
    assert.ok(fetches >= 2 && fetches <= 4, `about one upstream request per second, not per reader (${fetches})`);
  });

  it('fetches the upstream conditionally: 304s after the first answer', async () => {
    const h = upstream.hits.get('/counted.json')!;
    await until(() => h.notModified >= 2, 5000, 'conditional fetches');
    assert.ok(h.conditional >= h.notModified);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    assert.match(metrics, /portal_hub_upstream_fetches_total\{feed="counted",upstream="A",outcome="not-modified"\} [1-9]/);
    assert.match(metrics, /portal_hub_http_requests_total\{route="feed",status="200"\} [1-9]/);
    assert.match(metrics, /portal_hub_feed_items_served_total\{feed="counted"\} [1-9]/);
  });

  it('answers 304 to a matching If-None-Match, with the cache headers', async () => {
    const first = await fetch(`${hub.url}/feeds/open.json`);
    const etag = first.headers.get('etag')!;
    assert.match(first.headers.get('cache-control')!, /max-age=\d+, stale-while-revalidate=\d+/);
    assert.ok(first.headers.get('last-modified'));
    assert.match(first.headers.get('content-type')!, /application\/feed\+json/);
    const again = await fetch(`${hub.url}/feeds/open.json`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('sends CORS for the sites\' origins, or for all on a public feed', async () => {
    const allowed = await fetch(`${hub.url}/feeds/counted.json`, { headers: { origin: 'https://xa.example.gov.vn' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://xa.example.gov.vn');
    const other = await fetch(`${hub.url}/feeds/counted.json`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const pre = await fetch(`${hub.url}/feeds/counted.json`, { method: 'OPTIONS', headers: { origin: 'https://xa.example.gov.vn', 'access-control-request-method': 'GET' } });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('access-control-allow-origin'), 'https://xa.example.gov.vn', 'a preflight is answered for the allowed origin');
    const open = await fetch(`${hub.url}/feeds/open.json`, { headers: { origin: 'https://evil.example' } });
    assert.equal(open.headers.get('access-control-allow-origin'), '*');
    assert.equal((await fetch(`${hub.url}/feeds/nothing.json`)).status, 404);
  });

  it('reports each feed\'s last success at /healthz', async () => {
    const res = await fetch(`${hub.url}/healthz`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; feeds: Record<string, { last_success?: string }[]> };
    assert.equal(body.status, 'ok');
    assert.ok(Date.parse(body.feeds.counted[0].last_success!) > Date.now() - 60_000);
  });
});

describe('faults', () => {
  it('serves the last good copy when the upstream fails, and after a restart with it still down', async () => {
    let mode: 'ok' | 'changed' | 'down' = 'ok';
    upstream.route('/changing.json', (req, res) => {
      if (mode === 'down') return void res.writeHead(503).end('down');
      const items = [{ id: 'x1', title: 'Tin đầu', date: '2024-04-19T08:00:00+07:00' }];
      if (mode === 'changed') items.push({ id: 'x2', title: 'Tin mới', date: '2024-04-20T08:00:00+07:00' });
      return withEtag('application/feed+json', () => jsonFeed(items))(req, res);
    });
    const dir = tempDir();
    const file = writeConfig({ sites: [site], feeds: [{ id: 'c', title: 'C', upstreams: [up('A', '/changing.json', { refreshSeconds: 1 })] }] }, dir);
    let hub = await run(file);
    await until(async () => (await getFeed(hub, 'c')).items.length === 1, 10_000, 'first copy');
    mode = 'changed';
    await until(async () => (await getFeed(hub, 'c')).items.length === 2, 10_000, 'the changed feed');
    mode = 'down';
    await until(async () => !!sourceOf(await getFeed(hub, 'c'), 'A').last_error, 10_000, 'the failure reported');
    const during = await getFeed(hub, 'c');
    assert.deepEqual(during.items.map((i) => i.title), ['Tin mới', 'Tin đầu'], 'the last good copy is served');
    assert.equal(sourceOf(during, 'A').last_error, 'HTTP 503');
    assert.equal(await hub.stop(), 0);
    hub = await run(file);
    const restarted = await getFeed(hub, 'c');
    assert.deepEqual(restarted.items.map((i) => i.title), ['Tin mới', 'Tin đầu'], 'served from the database after a restart');
    assert.ok(sourceOf(restarted, 'A').last_success);
  });

  it('names each failure: 500 then OK, slow past the time-out, an HTML page, a body over the cap, entities', async () => {
    let calls = 0;
    upstream.route('/flaky.json', (_req, res) => {
      if (++calls === 1) return void res.writeHead(500).end('oops');
      res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed([{ id: 'f', title: 'Sau lỗi', date: '2024-04-19T08:00:00+07:00' }]));
    });
    upstream.route('/slow.json', async (_req, res) => {
      await sleep(3000);
      res.writeHead(200).end(jsonFeed([]));
    });
    upstream.route('/page.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Checking your browser…</body></html>'));
    upstream.route('/huge.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('[' + '"x",'.repeat(100_000) + '"x"]'));
    upstream.route('/lol.xml', (_req, res) => {
      const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY ext SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&c;</title><item><title>&c;&ext;</title></item></channel></rss>`;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(lol);
    });
    const hub = await run(
      writeConfig({
        sites: [site],
        feeds: [
          {
            id: 'faults',
            title: 'Faults',
            upstreams: [
              up('flaky', '/flaky.json', { refreshSeconds: 30 }),
              up('slow', '/slow.json', { timeoutMs: 500 }),
              up('html', '/page.html'),
              up('huge', '/huge.json', { maxBytes: 100_000 }),
              up('lol', '/lol.xml'),
            ],
          },
        ],
      }),
    );
    await until(async () => (await getFeed(hub, 'faults')).items.some((i) => i.title === 'Sau lỗi'), 10_000, 'the retry after the 500');
    await until(async () => (await getFeed(hub, 'faults'))._portal.sources.filter((s) => s.last_error).length === 4, 10_000, 'four failures');
    const feed = await getFeed(hub, 'faults');
    assert.equal(sourceOf(feed, 'flaky').last_error, undefined, 'the 500 was followed by a success (backoff, not the 30 s interval)');
    assert.match(sourceOf(feed, 'slow').last_error!, /time-out/);
    assert.match(sourceOf(feed, 'html').last_error!, /^format/);
    assert.match(sourceOf(feed, 'huge').last_error!, /larger than 100000 bytes/);
    assert.match(sourceOf(feed, 'lol').last_error!, /^format: XML DOCTYPE declares entities: not read/); // core refuses them before any parser
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    for (const [name, outcome] of [['flaky', 'http'], ['flaky', 'ok'], ['slow', 'timeout'], ['html', 'parse'], ['huge', 'too-large'], ['lol', 'parse']])
      assert.match(metrics, new RegExp(`portal_hub_upstream_fetches_total\\{feed="faults",upstream="${name}",outcome="${outcome}"\\} [1-9]`));
  });

  it('refuses redirects to private addresses, names resolving to them, and redirect loops', async () => {
    upstream.route('/ok.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed([{ id: 'p', title: 'Nội bộ', date: '2024-04-19T08:00:00+07:00' }])));
    upstream.route('/to-private', (_req, res) => void res.writeHead(302, { location: `${upstream.url}/ok.json` }).end());
    let n = 0;
    upstream.route('/loop', (_req, res) => void res.writeHead(302, { location: `/loop?${++n}` }).end());
    const port = new URL(upstream.url).port;
    const hub = await run(
      writeConfig({
        sites: [site],
        feeds: [
          {
            id: 'guard',
            title: 'Guard',
            upstreams: [
              up('redirect', '/to-private', { internal: false }),
              { name: 'by-name', url: `http://localhost:${port}/ok.json`, refreshSeconds: 60 },
              up('internal', '/to-private'),
              up('loop', '/loop'),
            ],
          },
        ],
      }),
    );
    await until(async () => (await getFeed(hub, 'guard'))._portal.sources.every((s) => s.last_error || s.last_success), 10_000, 'all four tried');
    const feed = await getFeed(hub, 'guard');
    assert.match(sourceOf(feed, 'redirect').last_error!, /redirect to 127\.0\.0\.1, a private address/);
    assert.match(sourceOf(feed, 'by-name').last_error!, /localhost resolves to .*a private address/);
    assert.ok(sourceOf(feed, 'internal').last_success, 'an internal upstream may redirect inside the network');
    assert.match(sourceOf(feed, 'loop').last_error!, /more than 5 redirects/);
    const loops = upstream.hits.get('/loop')!.count;
    assert.ok(loops >= 6 && loops % 6 === 0, `each attempt: the first request and 5 redirects, no more (${loops} requests)`);
    assert.deepEqual(feed.items.map((i) => i._portal.source.name), ['internal']);
  });
});

describe('config and lifecycle', () => {
  it('a wrong config stops the start with every error named by its JSON path', async () => {
    const file = writeConfig({
      rateLimit: 0,
      storage: { engine: 'mysql' },
      sites: [{ id: 'Portal!', name: 'x', origins: ['not an origin'] }],
      feeds: [{ id: 'a', title: 'A', upstreams: [{ name: 'x', url: 'ftp://x', format: 'json' }, { url: 'http://ok.example/' }] }],
      colour: 'red',
    });
    const err = await spawnHub(file).then(
      () => assert.fail('started'),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(err.code, 1);
    for (const line of [
      'rateLimit: must be >= 1',
      'storage.engine: must be one of "sqlite"',
      'colour: unknown setting',
      'sites[0].id: must match pattern',
      'sites[0].origins[0]: must match pattern',
      'feeds[0].upstreams[0].url: must match pattern',
      'feeds[0].upstreams[0].map: missing',
      'feeds[0].upstreams[1].name: missing',
    ])
      assert.ok(err.stderr.includes(line), `names "${line}" in:\n${err.stderr}`);
    const secret = await spawnHub(writeConfig({ sites: [site], feeds: [{ id: 'a', title: 'A', upstreams: [{ name: 'x', url: 'http://x.example/', authorizationEnv: 'HUB_TEST_TOKEN' }] }] })).catch((e) => e);
    assert.match(secret.stderr, /feeds\[0\]\.upstreams\[0\]\.authorizationEnv: HUB_TEST_TOKEN is not set in the environment/);
  });

  it('serves the configured documents, checked at start: a broken one stops it', async () => {
    const dir = tempDir();
    const links = { version: 'portal-links/1', title: 'Liên kết', groups: [{ title: 'Sở, ban, ngành', links: [{ title: 'Sở Giáo dục', url: 'https://sgddt.example.gov.vn/' }] }] };
    writeFileSync(path.join(dir, 'links.json'), JSON.stringify(links));
    writeFileSync(path.join(dir, 'banner.json'), '{"version": "portal-banner/9", "messages": []}');
    const hub = await run(writeConfig({ sites: [site], documents: [{ id: 'lien-ket', type: 'links', file: 'links.json' }] }, dir));
    const res = await fetch(`${hub.url}/documents/lien-ket.json`, { headers: { origin: 'https://any.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await res.json(), links);
    assert.equal((await fetch(`${hub.url}/documents/lien-ket.json`, { headers: { 'if-none-match': res.headers.get('etag')! } })).status, 304);
    const broken = await spawnHub(writeConfig({ sites: [site], documents: [{ id: 'bang', type: 'banner', file: 'banner.json' }] }, dir)).catch((e) => e);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /documents: "bang": .*banner\.json is not a valid banner document \(version/);
  });

  it('on SIGTERM stops accepting and finishes the requests in flight, losing none', async () => {
    const hub = await run(writeConfig({ sites: [site] }, tempDir()));
    const { hostname, port } = new URL(hub.url);
    // Requests whose bodies arrive slowly: in flight when the signal comes.
    const inFlight = Array.from({ length: 20 }, (_, i) => {
      const req = request({ host: hostname, port, path: '/api/visits', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '2', 'user-agent': browserUa(`ua-${i}`) } });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
      });
      req.write('{');
      return { req, answer };
    });
    await sleep(500);
    hub.child.kill('SIGTERM');
    await sleep(300);
    await assert.rejects(fetch(`${hub.url}/healthz`), 'no new connection is accepted');
    for (const r of inFlight) r.req.end('}');
    const answers = await Promise.all(inFlight.map((r) => r.answer));
    assert.deepEqual(answers.map((a) => a.status), Array(20).fill(200));
    assert.equal(Math.max(...answers.map((a) => (JSON.parse(a.body) as { total: number }).total)), 20, 'every visit counted');
    assert.equal(await hub.exited, 0);
    assert.match(hub.stdout, /SIGTERM: finishing the requests in flight/);
  });
});


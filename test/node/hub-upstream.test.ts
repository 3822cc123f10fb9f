/**
 * The hub against upstreams that misbehave in the middle of an answer, over
 * real HTTP with real hub processes: compressed bodies that stall or are cut
 * off (the refresh ends, is named, and the next one happens), SIGTERM while a
 * fetch hangs, credentials and redirects, later pages that fail, bad URLs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { freshPlace, ENGINES } from './counter-kit.js';
import { jsonFeed, fileHubs, fileUpstream, tempDir, until, withEtag, writeConfig, type Answer, type HubProcess } from './hub-kit.js';

// Hubs stop first (after hooks run in reverse order), then the upstream.
const upstream = fileUpstream();
const run = fileHubs();

const site = { id: 'portal', name: 'Cổng', origins: ['https://xa.example.gov.vn'] };
const up = (name: string, p: string, extra: Record<string, unknown> = {}) => ({ name, url: `${upstream.url}${p}`, internal: true, refreshSeconds: 60, ...extra });
type Source = { name: string; last_success?: string; last_error?: string };
type FeedBody = { items: { id: string; title: string; _portal: { source: { name: string; url?: string } } }[]; _portal: { sources: Source[] } };
const getFeed = async (hub: HubProcess, id: string) => (await (await fetch(`${hub.url}/feeds/${id}.json`)).json()) as FeedBody;
const metrics = async (hub: HubProcess) => (await fetch(`${hub.url}/metrics`)).text();
const fetchCount = (text: string, feed: string, name: string, outcome: string) =>
  Number(new RegExp(`portal_hub_upstream_fetches_total\\{feed="${feed}",upstream="${name}",outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0);

const feedOf = (title: string) => jsonFeed([{ id: title, title, date: '2024-04-19T08:00:00+07:00' }]);
const compress = { gzip: (b: Buffer) => gzipSync(b), br: (b: Buffer) => brotliCompressSync(b) };

/** First answer: the compressed head of a large body, then a stall (never ends) or a cut connection; later answers whole. */
function failsOnceMidBody(encoding: 'gzip' | 'br', fault: 'stall' | 'cut', title: string): Answer {
  let calls = 0;
  const whole = compress[encoding](Buffer.from(feedOf(title)));
  // Incompressible padding, so the head sent is only part of the body.
  const big = compress[encoding](Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [], pad: Math.random().toString(36).repeat(20_000) })));
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/feed+json', 'content-encoding': encoding });
    if (++calls > 1) return void res.end(whole);
    res.write(big.subarray(0, 200));
    if (fault === 'cut') setTimeout(() => res.socket?.destroy(), 100);
  };
}

describe('an upstream whose compressed body stalls or is cut off', () => {
  it('names the failure (timeout / network), then fetches it again and succeeds: gzip and brotli', async () => {
    const cases = [
      ['gzip', 'stall'],
      ['gzip', 'cut'],
      ['br', 'stall'],
      ['br', 'cut'],
    ] as const;
    for (const [encoding, fault] of cases) upstream.route(`/${encoding}-${fault}.json`, failsOnceMidBody(encoding, fault, `${encoding} ${fault} sau lỗi`));
    const hub = await run(
      writeConfig({
        sites: [site],
        feeds: [{ id: 'mid', title: 'Mid-body', upstreams: cases.map(([e, f]) => up(`${e}-${f}`, `/${e}-${f}.json`, { timeoutMs: 500 })) }],
      }),
    );
    await until(async () => (await getFeed(hub, 'mid')).items.length === 4, 20_000, 'every upstream fetched again after its failure');
    const text = await metrics(hub);
    for (const [encoding, fault] of cases) {
      const outcome = fault === 'stall' ? 'timeout' : 'network';
      assert.equal(fetchCount(text, 'mid', `${encoding}-${fault}`, outcome), 1, `${encoding} ${fault}: one ${outcome} failure in the metrics`);
      assert.equal(fetchCount(text, 'mid', `${encoding}-${fault}`, 'ok'), 1, `${encoding} ${fault}: then one success`);
    }
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { feeds: Record<string, Source[]> };
    assert.ok(health.feeds.mid.every((s) => s.last_success && !s.last_error), 'healthz: each recovered');
  });

  it('shows the failure in /healthz while it lasts', async () => {
    upstream.route('/always-stalls.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/feed+json', 'content-encoding': 'gzip' });
      res.write(gzipSync(Buffer.from(feedOf('never'))).subarray(0, 20));
    });
    upstream.route('/always-cut.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/feed+json', 'content-encoding': 'br' });
      res.write(brotliCompressSync(Buffer.from(feedOf('never'))).subarray(0, 20));
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'down', title: 'Down', upstreams: [up('stalls', '/always-stalls.json', { timeoutMs: 300 }), up('cut', '/always-cut.json')] }] }));
    const health = async () => ((await (await fetch(`${hub.url}/healthz`)).json()) as { feeds: Record<string, Source[]> }).feeds.down;
    await until(async () => (await health()).every((s) => s.last_error), 10_000, 'both failures reported');
    const [stalls, cut] = await health();
    assert.match(stalls.last_error!, /time-out/);
    assert.match(cut.last_error!, /ECONNRESET|aborted|closed/);
    await until(async () => (upstream.hits.get('/always-stalls.json')?.count ?? 0) >= 2, 10_000, 'the stalled upstream retried');
  });

  for (const engine of ENGINES)
    it(`SIGTERM while a fetch hangs in the body exits promptly with 0 (${engine.name}; before the fix PostgreSQL never exited)`, { skip: engine.skip }, async () => {
      upstream.route('/hangs.json', (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/feed+json', 'content-encoding': 'gzip' });
        res.write(gzipSync(Buffer.from(feedOf('never'))).subarray(0, 20));
      });
      const before = upstream.hits.get('/hangs.json')?.count ?? 0;
      const place = await freshPlace(engine.name);
      const hub = await run(writeConfig({ sites: [site], storage: { dataDir: place.dataDir }, feeds: [{ id: 'h', title: 'H', upstreams: [up('hangs', '/hangs.json', { timeoutMs: 120_000 })] }] }), place.env);
      await until(() => (upstream.hits.get('/hangs.json')?.count ?? 0) > before, 10_000, 'the fetch started');
      const t0 = Date.now();
      hub.child.kill('SIGTERM');
      const code = await Promise.race([hub.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))]);
      assert.equal(code, 0, `exit code (after ${Date.now() - t0} ms)`);
    });
});

describe('an upstream in pages whose later page fails', () => {
  const page = (p: string, title: string, next?: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
    void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'p', ...(next ? { next_url: `${upstream.url}${next}` } : {}), items: [{ id: p, url: `https://a.example${p}`, title, date_published: '2024-04-19T08:00:00+07:00' }] }),
    );

  it('keeps the items of the pages before it and says which page failed: a 304 on page 2, a 500 on page 3', async () => {
    upstream.route('/p304-1.json', page('/p304-1', 'Trang 1', '/p304-2.json'));
    upstream.route('/p304-2.json', (_req, res) => void res.writeHead(304).end());
    upstream.route('/p500-1.json', page('/p500-1', 'Trang một', '/p500-2.json'));
    upstream.route('/p500-2.json', page('/p500-2', 'Trang hai', '/p500-3.json'));
    upstream.route('/p500-3.json', (_req, res) => void res.writeHead(500).end('oops'));
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'pg', title: 'Pages', upstreams: [up('a304', '/p304-1.json'), up('a500', '/p500-1.json')] }] }));
    await until(async () => (await getFeed(hub, 'pg'))._portal.sources.every((s) => s.last_success), 10_000, 'both read');
    const feed = await getFeed(hub, 'pg');
    assert.deepEqual(feed.items.map((i) => i.title).sort(), ['Trang 1', 'Trang hai', 'Trang một']);
    const [a304, a500] = feed._portal.sources;
    assert.equal(a304.last_error, 'page 2: HTTP 304 (the items of the 1 page(s) before it are kept)');
    assert.equal(a500.last_error, 'page 3: HTTP 500 (the items of the 2 page(s) before it are kept)');
    const text = await metrics(hub);
    assert.equal(fetchCount(text, 'pg', 'a304', 'ok'), 1);
    assert.equal(fetchCount(text, 'pg', 'a500', 'ok'), 1);
  });
});

describe('a config fixed between two runs on one data folder', () => {
  it('fetches the upstream again whole (no validators) when the map or the source changed, conditionally when nothing did', async () => {
    const body = JSON.stringify({ data: { list: [{ TieuDe: 'Hội nghị giao ban', MoTa: 'Tóm tắt', LienKet: 'https://sgddt.example/tin/1', NgayDang: '2024-04-19T08:00:00+07:00' }] } });
    upstream.route('/api/tin-tuc', withEtag('application/json', () => body));
    const dir = tempDir();
    const config = (name: string, title: string) =>
      writeConfig({ sites: [site], feeds: [{ id: 'cms', title: 'CMS', upstreams: [up(name, '/api/tin-tuc', { format: 'json', homeUrl: `https://${title.toLowerCase()}.example/`, map: { items: 'data.list', title, url: 'LienKet', date_published: 'NgayDang' } })] }] }, dir);
    const hits = () => upstream.hits.get('/api/tin-tuc') ?? { count: 0, conditional: 0, notModified: 0 };
    const item = async (hub: HubProcess) => (await getFeed(hub, 'cms')).items[0];

    let hub = await run(config('CMS cũ', 'MoTa'));
    await until(async () => (await item(hub))?.title === 'Tóm tắt', 10_000, 'the first read, with the wrong map');
    assert.equal(await hub.stop(), 0);
    const before = { ...hits() };

    hub = await run(config('Sở GD&ĐT', 'TieuDe'));
    await until(async () => (await item(hub))?.title === 'Hội nghị giao ban', 10_000, 'the items read with the fixed map');
    const fixed = await item(hub);
    assert.deepEqual(fixed._portal.source, { name: 'Sở GD&ĐT', url: 'https://tieude.example/' });
    assert.equal(hits().count, before.count + 1);
    assert.equal(hits().conditional, before.conditional, 'asked without If-None-Match');
    assert.equal(await hub.stop(), 0);

    hub = await run(config('Sở GD&ĐT', 'TieuDe'));
    await until(() => hits().count === before.count + 2, 10_000, 'the third run fetched');
    await until(async () => !!(await getFeed(hub, 'cms'))._portal.sources[0].last_success, 10_000, 'its outcome');
    assert.equal(hits().conditional, before.conditional + 1, 'the same config: a conditional GET');
    assert.equal(hits().notModified, before.notModified + 1, 'answered 304');
    assert.equal((await item(hub)).title, 'Hội nghị giao ban');
  });
});

describe('refreshes that change nothing', () => {
  it('leave the feed as it was: the same ETag across 304s, and a reader\'s If-None-Match gets 304', async () => {
    upstream.route('/steady.json', withEtag('application/feed+json', () => feedOf('Tin không đổi')));
    upstream.route('/steady-body.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(feedOf('Cùng nội dung')));
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'st', title: 'Steady', upstreams: [up('etag', '/steady.json', { refreshSeconds: 1 }), up('same-body', '/steady-body.json', { refreshSeconds: 1 })] }] }));
    const hits = (p: string) => upstream.hits.get(p) ?? { count: 0, conditional: 0, notModified: 0 };
    await until(async () => (await getFeed(hub, 'st')).items.length === 2, 10_000, 'both read');
    const first = await fetch(`${hub.url}/feeds/st.json`);
    const etag = first.headers.get('etag')!;
    const [n304, nBody] = [hits('/steady.json').notModified, hits('/steady-body.json').count];
    await until(() => hits('/steady.json').notModified >= n304 + 2 && hits('/steady-body.json').count >= nBody + 2, 15_000, 'two more refreshes of each');
    const later = await fetch(`${hub.url}/feeds/st.json`);
    assert.equal(later.headers.get('etag'), etag, 'the same ETag after two 304s and two identical bodies');
    assert.equal(later.headers.get('last-modified'), first.headers.get('last-modified'));
    assert.equal((await fetch(`${hub.url}/feeds/st.json`, { headers: { 'if-none-match': etag } })).status, 304);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { feeds: Record<string, Source[]> };
    const published = (await first.json()) as FeedBody;
    assert.ok(Date.parse(health.feeds.st[0].last_success!) > Date.parse(published._portal.sources[0].last_success!), '/healthz has the live last success');
  });

  it('still publishes last_success again once a tenth of max_age old, so a source on time never looks stale', async () => {
    upstream.route('/aging.json', withEtag('application/feed+json', () => feedOf('Tin cũ')));
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'age', title: 'Age', upstreams: [up('aging', '/aging.json', { refreshSeconds: 1, maxAgeSeconds: 20 })] }] }));
    await until(async () => !!(await getFeed(hub, 'age'))._portal.sources[0].last_success, 10_000, 'read');
    const firstSeen = (await getFeed(hub, 'age'))._portal.sources[0].last_success;
    await until(async () => (await getFeed(hub, 'age'))._portal.sources[0].last_success !== firstSeen, 15_000, 'last_success published again (every 2 s at most here)');
  });
});

describe('the log', () => {
  it('says once when an upstream starts failing, once when it fails another way, and once when it recovers: not per retry', async () => {
    let calls = 0;
    upstream.route('/flaps.json', (_req, res) => {
      calls++;
      if (calls <= 2) return void res.writeHead(503).end('down');
      if (calls === 4) return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
      if (calls === 3) return void res.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version":"https://jsonfeed.org/version/1.1","items":[');
      res.writeHead(200, { 'content-type': 'application/feed+json' }).end(feedOf('Đã trở lại'));
    });
    const hub = await run(writeConfig({ sites: [site], feeds: [{ id: 'log', title: 'Log', upstreams: [up('flaps', '/flaps.json')] }] }));
    await until(async () => (await getFeed(hub, 'log')).items.length === 1, 30_000, 'the recovery');
    const lines = hub.stderr.split('\n').filter((l) => l.includes('upstream "flaps"'));
    assert.equal(calls, 5);
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(lines[0], /^feed log: upstream "flaps" \(http:\/\/127\.0\.0\.1:\d+\/flaps\.json\) failed: http: HTTP 503$/);
    // Broken JSON fails as a PortalError whose message starts with its kind, "parse": said once, not "parse: parse:".
    // (The HTML page after it fails as a parse too, so it is no new line.)
    assert.match(lines[1], /\) failed: parse: Unexpected end of JSON input$/);
    assert.match(lines[2], /^feed log: upstream "flaps" .* recovered after 4 failed fetch\(es\)$/);
  });
});

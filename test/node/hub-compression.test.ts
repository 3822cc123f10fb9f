/**
 * The hub's compressed answers and its feed pages, over real HTTP with raw
 * bytes (node:http, which decompresses nothing): every encoding decodes to the
 * identical body, Accept-Encoding's q-values and `identity;q=0` are honoured,
 * each variant has its own ETag and Content-Length, HEAD and 304 work, a Range
 * gets the whole body; a merged feed of 70 items is 3 pages linked by
 * next_url, the demo's 361-item JSON Feed file too, and an upstream in pages
 * is read through its next_url (on its own origin only).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseCoding, VariantCache } from '../../hub/src/compression.js';
import { spawnHub, startUpstream, until, withEtag, writeConfig, type HubProcess, type Upstream } from './hub-kit.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (a: Answer) => (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body);

let upstream: Upstream;
let hub: HubProcess;
/** 70 items, newest first: the merged feed's 3 pages of 30, 30 and 10. */
const ITEMS = Array.from({ length: 70 }, (_, i) => ({
  id: `tin-${String(i + 1).padStart(3, '0')}`,
  title: `Tin số ${i + 1}: Hội nghị giao ban Mặt trận Tổ quốc quý I`,
  url: `http://province.example/tin/${i + 1}`,
  content_html: `<p>Chiều 15/4, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban số ${i + 1}.</p>`,
  date_published: new Date(Date.UTC(2024, 3, 30, 1) - i * 3_600_000).toISOString(),
}));
const feedDoc = (items: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Upstream', ...extra, items });

before(async () => {
  assert.ok(existsSync('dist/cdn/portal-widgets.js'), 'npm run build first (the hub serves dist/)');
  upstream = await startUpstream();
  upstream.route('/tinh.json', withEtag('application/feed+json', () => feedDoc(ITEMS)));
  // An upstream in pages: 25 items per page, the last page's next_url pointing to another origin (not followed).
  for (let n = 1; n <= 3; n++)
    upstream.route(
      `/paged-${n}.json`,
      withEtag('application/feed+json', () =>
        feedDoc(ITEMS.slice((n - 1) * 25, n * 25).map((i) => ({ ...i, id: `p-${i.id}`, url: `${i.url}?paged` })), { next_url: n < 3 ? `paged-${n + 1}.json` : 'http://elsewhere.example/paged-4.json' }),
      ),
    );
  hub = await spawnHub(
    writeConfig({
      serveDemo: process.cwd(),
      sites: [{ id: 'portal', name: 'Cổng', origins: ['*'] }],
      feeds: [
        { id: 'tong-hop', title: 'Tổng hợp', upstreams: [{ name: 'Tỉnh', url: `${upstream.url}/tinh.json`, internal: true }] },
        { id: 'nho', title: 'Nhỏ', pageSize: 5, limit: 60, upstreams: [{ name: 'Trang', url: `${upstream.url}/paged-1.json`, internal: true }] },
      ],
    }),
  );
  await until(async () => (await get(`${hub.url}/feeds/tong-hop.json`)).body.includes('tin-001'), 10_000, 'the merged feed');
  await until(async () => (await get(`${hub.url}/feeds/nho.json`)).body.includes('p-tin-001'), 10_000, 'the paged upstream');
});
after(async () => {
  await hub?.stop('SIGKILL');
  await upstream?.close();
});

describe('compression', () => {
  const paths = ['/feeds/tong-hop.json', '/feeds/tong-hop.json?page=2', '/feeds/tong-hop.xml', '/demo/', '/demo/demo.css', '/dist/cdn/portal-widgets.js', '/demo/feeds/links.json'];

  it('sends brotli or gzip as asked, each decoding to the identical body, with its own ETag and Content-Length', async () => {
    for (const p of paths) {
      const plain = await get(`${hub.url}${p}`, { 'accept-encoding': 'identity' });
      assert.equal(plain.status, 200, p);
      assert.equal(plain.headers['content-encoding'], undefined, p);
      assert.match(String(plain.headers.vary), /Accept-Encoding/, `${p}: Vary even on the identity answer`);
      const tags = new Set([plain.headers.etag]);
      for (const coding of ['br', 'gzip']) {
        const a = await get(`${hub.url}${p}`, { 'accept-encoding': coding });
        assert.equal(a.headers['content-encoding'], coding, p);
        assert.equal(Number(a.headers['content-length']), a.body.length, `${p} ${coding}: Content-Length of the encoded bytes`);
        assert.ok(a.body.length < plain.body.length / 2, `${p} ${coding}: ${a.body.length} of ${plain.body.length} bytes`);
        assert.deepEqual(decoded(a), plain.body, `${p} ${coding}: the same body`);
        assert.match(String(a.headers.vary), /Accept-Encoding/);
        tags.add(a.headers.etag);
      }
      assert.equal(tags.size, 3, `${p}: one ETag per encoding (${[...tags].join(' ')})`);
    }
  });

  it('honours q-values, *, x-gzip and identity;q=0; names no encoding: identity', async () => {
    const url = `${hub.url}/feeds/tong-hop.json`;
    const cases: [string | undefined, string | undefined][] = [
      [undefined, undefined],
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0.5, gzip;q=1', 'gzip'],
      ['GZIP;Q=0.8, br;q=0.9', 'br'],
      ['br;q=0, *', 'gzip'],
      ['*;q=0.3, identity;q=0.5', undefined],
      ['x-gzip', 'gzip'],
      ['deflate', undefined],
      ['identity;q=0, gzip', 'gzip'],
      ['', undefined],
    ];
    for (const [accept, expected] of cases) {
      const a = await get(url, accept === undefined ? {} : { 'accept-encoding': accept });
      assert.equal(a.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
    }
    // Nothing acceptable: identity, as RFC 9110 advises, not a 406.
    for (const accept of ['identity;q=0', '*;q=0', 'identity;q=0, br;q=0, gzip;q=0']) {
      const a = await get(url, { 'accept-encoding': accept });
      assert.equal(a.status, 200, accept);
      assert.equal(a.headers['content-encoding'], undefined, accept);
    }
    assert.equal(chooseCoding('br;q=0.001, gzip;q=0', ['br', 'gzip', 'identity']), 'br', 'a coding named, however low, before identity not named');
    assert.equal(chooseCoding('gzip;q=0', ['br', 'gzip', 'identity']), 'identity');
    assert.equal(chooseCoding('br;q=1, gzip;q=1', ['gzip', 'identity']), 'gzip', 'only what is offered');
  });

  it('compresses no tiny body and no image', async () => {
    const tiny = await get(`${hub.url}/demo/favicon.svg`, { 'accept-encoding': 'br, gzip' });
    assert.equal(tiny.status, 200);
    assert.ok(tiny.body.length < 1024);
    assert.equal(tiny.headers['content-encoding'], undefined, 'a 208-byte SVG is sent as it is');
    const ask = await get(`${hub.url}/demo/favicon.svg`, { 'accept-encoding': 'identity;q=0, br;q=0, gzip;q=0' });
    assert.equal(ask.headers['content-encoding'], undefined);
    const health = await get(`${hub.url}/healthz`, { 'accept-encoding': 'br' });
    assert.equal(health.headers['content-encoding'], undefined, 'a small JSON answer');
  });

  it('answers HEAD with the headers of the chosen variant and no body', async () => {
    for (const coding of ['br', 'gzip', 'identity']) {
      const full = await get(`${hub.url}/feeds/tong-hop.json`, { 'accept-encoding': coding });
      const head = await get(`${hub.url}/feeds/tong-hop.json`, { 'accept-encoding': coding }, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      assert.equal(head.headers['content-length'], full.headers['content-length'], coding);
      assert.equal(head.headers.etag, full.headers.etag, coding);
      assert.equal(head.headers['content-encoding'], full.headers['content-encoding'], coding);
    }
  });

  it('answers 304 to the ETag of any variant (weak or strong), with the ETag of the one it would send', async () => {
    for (const p of ['/feeds/tong-hop.json?page=3', '/demo/tin-tuc.html', '/dist/cdn/portal-widgets.js', '/demo/feeds/news.json?page=2']) {
      const gz = await get(`${hub.url}${p}`, { 'accept-encoding': 'gzip' });
      const br = await get(`${hub.url}${p}`, { 'accept-encoding': 'br' });
      for (const [tag, accept] of [[gz.headers.etag, 'gzip'], [`W/${gz.headers.etag}`, 'br'], [`"other", ${br.headers.etag}`, 'identity']] as const) {
        const again = await get(`${hub.url}${p}`, { 'accept-encoding': accept, 'if-none-match': String(tag) });
        assert.equal(again.status, 304, `${p} If-None-Match: ${tag}`);
        assert.equal(again.body.length, 0);
        assert.equal(again.headers.etag, accept === 'gzip' ? gz.headers.etag : accept === 'br' ? br.headers.etag : String(br.headers.etag).replace('-br"', '"'));
      }
      assert.equal((await get(`${hub.url}${p}`, { 'accept-encoding': 'br', 'if-none-match': '"something-else"' })).status, 200);
    }
  });

  it('answers a Range with the whole body (no ranges of compressed bytes)', async () => {
    const a = await get(`${hub.url}/dist/cdn/portal-widgets.js`, { 'accept-encoding': 'br', range: 'bytes=0-99' });
    assert.equal(a.status, 200);
    assert.equal(a.headers['accept-ranges'], 'none');
    assert.equal(a.headers['content-range'], undefined);
    assert.ok(decoded(a).length > 1000);
  });
});

describe('feed pages', () => {
  type Page = { items: { id: string }[]; next_url?: string; _portal?: unknown };
  /** Every page from `first`, following next_url as a reader does (resolved against the page's URL). */
  async function pagesFrom(first: string): Promise<{ url: string; page: Page; etag: string }[]> {
    const out = [];
    for (let url: string | undefined = first; url; ) {
      const a = await get(url, { 'accept-encoding': 'br' });
      assert.equal(a.status, 200, url);
      const page = JSON.parse(decoded(a).toString()) as Page;
      out.push({ url, page, etag: String(a.headers.etag) });
      url = page.next_url && new URL(page.next_url, url).href;
    }
    return out;
  }

  it('serves a merged feed in pages of 30 linked by next_url, every item once, in order', async () => {
    const pages = await pagesFrom(`${hub.url}/feeds/tong-hop.json`);
    assert.deepEqual(pages.map((p) => p.page.items.length), [30, 30, 10]);
    assert.deepEqual(pages.map((p) => p.page.next_url), ['tong-hop.json?page=2', 'tong-hop.json?page=3', undefined]);
    assert.deepEqual(pages.flatMap((p) => p.page.items.map((i) => i.id)), ITEMS.map((i) => i.id));
    assert.ok(pages.every((p) => p.page._portal), 'each page is a whole JSON Feed with the sources');
    assert.equal(new Set(pages.map((p) => p.etag)).size, 3);
    assert.equal((await get(`${hub.url}/feeds/tong-hop.json?page=1`, { 'accept-encoding': 'br' })).headers.etag, pages[0].etag, '?page=1 is the first page');
    for (const bad of ['4', '0', 'abc', '-1', '2.5']) assert.equal((await get(`${hub.url}/feeds/tong-hop.json?page=${bad}`)).status, 404, `?page=${bad}`);
    const rss = (await get(`${hub.url}/feeds/tong-hop.xml`)).body.toString();
    assert.equal(rss.match(/<item>/g)?.length, 70, 'the RSS is whole, for the CMSs that read it');
  });

  it('serves the demo\'s JSON Feed file in pages too, every one of its items reachable', async () => {
    const pages = await pagesFrom(`${hub.url}/demo/feeds/news.json`);
    const all = pages.flatMap((p) => p.page.items.map((i) => i.id));
    assert.equal(pages[0].page.items.length, 30);
    assert.equal(all.length, 361);
    assert.equal(new Set(all).size, 361);
    const first = await get(`${hub.url}/demo/feeds/news.json`, { 'accept-encoding': 'br' });
    console.log(`demo news.json first page: ${first.body.length} B brotli, ${decoded(first).length} B decoded (the whole file: 403 KB)`);
    assert.ok(first.body.length < 8000, `a few KB (${first.body.length})`);
    assert.equal((await get(`${hub.url}/demo/feeds/news.json?page=14`)).status, 404);
    assert.equal((await get(`${hub.url}/demo/tin-tuc.html?page=abc&q=x`)).status, 200, 'a page\'s own query is the widgets\'');
    const videos = JSON.parse((await get(`${hub.url}/demo/feeds/videos.json`)).body.toString()) as Page;
    assert.equal(videos.next_url, undefined, 'a feed that fits one page is served as it is');
  });

  it('reads an upstream in pages through its next_url, on its own origin only', async () => {
    const pages = await pagesFrom(`${hub.url}/feeds/nho.json`);
    const ids = pages.flatMap((p) => p.page.items.map((i) => i.id));
    assert.equal(ids.length, 60, 'three upstream pages of 25, kept to the limit of 60');
    assert.equal(pages[0].page.items.length, 5);
    for (const n of [1, 2, 3]) assert.ok(upstream.hits.get(`/paged-${n}.json`)?.count, `page ${n} read`);
  });
});

describe('the cache of compressed files', () => {
  it('keeps at most its bytes, dropping the least recently served; a new version replaces the old', async () => {
    const cache = new VariantCache<{ bytes: number; v: string }>(100);
    let made = 0;
    const entry = (v: string, bytes: number) => async () => (made++, { bytes, v });
    await cache.get('a', '1', entry('a1', 40));
    await cache.get('b', '1', entry('b1', 40));
    assert.equal((await cache.get('a', '1', entry('a1', 40))).v, 'a1');
    assert.equal(made, 2, 'a second request is served from memory');
    await cache.get('c', '1', entry('c1', 40)); // 120 > 100: b, the least recently served, goes
    assert.equal(cache.size, 80);
    await cache.get('b', '1', entry('b1', 40));
    assert.equal(made, 4, 'b was made again');
    assert.equal((await cache.get('a', '2', entry('a2', 10))).v, 'a2', 'a changed file is compressed again');
    assert.ok(cache.size <= 100);
    await cache.get('huge', '1', entry('huge', 500));
    assert.ok(cache.size <= 100, 'an entry over the whole budget is served, not kept');
  });
});

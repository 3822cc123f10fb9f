/**
 * The hub republishes only HTML that passes the widgets' own sanitizer: real
 * upstreams over HTTP (a JSON Feed and an RSS feed whose items carry script,
 * handlers, javascript:/data: URLs, frames, plug-ins, forms, style, SVG with
 * script, beside ordinary article HTML), real hub processes; the JSON Feed and
 * RSS it serves, before and after a restart; and a copy stored by an older hub
 * (its config key without the reading version) read again at the upgrade.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { openStorage } from '../../hub/src/hub.js';
import type { JsonFeedItem } from '../../hub/src/feed-output.js';
import { ENGINES, freshPlace, hubConfig, TEST_SECRET } from './counter-kit.js';
import { ARTICLE, HOSTILE, LEFTOVERS } from './hub-html-cases.js';
import { fileHubs, fileUpstream, until, withEtag, writeConfig, type HubProcess } from './hub-kit.js';

// Hubs stop first (after hooks run in reverse order), then the upstream.
const upstream = fileUpstream();
const run = fileHubs();

const site = { id: 'portal', name: 'Cổng', origins: ['https://xa.example.gov.vn'] };
const up = (name: string, p: string, extra: Record<string, unknown> = {}) => ({ name, url: `${upstream.url}${p}`, internal: true, refreshSeconds: 60, ...extra });
type Served = { items: (JsonFeedItem & { title: string })[]; _portal: { sources: { name: string; last_success?: string; last_error?: string }[] } };
const getFeed = async (hub: HubProcess, id: string) => (await (await fetch(`${hub.url}/feeds/${id}.json`)).json()) as Served;
/** Each RSS item's title and description as a reader gets them (the XML decoded once: the HTML it renders). */
const getRss = async (hub: HubProcess, id: string) => {
  const doc = new DOMParser().parseFromString(await (await fetch(`${hub.url}/feeds/${id}.xml`)).text(), 'text/xml');
  return [...doc.getElementsByTagName('item')].map((i) => ({
    title: i.getElementsByTagName('title')[0]?.textContent ?? '',
    description: i.getElementsByTagName('description')[0]?.textContent ?? '',
  }));
};

const ITEM_URL = 'https://agency.example/tin/1.html';

/** The ordinary parts kept, the relative URLs resolved against the item's own URL. */
function assertOrdinaryKept(html: string, what: string): void {
  for (const part of ['<h2>Kết quả</h2>', '<strong>một</strong>', '<figcaption>Ảnh</figcaption>', '<th scope="col">Xã</th>', '<td colspan="2">12</td>'])
    assert.ok(html.includes(part), `${what}: keeps ${part}`);
  assert.match(html, /<img src="https:\/\/agency\.example\/tin\/anh\/hoi-nghi\.jpg" alt="Hội nghị" width="640"/, `${what}: the image, its src resolved`);
  assert.ok(html.includes('<a href="https://agency.example/tin/2.html">tin khác</a>'), `${what}: the relative link resolved`);
  assert.ok(html.includes('<a href="https://tinhuytthue.vn/" target="_blank" rel="noopener noreferrer">nguồn</a>'), `${what}: the new-tab link with rel`);
}

function assertClean(html: string, what: string): void {
  assert.doesNotMatch(html, LEFTOVERS, what);
  assert.ok(html.includes('<p>bị tấn công</p>'), `${what}: the text of a paragraph that had a handler and a style is kept`);
}

const jsonUpstream = () =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Sở',
    items: [
      { id: 'hostile', url: 'https://agency.example/tin/0.html', title: 'Tin có mã độc', summary: 'Tóm tắt <b>in đậm</b> & <script>alert(7)</script>', content_html: HOSTILE, date_published: '2024-04-19T08:00:00+07:00' },
      { id: 'article', url: ITEM_URL, title: 'Bài thường', content_html: ARTICLE, date_published: '2024-04-18T08:00:00+07:00' },
    ],
  });
const rssUpstream = () =>
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Huyện</title><link>https://huyen.example/</link>' +
  `<item><title>Tin RSS có mã độc</title><link>https://huyen.example/tin/9.html</link><pubDate>Wed, 17 Apr 2024 08:00:00 +0700</pubDate><content:encoded><![CDATA[${HOSTILE}]]></content:encoded></item>` +
  '</channel></rss>';

describe("the hub's output carries only sanitized HTML", () => {
  it('JSON Feed and RSS: none of the hostile parts, the ordinary ones kept with their URLs resolved; the same after a restart', async () => {
    let down = false;
    const answer = (type: string, body: () => string) => {
      const ok = withEtag(type, body);
      return (req: Parameters<typeof ok>[0], res: Parameters<typeof ok>[1]) => (down ? void res.writeHead(500).end('down') : ok(req, res));
    };
    upstream.route('/san.json', answer('application/feed+json', jsonUpstream));
    upstream.route('/san.rss', answer('application/rss+xml', rssUpstream));
    const file = writeConfig({ sites: [site], feeds: [{ id: 'san', title: 'Sạch', upstreams: [up('Sở', '/san.json'), up('Huyện', '/san.rss')] }] });
    let hub = await run(file);
    await until(async () => (await getFeed(hub, 'san')).items.length === 3, 30_000, 'both upstreams read');

    const check = async (when: string) => {
      const feed = await getFeed(hub, 'san');
      const byId = new Map(feed.items.map((i) => [i.title, i]));
      assertClean(byId.get('Tin có mã độc')!.content_html!, `${when}: JSON Feed, a JSON Feed upstream's item`);
      assertClean(byId.get('Tin RSS có mã độc')!.content_html!, `${when}: JSON Feed, an RSS upstream's item`);
      assertOrdinaryKept(byId.get('Bài thường')!.content_html!, `${when}: JSON Feed`);
      // The summary is text in JSON Feed: kept as written, for the widgets to render as text.
      assert.equal(byId.get('Tin có mã độc')!.summary, 'Tóm tắt <b>in đậm</b> & <script>alert(7)</script>');

      const rss = new Map((await getRss(hub, 'san')).map((i) => [i.title, i.description]));
      // RSS readers render the description as HTML: the summary's markup arrives escaped, to show as text.
      assert.equal(rss.get('Tin có mã độc'), 'Tóm tắt &lt;b&gt;in đậm&lt;/b&gt; &amp; &lt;script&gt;alert(7)&lt;/script&gt;', `${when}: RSS, the summary as text`);
      assertClean(rss.get('Tin RSS có mã độc')!, `${when}: RSS, an RSS upstream's item`);
      assertOrdinaryKept(rss.get('Bài thường')!, `${when}: RSS`);
      return { json: feed.items.map((i) => i.content_html), rss: [...rss.values()] };
    };
    const before = await check('read');

    down = true;
    assert.equal(await hub.stop(), 0);
    hub = await run(file);
    await until(async () => (await getFeed(hub, 'san'))._portal.sources.every((s) => s.last_error), 30_000, 'the upstreams down after the restart');
    assert.deepEqual(await check('restarted, upstreams down'), before, 'the stored copy serves the same HTML');
  });
});

/** The key a hub before the reading version stored (feeds.ts configKey of then): the config alone. */
const olderKey = (c: { format: string; map?: unknown; name: string; homeUrl?: string }) =>
  createHash('sha256')
    .update(JSON.stringify({ format: c.format, map: c.map ?? null, name: c.name, homeUrl: c.homeUrl ?? null }))
    .digest('base64url')
    .slice(0, 22);

describe('a copy stored by an older hub', () => {
  for (const engine of ENGINES)
    it(`is served sanitized, then read again without validators, not kept through a 304 (${engine.name})`, { skip: engine.skip }, async () => {
      const path = `/older-${engine.name}.json`;
      let down = true;
      const ok = withEtag('application/feed+json', jsonUpstream);
      upstream.route(path, (req, res) => (down ? void res.writeHead(500).end('down') : ok(req, res)));
      const place = await freshPlace(engine.name);
      const raw = { sites: [site], storage: { dataDir: place.dataDir }, feeds: [{ id: 'old', title: 'Cũ', upstreams: [up('Sở', path)] }] };
      const config = hubConfig(place, raw).feeds[0].upstreams[0];
      // What the older hub stored: its items as it read them (the HTML as it came), with the upstream's
      // current ETag, so a conditional request would get a 304 and keep them.
      const etag = createHash('sha1').update(jsonUpstream()).digest('hex');
      const stale: JsonFeedItem[] = [{ id: 'hostile', url: 'https://agency.example/tin/0.html', title: 'Bản cũ', content_html: HOSTILE, _portal: { source: { name: 'Sở' } } }];
      const store = await openStorage(hubConfig(place, raw), { env: place.env }, Buffer.from(TEST_SECRET));
      await store.writeCopy({ feed: 'old', upstream: config.url, items: JSON.stringify(stale), etag: `"${etag}"`, lastSuccess: Date.now(), failures: 0, configKey: olderKey(config) });
      await store.close();

      const hub = await run(writeConfig(raw), place.env);
      const served = await getFeed(hub, 'old');
      assert.deepEqual(served.items.map((i) => i.title), ['Bản cũ'], 'the stored copy is served while the upstream is down');
      assertClean(served.items[0].content_html!, 'the older copy, sanitized again at start');
      assertClean((await getRss(hub, 'old'))[0].description, 'its RSS');

      const hits = () => upstream.hits.get(path) ?? { count: 0, conditional: 0, notModified: 0 };
      await until(() => hits().count > 0, 30_000, 'the first fetch');
      down = false;
      await until(async () => (await getFeed(hub, 'old')).items.length === 2, 30_000, 'the upstream read again');
      assert.equal(hits().notModified, 0, 'no 304 kept the older items');
      assert.equal(hits().conditional, 0, "the older copy's ETag was not sent");
      const feed = await getFeed(hub, 'old');
      assertClean(feed.items.find((i) => i.id === 'hostile')!.content_html!, 'read again');
      assertOrdinaryKept(feed.items.find((i) => i.id === 'article')!.content_html!, 'read again');
    });
});

/**
 * The widgets reading through the hub, in headless Chromium, on a third origin
 * (neither the hub's nor the upstreams'): the page is served by its own static
 * server with the CDN bundle. The upstream sends no CORS headers, so:
 * - read directly, the list shows the distinct `blocked` error;
 * - read through the hub (which allows this origin), the merged list shows
 *   each item's source, and `hide-source` turns that off;
 * - a source the hub could not refresh within its max age gets the stale note.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { launchChromium, openPage, serveStatic, settledWidgets } from './browser-kit.mjs';
import { jsonFeed, latin1Rss, spawnHub, startUpstream, tempDir, until, withEtag, writeConfig } from './hub-kit.ts';

let upstream;
let site;
let hub;
let browser;

before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  upstream = await startUpstream();
  upstream.route('/so.rss', withEtag('application/rss+xml', () => latin1Rss('Sở', [
    { title: 'Tin của Sở Giáo dục', link: 'http://agency.example/1', date: '2024-04-29T07:30:00+07:00' },
    { title: 'Tin thứ hai của Sở', link: 'http://agency.example/2', date: '2024-04-27T07:30:00+07:00' },
  ])));
  upstream.route('/tinh.json', withEtag('application/feed+json', () => jsonFeed([{ id: 't1', title: 'Tin của tỉnh', url: 'http://province.example/t1', date: '2024-04-28T08:00:00+07:00' }])));
  let flips = 0;
  upstream.route('/flip.json', (req, res) => (++flips === 1 ? withEtag('application/feed+json', () => jsonFeed([{ id: 'f1', title: 'Tin cũ của huyện', url: 'http://district.example/f1', date: '2024-04-26T08:00:00+07:00' }]))(req, res) : res.writeHead(503).end()));

  const dir = tempDir('portal-hub-page-');
  cpSync('dist/cdn', path.join(dir, 'cdn'), { recursive: true });
  site = await serveStatic(dir);
  const up = (name, p, extra = {}) => ({ name, url: `${upstream.url}${p}`, internal: true, refreshSeconds: 1, ...extra });
  hub = await spawnHub(
    writeConfig({
      sites: [{ id: 'xa', name: 'Xã', origins: [site.url] }],
      feeds: [
        { id: 'tong-hop', title: 'Tổng hợp', upstreams: [up('Sở Giáo dục', '/so.rss'), up('Cổng tỉnh', '/tinh.json')] },
        { id: 'cu', title: 'Có nguồn cũ', upstreams: [up('Huyện', '/flip.json', { maxAgeSeconds: 1 }), up('Cổng tỉnh', '/tinh.json')] },
      ],
    }),
  );
  await until(async () => {
    const feed = await (await fetch(`${hub.url}/feeds/cu.json`)).json();
    const district = feed._portal.sources.find((s) => s.name === 'Huyện');
    return feed.items.length === 2 && district.last_error && Date.now() - Date.parse(district.last_success) > 1500;
  }, 15_000, 'the district source failing past its max age');
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang xã</title><script type="module" src="/cdn/portal-widgets.js"></script></head><body><main>
      <portal-news-list id="merged" src="${hub.url}/feeds/tong-hop.json" show-date></portal-news-list>
      <portal-news-list id="hidden" src="${hub.url}/feeds/tong-hop.json" hide-source></portal-news-list>
      <portal-news-list id="stale" src="${hub.url}/feeds/cu.json"></portal-news-list>
      <portal-news-list id="direct" src="${upstream.url}/so.rss" timeout="3000"></portal-news-list>
    </main></body></html>`,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await hub?.stop('SIGKILL');
  await site?.close();
  await upstream?.close();
});

test('through the hub: merged items with their sources, the stale note; directly: blocked', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(`${site.url}/index.html`, { waitUntil: 'load' });
    await settledWidgets(page, 'main');
    await page.waitForFunction(() => document.querySelector('#direct')?.shadowRoot?.querySelector('[part~="error"]'), { timeout: 20_000 });
    // The sources module loads on demand, after the items.
    await page.waitForFunction(() => document.querySelector('#merged').shadowRoot.querySelector('[part~="source"]') && document.querySelector('#stale').shadowRoot.querySelector('[part~="stale"]'), { timeout: 10_000 });
    const read = (id) =>
      page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        return {
          titles: [...root.querySelectorAll('[part~="title"]')].map((e) => e.textContent.trim()),
          sources: [...root.querySelectorAll('[part~="source"]')].map((e) => e.textContent.trim()),
          stale: [...root.querySelectorAll('[part~="stale"]')].map((e) => e.textContent.trim()),
          error: root.querySelector('[part~="error"]')?.textContent.replace(/\s+/g, ' ').trim(),
        };
      }, `#${id}`);
    const merged = await read('merged');
    assert.deepEqual(merged.titles, ['Tin của Sở Giáo dục', 'Tin của tỉnh', 'Tin thứ hai của Sở']);
    assert.deepEqual(merged.sources, ['Sở Giáo dục', 'Cổng tỉnh', 'Sở Giáo dục']);
    assert.deepEqual(merged.stale, []);
    const hidden = await read('hidden');
    assert.equal(hidden.titles.length, 3);
    assert.deepEqual(hidden.sources, [], 'hide-source turns the sources off');
    const stale = await read('stale');
    assert.equal(stale.stale.length, 1);
    assert.match(stale.stale[0], /^Huyện: tin cập nhật lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    const direct = await read('direct');
    assert.match(direct.error, /Máy chủ không cho phép trang này đọc dữ liệu/, `the blocked error, not "offline": ${direct.error}`);
    // The only failures: the direct read that CORS blocks.
    assert.ok(errors.every((e) => e.includes(upstream.url)), errors.join('\n'));
    console.log(`merged: ${merged.titles.length} items from ${new Set(merged.sources).size} sources; stale note: "${stale.stale[0]}"; direct: "${direct.error}"`);
  } finally {
    await close();
  }
});

/**
 * A page that preloads its feed (`<link rel="preload" as="fetch" crossorigin>`)
 * downloads it once: the feed store fetches a same-origin feed in the mode the
 * preload was made in, so Chromium hands it the preloaded response. Counted at
 * the test server, with Chromium's own "preloaded but not used" warning
 * watched; a preload without `crossorigin` (another credentials mode) is the
 * control that shows the count and the warning do tell. A feed on another
 * origin keeps `credentials: 'omit'`, which no preload matches: counted too. Needs `npm run build`
 * (the page loads dist/cdn/portal-widgets.js).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openPage } from './browser-kit.mjs';

const DIST = path.resolve('dist');
const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin tức',
  items: Array.from({ length: 5 }, (_, i) => ({ id: `tin-${i}`, title: `Tin số ${i + 1}`, url: `https://example.gov.vn/tin/${i}`, date_published: `2024-04-${10 + i}T08:00:00+07:00` })),
});
/** Feed requests per path, with the headers Chromium sent. */
const hits = new Map();

const page = (preload) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Preload</title>
${preload}
<script type="module" src="/dist/cdn/portal-widgets.js"></script></head>
<body><portal-news-list src="${/href="([^"]+)"/.exec(preload)[1]}" limit="3"><a href="/">Tin tức</a></portal-news-list></body></html>`;

const PAGES = {
  '/with-crossorigin.html': page('<link rel="preload" as="fetch" href="/feed-a.json" crossorigin>'),
  '/without-crossorigin.html': page('<link rel="preload" as="fetch" href="/feed-b.json">'),
};
/** A feed on another origin (the same server by another name), preloaded: set once the port is known. */
const crossPage = (port) => page(`<link rel="preload" as="fetch" href="http://localhost:${port}/feed-c.json" crossorigin>`);

let server;
let url;
let browser;
before(async () => {
  assert.ok(existsSync(path.join(DIST, 'cdn/portal-widgets.js')), 'npm run build first');
  server = createServer((req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    if (p === '/cross-origin.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(crossPage(server.address().port));
    if (PAGES[p]) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[p]);
    if (/^\/feed-\w\.json$/.test(p)) {
      hits.set(p, [...(hits.get(p) ?? []), { cookie: req.headers.cookie, mode: req.headers['sec-fetch-mode'] }]);
      // As the hub answers a feed: cacheable for a minute, with an ETag.
      return void res.writeHead(200, { 'content-type': 'application/feed+json', 'cache-control': 'public, max-age=60', etag: '"v1"', 'access-control-allow-origin': '*' }).end(feed);
    }
    const file = path.join(DIST, path.normalize(p.replace(/^\/dist\//, '')));
    if (!p.startsWith('/dist/') || !file.startsWith(DIST) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await new Promise((r) => server.close(r));
});

/** Loads `pathname`, waits past Chromium's "not used within a few seconds" check; resolves with the feed's requests and the preload warnings. */
async function visit(pathname, feedPath) {
  const { page: tab, close } = await openPage(browser);
  const warnings = [];
  tab.on('console', (m) => /preload/i.test(m.text()) && warnings.push(m.text()));
  try {
    await tab.setCookie({ name: 'session', value: 'abc', url });
    await tab.goto(`${url}${pathname}`, { waitUntil: 'load' });
    await tab.waitForFunction(() => document.querySelector('portal-news-list')?.shadowRoot?.querySelectorAll('li').length === 3, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 4000));
    return { requests: hits.get(feedPath) ?? [], warnings };
  } finally {
    await close();
  }
}

describe('a preloaded feed', () => {
  it('is downloaded once and used, with the preload line the docs give', async () => {
    const { requests, warnings } = await visit('/with-crossorigin.html', '/feed-a.json');
    console.log(`preload with crossorigin: ${requests.length} feed request(s), ${warnings.length} preload warning(s)`);
    assert.equal(requests.length, 1, 'one request: the preload, used by the widget');
    assert.equal(requests[0].mode, 'cors');
    assert.equal(requests[0].cookie, 'session=abc', 'same origin: the page\'s cookies go with it, as with the preload');
    assert.deepEqual(warnings, []);
  });

  it('control: a preload in another credentials mode (no crossorigin) is not matched, downloaded twice and warned about', async () => {
    const { requests, warnings } = await visit('/without-crossorigin.html', '/feed-b.json');
    console.log(`preload without crossorigin: ${requests.length} feed request(s), ${warnings.length} preload warning(s)`);
    assert.equal(requests.length, 2);
    assert.ok(warnings.some((w) => /preloaded using link preload but not used/.test(w)), warnings.join('\n'));
  });

  it('on another origin is fetched without credentials, so a crossorigin preload of it is not matched (the docs say: preload same-origin feeds)', async () => {
    const { requests, warnings } = await visit('/cross-origin.html', '/feed-c.json');
    console.log(`cross-origin preload: ${requests.length} feed request(s), ${warnings.length} preload warning(s)`);
    assert.equal(requests.length, 2, "'omit' is not the preload's 'same-origin': no match");
  });
});

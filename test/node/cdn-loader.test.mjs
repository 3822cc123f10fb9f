/**
 * The CDN loader (dist/cdn/portal-widgets.js) in real browsers (Chromium, and
 * Firefox ESR when installed), behind a test server that sends the hub's strict
 * CSP with Trusted Types on every page and injects delays:
 * - a page gets only the widgets it uses, a tag added later is defined, and an
 *   unknown `portal-` tag is left alone, with no error and no CSP violation; a
 *   page's own shadow root is loaded by discover(root); a failed download is retried;
 * - on an article page the sanitizer is fetched beside the article's chunk, not
 *   after it has run (the article's chunk is held back; the sanitizer arrives first);
 * - the request waterfall: every script is at most two requests deep (page →
 *   loader → everything else), printed with the count per depth;
 * - the loader starts a widget's feed before the widget's chunk has come (the
 *   chunk is held back), and the store takes that request: one download; if it
 *   fails the store fetches again; the counter's endpoint is the counter's alone.
 * Scripts are all the loader's siblings in /dist/cdn/, never anything else.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { STRICT_CSP } from '../../hub/src/app.js';
import { launchBrowser, matrixBrowsers, openPage, serveStatic, settledWidgets } from './browser-kit.mjs';

let files;
let server;

/**
 * A proxy in front of the static server: adds the strict CSP to HTML (and, for
 * `?loader-query=`, a query to the page's loader URL), holds back
 * the responses `hold` matches by `hold.ms`, answers the first request `failOnce`
 * matches with 503, answers the page's feed with `state.feed` when set, and logs when each request arrived
 * and when its response was sent (ms since the server started).
 */
function serveStrict(upstream) {
  const t0 = performance.now();
  const state = { log: [], hold: { match: /^$/, ms: 0 }, failOnce: /^$/, csp: STRICT_CSP, feed: undefined };
  const http = createServer(async (req, res) => {
    const entry = { method: req.method, path: new URL(req.url, 'http://x').pathname, arrived: performance.now() - t0, sent: Infinity };
    state.log.push(entry);
    if (state.failOnce.test(entry.path)) {
      state.failOnce = /^$/;
      return void res.writeHead(503).end();
    }
    const r = await fetch(upstream.url + req.url);
    const type = r.headers.get('content-type') ?? 'application/octet-stream';
    // `state.feed`: the page's feed answered with that text instead.
    let body = state.feed && entry.path === '/test/cdn/feed.json' ? Buffer.from(state.feed) : Buffer.from(await r.arrayBuffer());
    // `?loader-query=v=2`: the page loads the loader by that other URL (a webmaster's cache-busting query).
    const loaderQuery = new URL(req.url, 'http://x').searchParams.get('loader-query');
    if (loaderQuery && type.startsWith('text/html')) body = Buffer.from(body.toString().replace('/dist/cdn/portal-widgets.js"', `/dist/cdn/portal-widgets.js?${loaderQuery}"`));
    if (state.hold.match.test(entry.path)) await sleep(state.hold.ms);
    res.writeHead(r.status, { 'content-type': type, ...(type.startsWith('text/html') && { 'content-security-policy': state.csp }) });
    res.end(body);
    entry.sent = performance.now() - t0;
  });
  return new Promise((resolve) => {
    http.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${http.address().port}`,
        state,
        close: () => new Promise((r) => (http.closeAllConnections(), http.close(r))),
      }),
    );
  });
}

/** Opens `path` with a fresh log; CSP and Trusted Types violations become console errors; `script` runs in the page before its own; `feed` replaces the page's feed. */
async function open(browser, path, hold = { match: /^$/, ms: 0 }, failOnce = /^$/, csp = STRICT_CSP, script = () => {}, feed = undefined) {
  server.state.log = [];
  server.state.feed = feed;
  server.state.hold = hold;
  server.state.failOnce = failOnce;
  server.state.csp = csp;
  const opened = await openPage(browser);
  await opened.page.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  await opened.page.evaluateOnNewDocument(script);
  await opened.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return opened;
}

const scripts = () => server.state.log.filter((e) => e.path.endsWith('.js'));
const chunkOf = (name) => new RegExp(`^/dist/cdn/${name}-[\\w-]+\\.js$`);

/**
 * Records each request's depth in Chromium from its CDP initiator: 1 + the depth
 * of the script that asked for it (the page is 0). (The loader imports every
 * chunk a widget needs itself, beside the widget's, so each one names it.)
 */
function recordDepths(page) {
  const requests = [];
  page.on('request', (r) => {
    const i = r.initiator();
    const frames = [];
    for (let st = i?.stack; st; st = st.parent) frames.push(...st.callFrames);
    requests.push({ url: r.url(), by: i?.url && i.url !== 'about:client' ? i.url : frames[0]?.url });
  });
  return async () => {
    const depth = new Map([[page.url(), 0]]);
    return requests.map((r) => {
      const d = depth.get(r.url) ?? (r.url === page.url() ? 0 : 1 + (depth.get(r.by) ?? 0));
      depth.set(r.url, d);
      return { path: new URL(r.url).pathname, depth: d };
    });
  };
}

before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js') || !existsSync('dist/cdn/portal-widgets-all.js')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  files = await serveStatic('.');
  server = await serveStrict(files);
});

after(async () => {
  await server?.close();
  await files?.close();
});

for (const name of matrixBrowsers()) {
  describe(`the CDN loader in ${name}`, () => {
    let browser;
    before(async () => (browser = await launchBrowser(name)));
    after(() => browser?.close());

    test('under a strict CSP and Trusted Types: loads only the news list, then a tag added later; an unknown portal- tag stays undefined', { timeout: 60_000 }, async () => {
      // The hub's policy, with the one docs/security.md adds for a page that reads RSS/Atom.
      const csp = STRICT_CSP.replace('trusted-types lit-html dompurify', 'trusted-types lit-html dompurify portal-widgets');
      assert.notEqual(csp, STRICT_CSP);
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html', undefined, undefined, csp);
      try {
        const [list] = await settledWidgets(page, 'main');
        assert.equal(list.tag, 'portal-news-list');
        assert.match(list.text, /Khai mạc kỳ họp/, 'the news list shows the feed');
        const loaded = scripts().map((e) => e.path);
        assert.ok(loaded.some((p) => chunkOf('news-list').test(p)), 'the news list chunk is loaded');
        // Nor what only other widgets share: the banner's, links' and counter's `documents`, the archive's and search's form `targets`.
        for (const other of ['article', 'banner', 'link-directory', 'news-archive', 'news-search', 'video-list', 'visit-counter', 'sanitizer', 'xml-feed', 'documents', 'targets'])
          assert.ok(!loaded.some((p) => chunkOf(other).test(p)), `a news-list page does not load ${other}`);
        assert.equal(await page.evaluate(() => customElements.get('portal-not-a-widget')), undefined);

        // Added by the page's own script later, one nested in a new subtree.
        await page.evaluate(() => {
          const banner = document.createElement('portal-banner');
          banner.setAttribute('src', '/test/fixtures/banner.json');
          const links = document.createElement('portal-link-directory');
          links.setAttribute('src', '/test/fixtures/links.json');
          const box = document.createElement('section');
          box.append(document.createElement('div'));
          box.firstChild.append(links);
          // An RSS list: the XML reader, which the page had no reason to load, comes now.
          const rss = Object.assign(document.createElement('portal-news-list'), { src: '/test/fixtures/news.rss.xml' });
          document.querySelector('#later').append(banner, box, rss);
        });
        const later = await settledWidgets(page, '#later');
        assert.deepEqual(
          later.map((w) => [w.tag, w.defined, w.content > 0]),
          [['portal-banner', true, true], ['portal-link-directory', true, true], ['portal-news-list', true, true]],
        );
        assert.ok(scripts().some((e) => chunkOf('xml-feed').test(e.path)), 'the XML reader is loaded for the RSS list');
        assert.match(later[2].text, /Hội nghị giao ban/, 'the RSS list shows its items');
        assert.deepEqual(server.state.log.filter((e) => e.path.endsWith('.js') && !e.path.startsWith('/dist/cdn/')), [], 'no script but the loader and its siblings');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test("a widget in the page's own shadow root is loaded when the page calls discover(root)", { timeout: 60_000 }, async () => {
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html');
      try {
        await settledWidgets(page, 'main');
        const shadowed = () =>
          page.evaluate(() => {
            const host = document.querySelector('#later');
            const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
            if (!root.firstChild) root.append(Object.assign(document.createElement('portal-link-directory'), { src: '/test/fixtures/links.json' }));
            return !!customElements.get('portal-link-directory');
          });
        assert.equal(await shadowed(), false);
        await page.waitForNetworkIdle({ idleTime: 300 });
        assert.equal(await shadowed(), false, 'shadow roots are not watched (as in Shoelace)');
        const defined = await page.evaluate(async () => {
          const { discover } = await import('/dist/cdn/portal-widgets.js'); // the same module instance as the page's script
          discover(document.querySelector('#later').shadowRoot);
          await customElements.whenDefined('portal-link-directory');
          return true;
        });
        assert.equal(defined, true);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('a widget whose chunk failed to download keeps its fallback, and is tried again when its tag appears again', { timeout: 60_000 }, async () => {
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html', undefined, chunkOf('news-list'));
      try {
        await page.waitForNetworkIdle({ idleTime: 200 });
        assert.equal(await page.evaluate(() => customElements.get('portal-news-list')), undefined, 'not defined after the 503');
        assert.equal(await page.evaluate(() => document.querySelector('portal-news-list a').getClientRects().length > 0), true, 'its fallback link shows');
        assert.match(errors.join('\n'), /<portal-news-list> could not be loaded/);
        await page.evaluate(() => document.querySelector('#later').append(Object.assign(document.createElement('portal-news-list'), { src: '/test/cdn/feed.json' })));
        await page.waitForNetworkIdle({ idleTime: 200 });
        const again = server.state.log.filter((e) => chunkOf('news-list').test(e.path)).length;
        // Firefox keeps a failed module in its module map until the page reloads (as the HTML
        // standard said); Chromium fetches it again.
        if (name === 'chromium') {
          assert.equal(again, 2, 'asked for again');
          const lists = (await settledWidgets(page, 'main')).filter((w) => w.tag === 'portal-news-list');
          assert.deepEqual(lists.map((w) => [w.defined, w.content > 0]), [[true, true], [true, true]], 'both lists, the first one too');
        }
      } finally {
        await close();
      }
    });

    test('on an article page the sanitizer is fetched beside the article chunk, not after it', { timeout: 60_000 }, async () => {
      const hold = { match: chunkOf('article'), ms: 1500 };
      const { page, errors, close } = await open(browser, '/test/cdn/article.html', hold);
      try {
        await settledWidgets(page, 'main', 15_000);
        const body = await page.evaluate(() => document.querySelector('portal-article').shadowRoot.textContent);
        assert.match(body, /Toàn văn bài khai mạc/, 'the article shows its sanitized body');
        const chunk = server.state.log.find((e) => chunkOf('article').test(e.path));
        const sanitizer = server.state.log.find((e) => chunkOf('sanitizer').test(e.path));
        assert.ok(chunk && sanitizer, 'both were requested');
        assert.ok(sanitizer.arrived < chunk.sent, `the sanitizer asked for at ${sanitizer.arrived.toFixed(0)} ms, the article chunk sent at ${chunk.sent.toFixed(0)} ms`);
        assert.equal(server.state.log.filter((e) => e.path === sanitizer.path).length, 1, 'the sanitizer is downloaded once');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test("the loader starts the news list's feed before the list's chunk has come, and the list uses that one download", { timeout: 60_000 }, async () => {
      const hold = { match: chunkOf('news-list'), ms: 1000 };
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html', hold);
      try {
        const [list] = await settledWidgets(page, 'main', 15_000);
        assert.match(list.text, /Khai mạc kỳ họp/, 'the news list shows the feed');
        const feeds = server.state.log.filter((e) => e.path === '/test/cdn/feed.json');
        const chunk = server.state.log.find((e) => chunkOf('news-list').test(e.path));
        assert.equal(feeds.length, 1, 'the feed is downloaded once');
        assert.ok(feeds[0].arrived < chunk.sent, `the feed asked for at ${feeds[0].arrived.toFixed(0)} ms, the chunk sent at ${chunk.sent.toFixed(0)} ms`);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('a long feed that came while the list\'s chunk loaded is read in a task after the one that evaluated the chunk (no one long task)', { timeout: 60_000 }, async () => {
      // The chunk held back until the feed is in; a timer the page sets when the list is defined (in the chunk's task)
      // has fired by the time the feed is read, which it could not have within that task. 200 items: a short feed is
      // read at once (core/feed-store.ts).
      const items = Array.from({ length: 200 }, (_, i) => ({ id: `tin-${i}`, url: `https://example.gov.vn/tin/${i}`, title: `Khai mạc kỳ họp số ${i}`, summary: 'Kỳ họp diễn ra trong hai ngày.', date_published: '2024-04-19T08:00:00+07:00' }));
      const feed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin tức', items });
      const script = () => {
        customElements.whenDefined('portal-news-list').then(() => setTimeout(() => (window.__aTaskLater = true)));
        document.addEventListener('portal-load', () => (window.__readAfterATask = window.__aTaskLater === true));
      };
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html', { match: chunkOf('news-list'), ms: 1000 }, undefined, undefined, script, feed);
      try {
        const [list] = await settledWidgets(page, 'main', 15_000);
        assert.match(list.text, /Khai mạc kỳ họp/, 'the news list shows the feed');
        const feed = server.state.log.find((e) => e.path === '/test/cdn/feed.json');
        const chunk = server.state.log.find((e) => chunkOf('news-list').test(e.path));
        assert.ok(feed.sent < chunk.sent, 'the feed was in before the chunk');
        assert.equal(await page.evaluate(() => window.__readAfterATask), true, 'the feed was read after a task boundary');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('a page that loads the loader with a query (?v=2) still downloads the feed once: the second copy the chunks import does not watch the page', { timeout: 60_000 }, async () => {
      const { page, errors, close } = await open(browser, '/test/cdn/news-list.html?loader-query=v%3D2');
      try {
        assert.ok(await page.evaluate(() => document.querySelector('script[type="module"]').src.endsWith('/portal-widgets.js?v=2')), 'the loader is loaded by its other URL');
        const [list] = await settledWidgets(page, 'main', 15_000);
        assert.match(list.text, /Khai mạc kỳ họp/, 'the news list shows the feed');
        await sleep(300);
        assert.equal(server.state.log.filter((e) => e.path === '/test/cdn/feed.json').length, 1, 'one download, not one per copy of the loader');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test("a feed whose early request fails (503) is fetched again by the list's store, and shown", { timeout: 60_000 }, async () => {
      const { page, close } = await open(browser, '/test/cdn/news-list.html', { match: chunkOf('news-list'), ms: 300 }, /^\/test\/cdn\/feed\.json$/);
      try {
        const [list] = await settledWidgets(page, 'main', 15_000);
        assert.match(list.text, /Khai mạc kỳ họp/, 'the news list shows the feed');
        assert.equal(server.state.log.filter((e) => e.path === '/test/cdn/feed.json').length, 2, 'the 503, then the store\'s own request');
      } finally {
        await close();
      }
    });

    test("the loader never fetches the visit counter's endpoint (the counter POSTs to it)", { timeout: 60_000 }, async () => {
      const { page, close } = await open(browser, '/test/cdn/news-list.html');
      try {
        await settledWidgets(page, 'main');
        // With `hit` its first read is the POST of the visit: a GET would be the loader's.
        await page.evaluate(() => {
          const counter = document.createElement('portal-visit-counter');
          counter.setAttribute('src', '/test/cdn/visits'); // the attribute, which the loader reads
          counter.setAttribute('hit', '');
          document.querySelector('#later').append(counter);
        });
        await page.waitForFunction(() => customElements.get('portal-visit-counter'));
        await page.waitForNetworkIdle({ idleTime: 300 });
        const asked = server.state.log.filter((e) => e.path === '/test/cdn/visits');
        assert.ok(asked.length > 0, 'the counter posted');
        assert.deepEqual(asked.map((e) => e.method).filter((m) => m !== 'POST'), [], 'no GET of the endpoint');
      } finally {
        await close();
      }
    });

    for (const [path, label] of [['/test/cdn/news-list.html', 'news-list'], ['/test/cdn/article.html', 'article']]) {
      test(`the ${label} page fetches every script at most two requests deep (page → loader → the rest)`, { skip: name !== 'chromium' && 'initiators from CDP', timeout: 60_000 }, async () => {
        server.state.log = [];
        server.state.hold = { match: /^$/, ms: 0 };
        server.state.csp = STRICT_CSP;
        const { page, errors, close } = await openPage(browser);
        const depths = recordDepths(page);
        try {
          await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
          await settledWidgets(page, 'main', 20_000);
          const all = await depths();
          const js = all.filter((e) => e.path.endsWith('.js'));
          const perDepth = [...new Set(all.map((e) => e.depth))].sort().map((d) => `depth ${d}: ${all.filter((e) => e.depth === d).length}`);
          console.log(`${label} page: ${all.length} requests, ${js.length} scripts; ${perDepth.join(', ')}`);
          assert.deepEqual(js.filter((e) => e.depth > 2), [], 'no script waits for another chunk to run');
          assert.deepEqual(errors, []);
        } finally {
          await close();
        }
      });
    }
  });
}

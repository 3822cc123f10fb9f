#!/usr/bin/env node
/**
 * `npm run bench:peers`: a news list of 20 and of 200 items put on screen by
 * - static HTML (the items written into the page: the floor),
 * - a hand-written baseline (`fetch` + `JSON.parse` / `DOMParser` + DOM), JSON and RSS,
 * - this library: the CDN bundle, and the news-list entry alone (Lit inlined),
 * - jquery-rss + jQuery from npm, against a local endpoint that answers as the
 *   feedrapp service it depends on (the RSS converted to its JSON in Node, so
 *   the service's own network time is not counted against it).
 * Each page in a fresh browser context of Debian's Chromium, 412 px wide, CPU
 * throttled 4×, pages alternated run by run. Prints the median and spread
 * (min–max) of LCP, TBT, bytes transferred and JS heap, and LCP as a ratio to
 * the baseline of the same run. Prints figures; passes or fails nothing.
 *
 *   RUNS=11 ITEMS=20,200 npm run bench:peers
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { cssLiteralsEsbuildPlugin } from '../build/minify-css-literals.js';

const RUNS = Number(process.env.RUNS ?? 11);
const SIZES = (process.env.ITEMS ?? '20,200').split(',').map(Number);
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);

if (!existsSync('dist/cdn/portal-widgets.js')) {
  console.error('dist/cdn/portal-widgets.js is missing: run `npm run build` first.');
  process.exit(1);
}

// ---- the assets ------------------------------------------------------------
const widgetBundle = (
  await build({
    entryPoints: ['src/components/news-list/news-list.ts'],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    splitting: false,
    conditions: ['production'],
    plugins: [cssLiteralsEsbuildPlugin()],
    // Lazy chunks (search index, paging, XML) are not needed for a JSON list: inlined here, counted in bytes.
  })
).outputFiles[0].text;

const assets = {
  '/lib/portal-widgets.js': readFileSync('dist/cdn/portal-widgets.js', 'utf8'),
  '/lib/news-list.js': widgetBundle,
  '/lib/jquery.js': readFileSync(require.resolve('jquery/dist/jquery.min.js'), 'utf8'),
  '/lib/jquery.rss.js': readFileSync(path.join(path.dirname(require.resolve('jquery-rss/package.json')), 'dist/jquery.rss.min.js'), 'utf8'),
};
// The CDN bundle may load chunks of its own next to it.
for (const f of ['dist/cdn']) {
  for (const name of (await import('node:fs')).readdirSync(f)) if (name.endsWith('.js')) assets[`/lib/${name}`] ??= readFileSync(`${f}/${name}`, 'utf8');
}

// ---- the feeds ---------------------------------------------------------------
const words = ['Hội nghị', 'giao ban', 'công tác', 'tháng', 'Ủy ban nhân dân', 'tỉnh', 'triển khai', 'kế hoạch', 'chuyển đổi số', 'năm 2024'];
function itemsOf(n) {
  const t0 = Date.parse('2024-04-19T08:00:00+07:00');
  return Array.from({ length: n }, (_, i) => ({
    id: `tin-${i + 1}`,
    url: `http://127.0.0.1/tin/${i + 1}.html`,
    title: `${words[i % words.length]} ${words[(i * 3 + 1) % words.length]} ${words[(i * 7 + 2) % words.length]} số ${i + 1}`,
    summary: `Tóm tắt tin số ${i + 1}: ${words.join(' ')}.`,
    date_published: new Date(t0 - i * 3_600_000).toISOString(),
  }));
}
const esc = (s) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
const feeds = {};
for (const n of SIZES) {
  const items = itemsOf(n);
  feeds[`/feed-${n}.json`] = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin tức', items });
  feeds[`/feed-${n}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin tức</title><link>http://127.0.0.1/</link><description>Tin</description>${items
    .map((i) => `<item><title>${esc(i.title)}</title><link>${i.url}</link><guid>${i.id}</guid><description>${esc(i.summary)}</description><pubDate>${new Date(i.date_published).toUTCString()}</pubDate></item>`)
    .join('')}</channel></rss>`;
  feeds[`/feedrapp-${n}`] = JSON.stringify({
    responseStatus: 200,
    responseData: {
      feed: {
        title: 'Tin tức',
        entries: items.map((i) => ({ title: i.title, link: i.url, author: '', publishedDate: i.date_published, content: i.summary, contentSnippet: i.summary })),
      },
    },
  });
}

// ---- the pages ---------------------------------------------------------------
const head = (body, scripts = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Tin tức</title>${scripts}</head><body><main><h1>Tin tức</h1>${body}</main></body></html>`;
const li = (i) => `<li><a href="${i.url}">${esc(i.title)}</a> <time datetime="${i.date_published}">${new Date(i.date_published).toLocaleDateString('vi-VN')}</time></li>`;
const baselineJson = (n) => `const ul = document.getElementById('news');
fetch('/feed-${n}.json').then((r) => r.json()).then((feed) => {
  const frag = document.createDocumentFragment();
  for (const it of feed.items.slice(0, ${n})) {
    const li = document.createElement('li'); const a = document.createElement('a'); a.href = it.url; a.textContent = it.title;
    const t = document.createElement('time'); t.dateTime = it.date_published; t.textContent = new Date(it.date_published).toLocaleDateString('vi-VN');
    li.append(a, ' ', t); frag.append(li);
  }
  ul.append(frag); window.__done = true;
});`;
const baselineRss = (n) => `const ul = document.getElementById('news');
fetch('/feed-${n}.xml').then((r) => r.text()).then((text) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const frag = document.createDocumentFragment();
  for (const it of Array.from(doc.querySelectorAll('item')).slice(0, ${n})) {
    const li = document.createElement('li'); const a = document.createElement('a'); a.href = it.querySelector('link').textContent; a.textContent = it.querySelector('title').textContent;
    const d = new Date(it.querySelector('pubDate').textContent);
    const t = document.createElement('time'); t.dateTime = d.toISOString(); t.textContent = d.toLocaleDateString('vi-VN');
    li.append(a, ' ', t); frag.append(li);
  }
  ul.append(frag); window.__done = true;
});`;
const jqueryRss = (n, port) => `jQuery('#news').rss('http://127.0.0.1:${port}/feed-${n}.xml', {
  ssl: false, host: '127.0.0.1:${port}/feedrapp-${n}', limit: ${n}, support: false,
  layoutTemplate: '<ul>{entries}</ul>', entryTemplate: '<li><a href="{url}">{title}</a> <time>{date}</time></li>',
  success: function () { window.__done = true; }
});`;

const listDone = `(() => { const l = document.querySelector('portal-news-list'); return l?.shadowRoot?.querySelectorAll('li').length >= N; })()`;
/** name → (n, port) → {html, scripts: {path: text}, done: expression} */
const pages = {
  'static HTML': (n) => ({ html: head(`<ul id="news">${itemsOf(n).map(li).join('')}</ul><script>window.__done = true</script>`), done: 'window.__done' }),
  'baseline JSON': (n) => ({ html: head('<ul id="news"></ul>', `<script type="module" src="/page.js"></script>`), scripts: { '/page.js': baselineJson(n) }, done: 'window.__done' }),
  'baseline RSS': (n) => ({ html: head('<ul id="news"></ul>', `<script type="module" src="/page.js"></script>`), scripts: { '/page.js': baselineRss(n) }, done: 'window.__done' }),
  'portal-widgets CDN': (n) => ({ html: head(`<portal-news-list src="/feed-${n}.json" limit="${n}" show-date></portal-news-list>`, '<script type="module" src="/lib/portal-widgets.js"></script>'), done: listDone.replace('N', n) }),
  'portal-widgets news-list.js': (n) => ({ html: head(`<portal-news-list src="/feed-${n}.json" limit="${n}" show-date></portal-news-list>`, '<script type="module" src="/lib/news-list.js"></script>'), done: listDone.replace('N', n) }),
  'jquery-rss + jQuery': (n, port) => ({
    html: head('<div id="news"></div>', '<script src="/lib/jquery.js"></script><script src="/lib/jquery.rss.js"></script><script defer src="/page.js"></script>'),
    scripts: { '/page.js': jqueryRss(n, port) },
    done: 'window.__done',
  }),
};

// ---- the server ---------------------------------------------------------------
let current = { html: '', scripts: {} };
const gz = new Map();
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  let body;
  let type = 'text/javascript';
  if (p === '/page.html') [body, type] = [current.html, 'text/html; charset=utf-8'];
  else if (current.scripts?.[p]) body = current.scripts[p];
  else if (assets[p]) body = assets[p];
  else if (feeds[p]) [body, type] = [feeds[p], p.endsWith('.xml') ? 'application/rss+xml; charset=utf-8' : 'application/json; charset=utf-8'];
  else if (p.startsWith('/feedrapp-')) [body, type] = [feeds[p.replace(/\/$/, '')], 'application/json; charset=utf-8'];
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  const key = `${p}\n${body.length}`;
  if (!gz.has(key)) gz.set(key, gzipSync(body, { level: 6 }));
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(gz.get(key));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// ---- measuring ---------------------------------------------------------------
const observe = () => {
  window.__lcp = 0;
  window.__tbt = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__lcp = e.renderTime || e.loadTime || e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__tbt += Math.max(0, e.duration - 50)))).observe({ type: 'longtask', buffered: true });
};

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
async function measure(page) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 412, height: 823, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const cdp = await tab.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  let bytes = 0;
  let jsBytes = 0;
  const types = new Map();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
  });
  await tab.evaluateOnNewDocument(observe);
  current = page;
  await tab.goto(`http://127.0.0.1:${port}/page.html`, { waitUntil: 'load' });
  await tab.waitForFunction(page.done, { timeout: 60_000, polling: 50 });
  await new Promise((r) => setTimeout(r, 300)); // the paint after the last DOM change
  const { lcp, tbt } = await tab.evaluate(() => ({ lcp: window.__lcp, tbt: window.__tbt }));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await context.close();
  return { lcp, tbt, bytes, jsBytes, heap };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs, f) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
const kb = (b) => (b / 1024).toFixed(1);
const mb = (b) => (b / 1048576).toFixed(1);

console.log(`Peer benchmark: Chromium ${await browser.version()}, 412 px, CPU 4× throttled, ${RUNS} alternated runs per page.`);
for (const n of SIZES) {
  const names = Object.keys(pages);
  const results = Object.fromEntries(names.map((k) => [k, []]));
  for (let run = 0; run < RUNS + 1; run++) {
    // Rotate the order each run so no page always goes first; run 0 warms the server and the browser up.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + run) % names.length];
      const r = await measure(pages[name](n, port));
      if (run > 0) results[name].push(r);
    }
  }
  console.log(`\n${n} items`);
  console.log(`  ${'page'.padEnd(28)} ${'LCP ms (spread)'.padEnd(22)} ${'×baseline'.padEnd(10)} ${'TBT ms'.padEnd(14)} ${'KB total / JS'.padEnd(16)} heap MB`);
  const base = median(results['baseline JSON'].map((r) => r.lcp));
  for (const name of names) {
    const rs = results[name];
    const lcp = rs.map((r) => r.lcp);
    const tbt = rs.map((r) => r.tbt);
    console.log(
      `  ${name.padEnd(28)} ${`${median(lcp).toFixed(0)} (${spread(lcp, (x) => x.toFixed(0))})`.padEnd(22)} ${`${(median(lcp) / base).toFixed(2)}×`.padEnd(10)} ${`${median(tbt).toFixed(0)} (${spread(tbt, (x) => x.toFixed(0))})`.padEnd(14)} ${`${kb(median(rs.map((r) => r.bytes)))} / ${kb(median(rs.map((r) => r.jsBytes)))}`.padEnd(16)} ${mb(median(rs.map((r) => r.heap)))}`,
    );
  }
}
await browser.close();
server.close();

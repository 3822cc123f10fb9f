#!/usr/bin/env node
/**
 * `npm run bench:peers`: a news list of 20 and of 200 items put on screen by
 * - static HTML (the items written into the page: the floor),
 * - a hand-written baseline (`fetch` + `JSON.parse` / `DOMParser` + DOM), JSON and RSS,
 * - this library: a one-widget page with the CDN file (`dist/cdn/portal-widgets.js`:
 *   the whole bundle, or the autoloader with its chunks beside it, whichever the
 *   build made), and the news-list entry alone (Lit inlined),
 * - jquery-rss + jQuery from npm, against a local endpoint that answers as the
 *   feedrapp service it depends on (the RSS converted to its JSON in Node, so
 *   the service's own network time is not counted against it).
 * Each page in a fresh browser context of Debian's Chromium, 412 px wide, CPU
 * throttled 4×, pages alternated run by run. Prints the median and spread
 * (min–max) of LCP, TBT, bytes transferred and JS heap, LCP as a ratio to the
 * baseline of the same run, and the issue's goals as PASS/FAIL lines (figures,
 * not a test: the exit code stays 0 unless a page fails to render).
 *
 *   npm run bench:peers -- [--runs 11] [--items 20,200] [--pages 'portal-widgets CDN,jquery-rss + jQuery'] [--cdn dist/cdn/portal-widgets.js] [--rtt 150]
 *   npm run bench:peers -- --trace [--runs 3] [--items 20,200] [--trace-dir DIR]   where the list's first render spends its time (bench/render-trace.mjs)
 *   npm run bench:peers -- --heap [--items 20,200]   what each page keeps in its heap, by kind (bench/heap-snapshot.mjs)
 *   npm run bench:peers -- --rss …   the library's pages read the RSS feed, not the JSON Feed
 *   npm run bench:peers -- --before DIR   also the news-list entry built from DIR/src (another checkout): before and after as two pages of one run
 *   npm run bench:peers -- --cdn-before DIR/dist/cdn/portal-widgets.js   also another build's CDN page, likewise ("CDN --before")
 * RUNS and ITEMS in the environment still work.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { cssLiteralsEsbuildPlugin } from '../build/minify-css-literals.js';
import { heapBreakdown, printHeap } from './heap-snapshot.mjs';
import { traceRender } from './render-trace.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    items: { type: 'string', default: process.env.ITEMS ?? '20,200' },
    pages: { type: 'string' },
    cdn: { type: 'string', default: 'dist/cdn/portal-widgets.js' },
    trace: { type: 'boolean', default: false },
    'trace-dir': { type: 'string' },
    rtt: { type: 'string', default: '0' },
    heap: { type: 'boolean', default: false },
    before: { type: 'string' },
    'cdn-before': { type: 'string' },
    rss: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs ?? process.env.RUNS ?? (args.trace ? 3 : 11));
const RTT = Number(args.rtt);
const SIZES = args.items.split(',').map(Number);
if (!Number.isInteger(RUNS) || RUNS < 1 || SIZES.some((n) => !Number.isInteger(n) || n < 1) || !(RTT >= 0)) {
  console.error(`--runs, --items and --rtt take whole numbers (got --runs ${RUNS} --items ${args.items} --rtt ${args.rtt}).`);
  process.exit(2);
}
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const require = createRequire(import.meta.url);


// ---- the assets ------------------------------------------------------------
/** The news-list entry of the checkout at `root`, Lit inlined. */
const bundleList = async (root) =>
  (
    await build({
      entryPoints: [path.join(root, 'src/components/news-list/news-list.ts')],
      bundle: true,
      format: 'esm',
      // Traced, it stays readable: a profile then names functions, and esbuild's `// path` comments name their modules.
      minify: !args.trace,
      write: false,
      splitting: false,
      conditions: ['production'],
      plugins: [cssLiteralsEsbuildPlugin()],
      // Lazy chunks (search index, paging, XML) are not needed for a JSON list: inlined here, counted in bytes.
    })
  ).outputFiles[0].text;
const widgetBundle = await bundleList('.');

const assets = {
  '/lib/news-list.js': widgetBundle,
  // --before: another checkout's entry (its node_modules resolved from there: link this one's into it).
  ...(args.before && { '/lib/news-list-before.js': await bundleList(args.before) }),
  '/lib/jquery.js': readFileSync(require.resolve('jquery/dist/jquery.min.js'), 'utf8'),
  '/lib/jquery.rss.js': readFileSync(path.join(path.dirname(require.resolve('jquery-rss/package.json')), 'dist/jquery.rss.min.js'), 'utf8'),
};
/** The CDN file and every chunk beside it (in subfolders too), at the same relative paths under `base`; its URL. */
function serveCdn(file, base) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run \`npm run build\` first (or build that checkout's).`);
    process.exit(1);
  }
  for (const name of readdirSync(path.dirname(file), { recursive: true })) {
    if (String(name).endsWith('.js')) assets[`${base}/${String(name).split(path.sep).join('/')}`] ??= readFileSync(path.join(path.dirname(file), String(name)), 'utf8');
  }
  return `${base}/${path.basename(file)}`;
}
const cdnEntry = serveCdn(args.cdn, '/lib');
const cdnBeforeEntry = args['cdn-before'] && serveCdn(args['cdn-before'], '/lib-before');

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
// The heading is small, so that an item of the list is always the page's largest text: LCP then times the list, not the heading.
const head = (body, scripts = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Tin tức</title>${scripts}</head><body><main><h1 style="font-size:1rem;margin:0">Tin tức</h1>${body}</main></body></html>`;
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
/** The one-list page of this library, by the script that defines the list. */
// --rss: the library's pages read the RSS feed (the baseline RSS page's) instead of the JSON Feed.
const listPage = (script) => (n) => ({ html: head(`<portal-news-list src="/feed-${n}.${args.rss ? 'xml' : 'json'}" limit="${n}" show-date></portal-news-list>`, `<script type="module" src="${script}"></script>`), done: listDone.replace('N', n) });
/** name → (n, port) → {html, scripts: {path: text}, done: expression} */
const pages = {
  'static HTML': (n) => ({ html: head(`<ul id="news">${itemsOf(n).map(li).join('')}</ul><script>window.__done = true</script>`), done: 'window.__done' }),
  'baseline JSON': (n) => ({ html: head('<ul id="news"></ul>', `<script type="module" src="/page.js"></script>`), scripts: { '/page.js': baselineJson(n) }, done: 'window.__done' }),
  'baseline RSS': (n) => ({ html: head('<ul id="news"></ul>', `<script type="module" src="/page.js"></script>`), scripts: { '/page.js': baselineRss(n) }, done: 'window.__done' }),
  'portal-widgets CDN': listPage(cdnEntry),
  ...(cdnBeforeEntry && { 'CDN --before': listPage(cdnBeforeEntry) }),
  'portal-widgets news-list.js': listPage('/lib/news-list.js'),
  ...(args.before && { 'news-list.js --before': listPage('/lib/news-list-before.js') }),
  'jquery-rss + jQuery': (n, port) => ({
    html: head('<div id="news"></div>', '<script src="/lib/jquery.js"></script><script src="/lib/jquery.rss.js"></script><script defer src="/page.js"></script>'),
    scripts: { '/page.js': jqueryRss(n, port) },
    done: 'window.__done',
  }),
};

const BASELINE = 'baseline JSON';
const JQUERY = 'jquery-rss + jQuery';
const LIBRARY = ['portal-widgets CDN', 'portal-widgets news-list.js', 'news-list.js --before', 'CDN --before'];
// The baseline is always measured: every ratio is to it.
const chosen = args.pages ? [...new Set([BASELINE, ...args.pages.split(',').map((s) => s.trim())])] : Object.keys(pages);
const unknown = chosen.filter((n) => !pages[n]);
if (unknown.length) {
  console.error(`Unknown page(s): ${unknown.join(', ')}. The pages: ${Object.keys(pages).join(', ')}.`);
  process.exit(2);
}

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
  // The body itself, not its length: two pages of one length (the CDN page at 200 items, --before's at 20) are not one page.
  const key = `${p}\n${body}`;
  if (!gz.has(key)) gz.set(key, gzipSync(body, { level: 6 }));
  res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(gz.get(key));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

// ---- measuring ---------------------------------------------------------------
const observe = () => {
  window.__lcp = 0;
  window.__lcpElement = '';
  window.__tbt = 0;
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      window.__lcp = e.renderTime || e.loadTime || e.startTime;
      // An element in a shadow root is not exposed (null): the list's items are.
      window.__lcpElement = e.element ? e.element.localName : 'shadow';
    }),
  ).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__tbt += Math.max(0, e.duration - 50)))).observe({ type: 'longtask', buffered: true });
};

/** In the page: its nodes, open shadow roots included: all, and the comments (Lit's markers) among them. */
const countNodes = () => {
  let all = 0;
  let comments = 0;
  const walk = (root) => {
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      all++;
      if (n.nodeType === Node.COMMENT_NODE) comments++;
      if (n.shadowRoot) walk(n.shadowRoot);
    }
  };
  walk(document.body);
  return { all, comments };
};

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });

/** A fresh context and tab as a phone meets the page: 412 px, CPU 4× slower, the network watched. */
async function openTab() {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({ width: 412, height: 823, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const cdp = await tab.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Localhost answers at once: --rtt gives each request a phone's round trip, so chains of chunks cost what they cost there.
  if (RTT > 0) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT, downloadThroughput: -1, uploadThroughput: -1 });
  }
  return { context, tab, cdp };
}

/** `heap`: also a heap snapshot's breakdown (bench/heap-snapshot.mjs). */
async function measure(name, page, heap = false) {
  const { context, tab, cdp } = await openTab();
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
  const errors = []; // said when the page fails
  tab.on('pageerror', (e) => errors.push(e.message));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  current = page;
  await tab.goto(`http://127.0.0.1:${port}/page.html`, { waitUntil: 'load' });
  await tab.waitForFunction(page.done, { timeout: 60_000, polling: 50 }).catch(async (e) => {
    // What the list shows then: its shadow root's elements, by tag.
    const shown = await tab.evaluate(() => {
      const root = document.querySelector('portal-news-list')?.shadowRoot;
      const tags = {};
      for (const el of root?.querySelectorAll('*') ?? []) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
      return JSON.stringify(tags);
    });
    errors.push(`the list shows ${shown}`);
    throw new Error(`${name} did not put its items on screen in 60 s (${e.message})${errors.map((m) => `\n  page: ${m}`).join('')}`);
  });
  await new Promise((r) => setTimeout(r, 300)); // the paint after the last DOM change
  const { lcp, lcpElement, tbt } = await tab.evaluate(() => ({ lcp: window.__lcp, lcpElement: window.__lcpElement, tbt: window.__tbt }));
  const nodes = await tab.evaluate(countNodes);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const breakdown = heap ? await heapBreakdown(cdp) : undefined;
  await context.close();
  return { lcp, lcpElement, tbt, bytes, jsBytes, heap: used, nodes, breakdown };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs, f) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;
const kb = (b) => (b / 1024).toFixed(1);
const mb = (b) => (b / 1048576).toFixed(2);

/** The issue's goals for one size, as PASS/FAIL lines. */
function goals(n, figures) {
  const lines = [];
  const line = (ok, text) => lines.push(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  const base = figures[BASELINE];
  const jq = figures[JQUERY];
  for (const lib of LIBRARY.filter((l) => figures[l])) {
    const f = figures[lib];
    line(f.ratio <= 1.2, `${lib}: LCP ≤ 1.2× the baseline at ${n} items (${f.ratio.toFixed(2)}× run by run; medians ${f.lcp.toFixed(0)} vs ${base.lcp.toFixed(0)} ms)`);
    if (!jq) continue;
    const ahead = (k) => f[k] < jq[k] || (f[k] === 0 && jq[k] === 0); // both 0 ms of TBT is a tie, not a loss
    line(ahead('lcp'), `${lib}: LCP ahead of jquery-rss (${f.lcp.toFixed(0)} vs ${jq.lcp.toFixed(0)} ms)`);
    line(ahead('tbt'), `${lib}: TBT ahead of jquery-rss (${f.tbt.toFixed(0)} vs ${jq.tbt.toFixed(0)} ms)`);
    line(ahead('heap'), `${lib}: heap ahead of jquery-rss (${mb(f.heap)} vs ${mb(jq.heap)} MB)`);
    line(ahead('bytes'), `${lib}: one-widget page smaller than jquery-rss + jQuery (${kb(f.bytes)} vs ${kb(jq.bytes)} KB transferred)`);
  }
  return lines;
}

if (args.heap) {
  for (const n of SIZES) {
    const byPage = {};
    for (const name of chosen) byPage[name] = (await measure(name, pages[name](n, port), true)).breakdown;
    printHeap(n, byPage, BASELINE);
  }
} else if (args.trace) {
  const names = args.pages ? chosen : [BASELINE, ...LIBRARY].filter((name) => pages[name]);
  await traceRender({ openTab, url: `http://127.0.0.1:${port}/page.html`, port, pages, names, sizes: SIZES, runs: RUNS, setPage: (p) => (current = p), sources: { 'news-list.js': widgetBundle }, traceDir: args['trace-dir'] });
} else {
  const started = Date.now();
  console.log(`Peer benchmark: Chromium ${await browser.version()}, 412 px, CPU 4× throttled${RTT ? `, ${RTT} ms per request` : ''}, ${RUNS} alternated runs per page (and one warm-up).`);
  for (const n of SIZES) {
    const results = Object.fromEntries(chosen.map((k) => [k, []]));
    for (let run = 0; run < RUNS + 1; run++) {
      // Rotate the order each run so no page always goes first; run 0 warms the server and the browser up.
      for (let i = 0; i < chosen.length; i++) {
        const name = chosen[(i + run) % chosen.length];
        const r = await measure(name, pages[name](n, port));
        if (run > 0) results[name].push(r);
      }
    }
    console.log(`\n${n} items`);
    console.log(`  ${'page'.padEnd(28)} ${'LCP ms (spread)'.padEnd(20)} ${'×baseline¹'.padEnd(14)} ${'TBT ms (spread)'.padEnd(16)} ${'KB total (spread) / JS'.padEnd(28)} ${'heap MB (spread)'.padEnd(17)} ${'nodes (comments)'.padEnd(17)} LCP element`);
    const figures = {};
    for (const name of chosen) {
      const rs = results[name];
      figures[name] = Object.fromEntries(['lcp', 'tbt', 'bytes', 'heap'].map((k) => [k, median(rs.map((r) => r[k]))]));
      // Each run's LCP over the baseline's of the same run (measured beside it), then the median: a busy spell of the machine slows both.
      figures[name].ratio = median(rs.map((r, i) => r.lcp / results[BASELINE][i].lcp));
    }
    for (const name of chosen) {
      const rs = results[name];
      const f = figures[name];
      const lcp = rs.map((r) => r.lcp);
      const tbt = rs.map((r) => r.tbt);
      const elements = [...new Set(rs.map((r) => r.lcpElement))].join('/');
      console.log(
        `  ${name.padEnd(28)} ${`${f.lcp.toFixed(0)} (${spread(lcp, (x) => x.toFixed(0))})`.padEnd(20)} ${`${(f.lcp / figures[BASELINE].lcp).toFixed(2)}× ${f.ratio.toFixed(2)}×`.padEnd(14)} ${`${f.tbt.toFixed(0)} (${spread(tbt, (x) => x.toFixed(0))})`.padEnd(16)} ${`${kb(f.bytes)} (${spread(rs.map((r) => r.bytes), kb)}) / ${kb(median(rs.map((r) => r.jsBytes)))}`.padEnd(28)} ${`${mb(f.heap)} (${spread(rs.map((r) => r.heap), mb)})`.padEnd(17)} ${`${rs[0].nodes.all} (${rs[0].nodes.comments})`.padEnd(17)} ${elements}`,
      );
    }
    console.log('  ¹ the medians\' ratio, then the median of each run\'s ratio to the baseline measured beside it (the goals use this one)');
    console.log(`\n  goals at ${n} items:`);
    for (const l of goals(n, figures)) console.log(l);
  }
  console.log(`\n(${((Date.now() - started) / 60000).toFixed(1)} min)`);
}
await browser.close();
server.close();

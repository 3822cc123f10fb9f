/**
 * `npm run bench:hub-memory [-- --quick]`: the hub's memory at a province's
 * scale. A local upstream server holds FEEDS feeds of ITEMS items each; a real
 * hub process (hub/src/main.ts, SQLite in a temporary folder) reads them all,
 * then refreshes them cycle after cycle: most answer 304 to its conditional
 * requests, a few change (a new item on top) each cycle. The hub's resident
 * memory (VmRSS of its process, worker thread included) is sampled all along;
 * printed: the peak, and the RSS after each cycle. Two runs in one: items with
 * HTML bodies (sanitized by the hub), and the same items as text only (the
 * baseline: what is left is the cost of the HTML). Prints figures; passes or
 * fails nothing.
 *
 * Env: FEEDS (default 150), ITEMS (60), CYCLES (6; --quick 3), REFRESH (seconds
 * between an upstream's fetches, 10; --quick 5), CHANGING (share of feeds that
 * change each cycle, 0.1), HUB_MAIN (the hub's entry, default hub/src/main.ts;
 * a comma-separated list measures each, one after the other for each mode:
 * e.g. a copy of an older hub/src beside this one, in the same run), MODES
 * (html,text).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const FEEDS = Number(process.env.FEEDS ?? 150);
const ITEMS = Number(process.env.ITEMS ?? 60);
const CYCLES = Number(process.env.CYCLES ?? (quick ? 3 : 6));
const REFRESH = Number(process.env.REFRESH ?? (quick ? 5 : 10));
const CHANGING = Number(process.env.CHANGING ?? 0.1);
const HUB_MAINS = (process.env.HUB_MAIN ?? 'hub/src/main.ts').split(',');
const MODES = (process.env.MODES ?? 'html,text').split(',');
/** How long the first read of every feed, and a later cycle, may take (every item sanitized once, on 2 busy cores). */
const FIRST_CYCLE_MS = 300_000;
const CYCLE_MS = Math.max(REFRESH * 6000, 120_000);

const MB = (kb) => (kb / 1024).toFixed(0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A deterministic pseudo-random number in [0, 1) of the values given (FNV-1a, then a final mix). */
function chance(...values) {
  let h = 0x811c9dc5;
  for (const ch of values.join(' ')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return ((h ^ (h >>> 13)) >>> 0) / 2 ** 32;
}

const WORDS = 'Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch phát triển kinh tế xã hội năm 2025 các sở ban ngành địa phương cải cách hành chính chuyển đổi số người dân doanh nghiệp'.split(' ');
const words = (seed, n) => Array.from({ length: n }, (_, i) => WORDS[Math.floor(chance(seed, i) * WORDS.length)]).join(' ');

/** An article's body as a provincial CMS writes it: paragraphs, a figure, a table, links, inline styles and classes. */
function articleHtml(seed) {
  const p = (k) => `<p style="text-align: justify;" class="MsoNormal"><span style="font-size:14pt">${words(`${seed}p${k}`, 40)}</span> <a href="/tin-tuc/${seed}-${k}.html" target="_blank">${words(`${seed}a${k}`, 4)}</a>.</p>`;
  return [
    `<h2 class="sapo"><strong>${words(`${seed}h`, 20)}</strong></h2>`,
    p(1),
    `<figure class="image"><img src="/uploads/2025/${seed}.jpg" alt="${words(`${seed}i`, 6)}" width="800" height="533" onerror="this.remove()" data-original="/uploads/${seed}-large.jpg"><figcaption>${words(`${seed}c`, 12)}</figcaption></figure>`,
    p(2),
    p(3),
    `<table border="1" cellpadding="4"><tbody>${Array.from({ length: 4 }, (_, r) => `<tr><td>${words(`${seed}t${r}`, 3)}</td><td>${Math.floor(chance(seed, r) * 1000)}</td></tr>`).join('')}</tbody></table>`,
    p(4),
    `<p style="text-align:right"><em><strong>${words(`${seed}s`, 3)}</strong></em></p><script>trackView(${JSON.stringify(seed)})</script>`,
  ].join('');
}

/** Feed `f` at version `v`: `ITEMS` items, the newest `v` of them added since version 0. */
function feedBody(f, v, html) {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const n = v + ITEMS - i; // item numbers, newest first: a new version adds one on top and drops the oldest
    const seed = `f${f}n${n}`;
    const item = {
      id: `${seed}`,
      url: `http://agency-${f}.example/tin-tuc/${n}.html`,
      title: words(`${seed}T`, 14),
      summary: words(`${seed}S`, 40),
      date_published: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(),
    };
    const body = articleHtml(seed);
    // The baseline: as many characters of text, no markup.
    return html ? { ...item, content_html: body } : { ...item, content_text: body.replace(/<[^>]+>/g, ' ').repeat(2).slice(0, body.length) };
  });
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: `Agency ${f}`, items });
}

/** The upstreams: `/f/N.json`; on its k-th request a feed is of the version it has reached (one more with chance CHANGING each cycle). */
async function startUpstreams(html) {
  // Made before the hub starts: a server busy making 150 bodies at once would time the hub's fetches out.
  const state = Array.from({ length: FEEDS }, (_, f) => ({ requests: 0, version: 0, body: Buffer.from(feedBody(f, 0, html)), etag: `"f${f}v0"` }));
  let answered = { 200: 0, 304: 0 };
  const server = createServer((req, res) => {
    const f = Number(/^\/f\/(\d+)\.json$/.exec(req.url ?? '')?.[1]);
    const s = state[f];
    if (!s) return void res.writeHead(404).end();
    s.requests++;
    if (s.requests > 1 && chance(html, f, s.requests) < CHANGING) s.version++;
    if (s.etag !== `"f${f}v${s.version}"`) {
      s.body = Buffer.from(feedBody(f, s.version, html));
      s.etag = `"f${f}v${s.version}"`;
    }
    if (req.headers['if-none-match'] === s.etag) {
      answered[304]++;
      return void res.writeHead(304, { etag: s.etag }).end();
    }
    answered[200]++;
    res.writeHead(200, { 'content-type': 'application/feed+json', etag: s.etag, 'content-length': s.body.length }).end(s.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    bytes: feedBody(0, 0, html).length,
    answered: () => {
      const a = answered;
      answered = { 200: 0, 304: 0 };
      return a;
    },
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))),
  };
}

function startHub(main, config) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--config', config], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Visit counter: (http:\/\/[^/\s]+)/.exec(out);
      if (m) resolve({ child, url: m[1].replace('localhost', '127.0.0.1'), stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}: ${stderr}`)));
  });
}

/** The hub's resident memory, kB (its process: the parse worker is a thread of it). */
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/**
 * From /metrics: the fewest fetches any upstream has had (a cycle is done when every upstream has had one more),
 * the fetches by outcome, and the main thread's JS heap in use (kB).
 */
async function hubFigures(hub) {
  let text;
  for (let attempt = 1; text === undefined; attempt++) {
    // A kept-alive connection the hub closed meanwhile answers ECONNRESET: asked again.
    text = await fetch(`${hub.url}/metrics`).then((r) => r.text(), (e) => {
      if (attempt === 3 || hub.child.exitCode !== null) throw e;
      return sleep(200).then(() => undefined);
    });
  }
  const perFeed = new Map();
  const outcomes = {};
  for (const [, feed, outcome, n] of text.matchAll(/^portal_hub_upstream_fetches_total\{feed="([^"]*)",upstream="[^"]*",outcome="([^"]*)"\} (\d+)/gm)) {
    perFeed.set(feed, (perFeed.get(feed) ?? 0) + Number(n));
    outcomes[outcome] = (outcomes[outcome] ?? 0) + Number(n);
  }
  const fewest = perFeed.size < FEEDS ? 0 : Math.min(...perFeed.values());
  const heap = Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? 0) / 1024;
  return { fewest, outcomes, heap };
}

async function run(mode, main) {
  const html = mode === 'html';
  const upstream = await startUpstreams(html);
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-hub-memory-'));
  const config = path.join(dir, 'hub.json');
  // A feed per agency, as a province lists them; five merged feeds on top would only add renders.
  writeFileSync(
    config,
    JSON.stringify({
      storage: { dataDir: path.join(dir, 'data') },
      sites: [{ id: 'bench', name: 'Bench', origins: [] }],
      feeds: Array.from({ length: FEEDS }, (_, f) => ({
        id: `f${f}`,
        title: `Agency ${f}`,
        public: true,
        upstreams: [{ name: `Agency ${f}`, url: `${upstream.url}/f/${f}.json`, internal: true, refreshSeconds: REFRESH }],
      })),
    }),
  );
  const hub = await startHub(main, config);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(hub.child.pid))), 100);
  const cycles = [];
  let outcomes;
  try {
    for (let c = 1; c <= CYCLES; c++) {
      const start = Date.now();
      while ((await hubFigures(hub)).fewest < c) {
        if (Date.now() - start > (c === 1 ? FIRST_CYCLE_MS : CYCLE_MS)) throw new Error(`cycle ${c} did not finish: ${hub.stderr().slice(-2000)}`);
        await sleep(200);
      }
      // The writes after the fetch, and a turn for the collector.
      await sleep(500);
      cycles.push({ rss: rss(hub.child.pid), heap: (await hubFigures(hub)).heap, seconds: (Date.now() - start) / 1000, ...upstream.answered() });
    }
    outcomes = (await hubFigures(hub)).outcomes;
  } finally {
    clearInterval(sampler);
    hub.child.kill('SIGKILL');
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { mode, main, peak, cycles, outcomes, feedBytes: upstream.bytes };
}

const results = [];
for (const mode of MODES) for (const main of HUB_MAINS) results.push(await run(mode, main));

console.log(`\nThe hub reading ${FEEDS} upstreams × ${ITEMS} items, refreshed every ${REFRESH} s, ${CHANGING * 100} % changing per cycle; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
for (const r of results) {
  console.log(`\n${r.mode === 'html' ? 'items with HTML bodies' : 'items as text only (baseline)'}: ${(r.feedBytes / 1024).toFixed(0)} KB a feed; ${r.main}`);
  console.log(`  peak RSS ${MB(r.peak)} MB; the hub's fetches: ${Object.entries(r.outcomes).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  for (const [i, c] of r.cycles.entries()) console.log(`  after cycle ${i + 1}: RSS ${MB(c.rss).padStart(4)} MB, main thread's JS heap ${MB(c.heap).padStart(4)} MB  (${String(c[200]).padStart(3)} × 200, ${String(c[304]).padStart(3)} × 304, ${c.seconds.toFixed(1)} s)`);
}

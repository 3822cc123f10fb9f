/**
 * Test-server middleware (web-test-runner's Koa server): serves fixtures from
 * test/fixtures over real HTTP and injects the faults a widget must survive.
 *
 *   GET /test-api/doc?file=news.json&fault=KIND&key=K&ms=N&type=T
 *     file:  a fixture, also in a folder of test/fixtures (real-world/dates.rss.xml)
 *     fault: none | 404 | 500 | 500-once | slow | malformed | truncated |
 *            wrong-type | html | bom | etag |
 *            gzip-bomb (1 MB of gzip that inflates to 1 GB) |
 *            endless (a chunked body that never ends, `ms` between 64 KB chunks) |
 *            redirect-loop (302 to itself, for ever) |
 *            reset (the connection cut without an answer, as offline)
 *     seq:   faults by request number instead of `fault`, e.g. seq=none,html,reset
 *            (the last one for every later request)
 *     type:  the Content-Type to answer with, e.g. `application/rss+xml; charset=iso-8859-1`
 *            (fixtures are served as their bytes: their charset is whatever they were written in)
 *     key:   counts requests under this name (default: the file name)
 *   GET|POST /test-api/visits?key=K&start=N&fault=KIND&after=N&ms=N
 *     a visit counter: GET reads {total, online, today, updated}, POST adds one
 *     visit; fault: 500 | malformed | nan | slow, from request number `after`+1
 *     on (default: every request); GETs are counted under K, POSTs under K:post
 *   GET /test-api/visits-heal?key=K → the counter K answers without fault from now on
 *   GET /test-api/tt-page?feeds=URL,URL…&article=URL&item=ID
 *     STRICT_CSP with the documented policy names (TRUSTED_TYPES_CSP), a news list per
 *     feed and an article; test/core/trusted-types-probe.ts reports to the parent frame
 *   GET /test-api/echo?b64=B&type=T → the bytes B (base64url) as the body, with Content-Type T
 *   GET /test-api/count?key=K  → {"count": n, "notModified": n}
 *   GET /test-api/reset        → forgets every count
 *   GET /test-api/beacon?key=K&v=ID   records that script ran (XSS tests' payloads call it)
 *   GET /test-api/beacon-hits?key=K   → {"count": n, "ids": [...]} distinct ids that called
 *   GET /test-api/void/…       → 204: where hostile feeds' relative URLs resolve, so they log no 404s
 *   GET /test-api/csp-page?feed=URL&item=ID
 *     a page served with a strict CSP and Trusted Types, holding a news list and an
 *     article of `feed`; test/components/article/csp-probe.ts reports to the parent frame
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { constants, createGzip } from 'node:zlib';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const counts = new Map();
const visits = new Map();
const healed = new Set();
const notModified = new Map();
const beacons = new Map();

/** The strictest policy the widgets promise to work under (DESIGN.md: untrusted input). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html dompurify";
/**
 * STRICT_CSP with every policy name the docs list (`portal-widgets` reads RSS/Atom:
 * docs/reading-feeds.md), and pictures from anywhere, as a portal showing feeds allows.
 */
export const TRUSTED_TYPES_CSP = `${STRICT_CSP} portal-widgets; img-src 'self' http: https:`;
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** 1 GB of zeros, gzipped once as a stream (about 1 MB, 2 s) and kept: a decompression bomb. */
let bomb;
function gzipBomb() {
  bomb ??= new Promise((resolve) => {
    const gz = createGzip({ level: constants.Z_BEST_COMPRESSION });
    const out = [];
    gz.on('data', (c) => out.push(c));
    gz.on('end', () => resolve(Buffer.concat(out)));
    const zeros = Buffer.alloc(1024 * 1024);
    let i = 0;
    const write = () => {
      while (i < 1024) if (i++, !gz.write(zeros)) return void gz.once('drain', write);
      gz.end();
    };
    write();
  });
  return bomb;
}

const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function typeOf(file) {
  if (file.endsWith('.json')) return 'application/feed+json; charset=utf-8';
  if (file.endsWith('.xml') || file.endsWith('.rss') || file.endsWith('.atom')) return 'application/xml; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

export async function faultMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const q = ctx.query;
  if (ctx.path === '/test-api/reset') {
    counts.clear();
    notModified.clear();
    ctx.body = { ok: true };
    return;
  }
  if (ctx.path === '/test-api/bench-report' && ctx.method === 'POST') {
    // Benchmarks (bench/*.bench.ts) post their figures here; scripts/bench.mjs prints them.
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    mkdirSync('.test-results', { recursive: true });
    appendFileSync('.test-results/bench.json', JSON.stringify(JSON.parse(body)) + '\n');
    ctx.body = { ok: true };
    return;
  }
  if (ctx.path === '/test-api/csp-page') {
    const feed = escapeHtml(String(q.feed ?? '/test-api/doc?file=article.json'));
    const item = escapeHtml(String(q.item ?? 'tin-200'));
    ctx.set('content-security-policy', STRICT_CSP);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>CSP</title>
<script type="module" src="/test/components/article/csp-probe.ts"></script></head>
<body>
<portal-news-list src="${feed}" show-date show-image show-summary limit="4"></portal-news-list>
<portal-article src="${feed}" item-id="${item}"></portal-article>
</body></html>`;
    return;
  }
  if (ctx.path === '/test-api/tt-page') {
    const feeds = String(q.feeds ?? '').split(',').filter(Boolean).map(escapeHtml);
    ctx.set('content-security-policy', TRUSTED_TYPES_CSP);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trusted Types</title>
<script type="module" src="/test/core/trusted-types-probe.ts"></script></head>
<body>
${feeds.map((f) => `<portal-news-list src="${f}" show-date show-image show-summary></portal-news-list>`).join('\n')}
<portal-article src="${escapeHtml(String(q.article ?? ''))}" item-id="${escapeHtml(String(q.item ?? ''))}"></portal-article>
</body></html>`;
    return;
  }
  if (ctx.path.startsWith('/test-api/void/')) {
    ctx.status = 204;
    return;
  }
  if (ctx.path === '/test-api/beacon') {
    // Reached only if an injected payload executed: from this page, a frame or a data: document.
    const key = String(q.key ?? '');
    if (!beacons.has(key)) beacons.set(key, new Set());
    beacons.get(key).add(String(q.v ?? ''));
    ctx.set('access-control-allow-origin', '*');
    ctx.type = 'text/javascript';
    ctx.body = '';
    return;
  }
  if (ctx.path === '/test-api/beacon-hits') {
    const ids = [...(beacons.get(String(q.key ?? '')) ?? [])];
    ctx.body = { count: ids.length, ids };
    return;
  }
  if (ctx.path === '/test-api/count') {
    ctx.body = { count: counts.get(q.key) ?? 0, notModified: notModified.get(q.key) ?? 0 };
    return;
  }
  if (ctx.path === '/test-api/visits') return visitCounter(ctx, q);
  if (ctx.path === '/test-api/echo') {
    ctx.set('cache-control', 'no-store');
    ctx.set('content-type', String(q.type ?? 'application/octet-stream'));
    ctx.body = Buffer.from(String(q.b64 ?? ''), 'base64url');
    return;
  }
  if (ctx.path === '/test-api/visits-heal') {
    healed.add(String(q.key));
    ctx.body = { ok: true };
    return;
  }
  if (ctx.path !== '/test-api/doc') return next();

  const file = path.normalize(String(q.file ?? 'news.json')).replace(/^(\.\.(\/|\\|$))+/, '');
  const key = String(q.key ?? file);
  const n = bump(counts, key).get(key);
  // seq=A,B,C: request n of the key gets the n-th fault, the last for every later one (a feed that breaks between visits).
  const seq = q.seq ? String(q.seq).split(',') : undefined;
  const fault = seq ? seq[Math.min(n, seq.length) - 1] : String(q.fault ?? 'none');
  if (fault === 'reset') {
    ctx.respond = false; // no answer at all: the connection is cut, as when the network is down
    ctx.req.socket.destroy();
    return;
  }
  ctx.set('cache-control', 'no-cache');
  if (fault === 'redirect-loop') {
    ctx.status = 302;
    ctx.set('location', ctx.url);
    return;
  }
  if (fault === 'gzip-bomb') {
    ctx.set('content-type', 'application/rss+xml');
    ctx.set('content-encoding', 'gzip');
    ctx.body = await gzipBomb();
    return;
  }
  if (fault === 'endless') {
    // Chunked, no Content-Length, never ends: the reader must stop at its byte cap or its time-out.
    const stream = new PassThrough();
    const chunk = Buffer.from(`<rss><channel>${'<item><title>x</title></item>'.repeat(2340)}`.slice(0, 65536));
    const timer = setInterval(() => stream.write(chunk), Number(q.ms ?? 5));
    const stop = () => (clearInterval(timer), stream.destroy());
    ctx.req.on('close', stop);
    stream.on('error', stop);
    ctx.type = 'application/rss+xml';
    ctx.body = stream;
    return;
  }
  const bytes = await readFile(path.join(fixtures, file)).catch(() => undefined);
  let body = bytes?.toString('utf8');
  if (body === undefined || fault === '404') {
    ctx.status = 404;
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>404</title><h1>Not found</h1>';
    return;
  }
  ctx.set('content-type', String(q.type ?? typeOf(file)));
  switch (fault) {
    case '500':
      ctx.status = 500;
      ctx.body = 'Internal error';
      return;
    case '500-once':
      if (n === 1) {
        ctx.status = 500;
        ctx.body = 'Internal error';
        return;
      }
      break;
    case '500-twice':
      if (n <= 2) {
        ctx.status = 503;
        ctx.body = 'Unavailable';
        return;
      }
      break;
    case 'slow':
      await sleep(Number(q.ms ?? 2000));
      break;
    case 'malformed':
      body = body.slice(0, body.length / 2).replace(/[\s\S]$/, '') + ',,]}';
      break;
    case 'truncated':
      body = body.slice(0, Math.floor(body.length / 2));
      break;
    case 'wrong-type':
      ctx.type = 'text/html; charset=utf-8';
      break;
    case 'html':
      ctx.type = 'text/html; charset=utf-8';
      body = '<!DOCTYPE html>\n<html lang="vi"><head><title>Trang chủ</title></head><body><h1>Cổng thông tin</h1></body></html>';
      break;
    case 'bom':
      body = '\uFEFF' + body;
      break;
    case 'none':
      // Untouched: the fixture's own bytes, so a windows-1258 or GB2312 file arrives as written.
      ctx.status = 200;
      ctx.body = bytes;
      return;
    case 'etag': {
      const etag = `"${file}-v1"`;
      ctx.set('etag', etag);
      if (ctx.get('if-none-match') === etag) {
        bump(notModified, key);
        ctx.status = 304;
        return;
      }
      break;
    }
  }
  ctx.status = 200;
  ctx.body = body;
}

/** A visit counter endpoint with faults, for <portal-visit-counter>. */
async function visitCounter(ctx, q) {
  const key = String(q.key ?? 'visits');
  const post = ctx.method === 'POST';
  if (!post && ctx.method !== 'GET') {
    ctx.status = 405;
    ctx.body = { error: 'method not allowed' };
    return;
  }
  const n = bump(counts, post ? `${key}:post` : key).get(post ? `${key}:post` : key);
  const requests = (counts.get(key) ?? 0) + (counts.get(`${key}:post`) ?? 0);
  if (post) visits.set(key, (visits.get(key) ?? 0) + 1);
  ctx.set('cache-control', 'no-store');
  const fault = requests > Number(q.after ?? 0) && !healed.has(key) ? String(q.fault ?? 'none') : 'none';
  const total = Number(q.start ?? 0) + (visits.get(key) ?? 0);
  const body = { total, online: 133, today: 1000 + (visits.get(key) ?? 0), updated: '2024-04-19T03:15:00Z', n };
  switch (fault) {
    case '500':
      ctx.status = 500;
      ctx.body = 'Internal error';
      return;
    case 'malformed':
      ctx.type = 'application/json';
      ctx.body = '{"total": 12,';
      return;
    case 'nan':
      ctx.type = 'application/json';
      ctx.body = '{"total": "lots", "online": -1}';
      return;
    case 'slow':
      await sleep(Number(q.ms ?? 2000));
      break;
  }
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

/**
 * The hub's HTTP side: the merged feeds (/feeds/{id}.json and .xml), the
 * documents it serves (/documents/{id}.json), the visit counter
 * (/api/visits), /healthz and /metrics, and with `serveDemo` the demo pages
 * and the built library (dist/, with the CDN bundle), every text answer
 * compressed (compression.ts). Node's own http module:
 * a handful of routes do not earn a framework, and the feed route stays close
 * to bare `http` speed (npm run bench:hub).
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { ConfigError, type HubConfig } from './config.js';
import { compressible, compressFile, sendVariants, VariantCache, variantBytes, type Variants } from './compression.js';
import { DEFAULT_PAGE_SIZE, jsonFeedPages, rendered } from './feed-output.js';
import { createVisitsRoute } from './counter/visits-route.js';
import { hostAllowList } from './host-allow.js';
import { HttpError, json } from './http-answer.js';
import type { Feeds } from './feeds.js';
import type { HubMetrics } from './metrics.js';
import type { HubStorage } from './storage.js';
import { parseDocument } from './upstream-parse.js';

export interface AppOptions {
  config: HubConfig;
  storage: HubStorage;
  feeds: Feeds;
  metrics: HubMetrics;
  /** Milliseconds since the epoch; tests move it (the storage takes the same clock). */
  clock?: () => number;
}

/** Seconds a reader may reuse a feed without asking, then may show it while it revalidates. */
export const FEED_MAX_AGE = 60;
export const FEED_STALE_WHILE_REVALIDATE = 600;

/** The strict policy of the article issue, for the page that proves the widgets live with it; the video players' frames are allowed, nothing else. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; require-trusted-types-for 'script'; trusted-types lit-html dompurify; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
/**
 * Every other page: the same scripts and styles (only the hub's own files),
 * with feed images, media and video players from any https: origin (what the
 * feeds link to); framed by the hub's own pages only.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; media-src 'self' https:; frame-src https:; require-trusted-types-for 'script'; trusted-types lit-html dompurify; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const STRICT_PAGES = new Set(['/demo/csp.html']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Memory for the compressed demo files and pages (the demo and dist/ hold about 3 MB). */
const FILE_CACHE_BYTES = 64 * 1024 * 1024;
/** A text file larger than this is streamed as it is, not held in memory. */
const MAX_CACHED_FILE = 16 * 1024 * 1024;

/** A file's bytes in pages (one, unless it is a JSON Feed longer than a page), and what they hold. */
interface FilePages {
  pages: Buffer[];
  bytes: number;
}

/** `?page=n` (absent: 1), or 0 when it is not a page number. */
function pageNumber(search: URLSearchParams): number {
  const raw = search.get('page');
  if (raw === null) return 1;
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 0;
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export function createApp({ config, storage, feeds, metrics, clock = Date.now }: AppOptions): Server {
  const root = config.serveDemo;
  const corsOrigins = [...new Set(config.sites.flatMap((s) => s.origins))];
  const counter = createVisitsRoute({ config, storage, clock });
  const checkHost = hostAllowList(config);
  const documents = loadDocuments(config.documents);
  /** Set by {@link drain}: /healthz answers 503 so a load balancer stops sending. */
  let draining = false;

  /**
   * CORS for what sites read (feeds, documents): any origin when public, else
   * the sites' origins. Another origin gets the body without the header, so its
   * browser refuses it (the widget shows "blocked") while servers can still read.
   */
  function readCors(req: IncomingMessage, headers: Record<string, string>, open: boolean): Record<string, string> {
    if (open || corsOrigins.includes('*')) headers['access-control-allow-origin'] = '*';
    else {
      headers.vary = 'Origin, Accept-Encoding';
      const origin = req.headers.origin;
      if (origin && corsOrigins.includes(origin)) headers['access-control-allow-origin'] = origin;
    }
    return headers;
  }

  function preflight(res: ServerResponse, methods: string, headers: Record<string, string> = {}): void {
    res.writeHead(204, {
      ...headers,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': 'content-type, if-none-match',
      'access-control-max-age': '600',
    });
    res.end();
  }

  function feed(req: IncomingMessage, res: ServerResponse, id: string, ext: string, search: URLSearchParams): void {
    const method = req.method ?? '';
    const rendered = feeds.get(id);
    if (!rendered) throw new HttpError(404, `no feed "${id}"`);
    const open = feeds.config(id)!.public;
    if (method === 'OPTIONS') return preflight(res, 'GET, HEAD, OPTIONS', readCors(req, {}, open));
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `method ${method} not allowed`, { allow: 'GET, HEAD, OPTIONS' });
    const headers: Record<string, string> = {
      'content-type': ext === 'json' ? 'application/feed+json; charset=utf-8' : 'application/rss+xml; charset=utf-8',
      'cache-control': `public, max-age=${FEED_MAX_AGE}, stale-while-revalidate=${FEED_STALE_WHILE_REVALIDATE}`,
      'last-modified': rendered.lastModified,
      vary: 'Accept-Encoding',
    };
    readCors(req, headers, open);
    // The JSON Feed in pages (next_url); the RSS whole, for the CMSs that read it.
    const page = ext === 'json' ? rendered.pages[pageNumber(search) - 1] : { ...rendered.xml, items: rendered.items };
    if (!page) throw new HttpError(404, `no page "${search.get('page')}" of feed "${id}"`);
    if (sendVariants(req, res, page, headers)) metrics.itemsServed(id, page.items);
  }

  function document(req: IncomingMessage, res: ServerResponse, id: string): void {
    const doc = documents.get(id);
    if (!doc) throw new HttpError(404, `no document "${id}"`);
    if (req.method === 'OPTIONS') return preflight(res, 'GET, HEAD, OPTIONS', readCors(req, {}, true));
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed', { allow: 'GET, HEAD, OPTIONS' });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', vary: 'Accept-Encoding' };
    readCors(req, headers, true);
    sendVariants(req, res, doc, headers);
  }

  async function healthz(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ok = !draining && (await storage.healthy());
    json(res, ok ? 200 : 503, { status: ok ? 'ok' : draining ? 'stopping' : 'storage unavailable', feeds: feeds.status() });
  }

  async function metricsRoute(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
    res.end(text);
  }

  const demoDir = root && path.join(root, 'demo') + path.sep;

  /** A symlink is followed only to a file still under demo/ or dist/ (real paths compared). */
  function insideServedRoot(file: string): boolean {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return false;
    }
    return ['demo', 'dist'].some((dir) => {
      try {
        return real.startsWith(realpathSync(path.join(root!, dir)) + path.sep);
      } catch {
        return false;
      }
    });
  }

  const files = new VariantCache<Variants & { bytes: number }>(FILE_CACHE_BYTES);
  /** JSON files split into their pages, read and parsed once per version (not per page asked for, nor per miss). */
  const splits = new VariantCache<FilePages>(FILE_CACHE_BYTES / 4);

  /**
   * Page `n` of a file as served, compressed once per version and page (on its
   * first request: a 13-page feed does not wait for the other 12): a demo page
   * with its shared parts put in ({@link expandIncludes}; the version is its
   * text's hash, as a partial may change), a JSON Feed in pages, any other
   * file as it is.
   */
  async function servedPage(file: string, stat: { size: number; mtimeMs: number }, type: string, n: number): Promise<Variants | undefined> {
    const html = file.endsWith('.html') && file.startsWith(demoDir!);
    const text = html ? Buffer.from(expandIncludes(readFileSync(file, 'utf8'), demoDir!)) : undefined;
    const version = text ? createHash('sha256').update(text).digest('base64url') : `${stat.size}-${stat.mtimeMs}`;
    const json = type.startsWith('application/json');
    const split = json
      ? await splits.get(file, version, async () => {
          const pages = feedPages(await readFile(file), path.basename(file));
          return { pages, bytes: pages.reduce((sum, b) => sum + b.length, 0) };
        })
      : undefined;
    if (n < 1 || n > (split?.pages.length ?? 1)) return undefined;
    return files.get(`${file}?page=${n}`, version, async () => {
      const variants = await compressFile(split?.pages[n - 1] ?? text ?? (await readFile(file)), compressible(type));
      return { ...variants, bytes: variantBytes(variants) };
    });
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string, search: URLSearchParams): Promise<void> {
    if (!root || !demoDir) throw new HttpError(404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed', { allow: 'GET, HEAD' });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'bad path encoding');
    }
    if (decoded.includes('\0')) throw new HttpError(400, 'bad path');
    let file = path.join(root, path.normalize(decoded));
    if (!file.startsWith(path.join(root, 'demo') + path.sep) && !file.startsWith(path.join(root, 'dist') + path.sep)) throw new HttpError(404, 'not found');
    let stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      // To the directory's own path on this hub, never the request's text (`//evil.example/…` would leave it).
      if (!pathname.endsWith('/')) return void res.writeHead(301, { location: `/${path.relative(root, file).split(path.sep).join('/')}/` }).end();
      file = path.join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile() || !insideServedRoot(file)) throw new HttpError(404, 'not found');
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (file.endsWith('.html'))
      Object.assign(headers, { 'content-security-policy': STRICT_PAGES.has(pathname) ? STRICT_CSP : PAGE_CSP, 'x-frame-options': 'SAMEORIGIN' });
    if (compressible(type) && stat.size <= MAX_CACHED_FILE) {
      // `?page=` means a page of a JSON file only: a demo page's own query (?q=, ?page=) is the widgets'.
      const page = await servedPage(file, stat, type, type.startsWith('application/json') ? pageNumber(search) : 1);
      if (!page) throw new HttpError(404, 'no such page');
      return void sendVariants(req, res, page, headers);
    }
    // Images and video (compressed already), and the odd huge text file: streamed as they are.
    const etag = (headers.etag = `W/"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`);
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  /** The route's name for the metrics (a bounded set: never the raw path). */
  function routeOf(p: string): string {
    if (p.startsWith('/feeds/')) return 'feed';
    if (p.startsWith('/documents/')) return 'document';
    if (p.startsWith('/api/')) return 'visits';
    if (p === '/healthz' || p === '/metrics') return p.slice(1);
    return 'page';
  }

  async function handle(req: IncomingMessage, res: ServerResponse, p: string, search: URLSearchParams): Promise<void> {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
    checkHost(req);
    const feedMatch = /^\/feeds\/([a-z0-9-]+)\.(json|xml)$/.exec(p);
    if (feedMatch) return feed(req, res, feedMatch[1], feedMatch[2], search);
    const docMatch = /^\/documents\/([a-z0-9-]+)\.json$/.exec(p);
    if (docMatch) return document(req, res, docMatch[1]);
    if (p === '/healthz') return healthz(req, res);
    if (p === '/metrics') return metricsRoute(req, res);
    if (p === '/api/visits' || p.startsWith('/api/visits/')) return counter.handle(req, res, new URL(req.url ?? '/', 'http://localhost'));
    if (p.startsWith('/api/') || p.startsWith('/feeds/') || p.startsWith('/documents/')) throw new HttpError(404, 'no such endpoint');
    if (root && (p === '/' || p === '/demo')) return void res.writeHead(302, { location: '/demo/' }).end();
    return serveFile(req, res, p, search);
  }

  const server = createServer((req, res) => {
    let p: string;
    let search = new URLSearchParams();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      p = url.pathname;
      search = url.searchParams;
    } catch {
      p = '';
    }
    const route = routeOf(p);
    // Stopping: answer what is in flight, then let its connection go.
    if (draining) res.setHeader('connection', 'close');
    res.once('finish', () => metrics.request(route, res.statusCode));
    (p ? handle(req, res, p, search) : Promise.reject(new HttpError(400, 'bad request target'))).catch((e: unknown) => {
      const error = e instanceof HttpError ? e : new HttpError(500, 'internal error');
      if (!(e instanceof HttpError)) console.error(e);
      if (res.headersSent) return void res.destroy();
      // A refused body is not read further: close the connection rather than drain it.
      if (error.status === 413) res.setHeader('connection', 'close');
      json(res, error.status, { error: error.message }, false, error.headers);
    });
  });
  // Unparseable HTTP (a bad request line, huge headers): a 400, never a crash.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({ error: status === 431 ? 'headers too large' : 'bad request' });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  /** Stop accepting: /healthz now answers 503; what is in flight finishes. */
  Object.assign(server, { drain: () => (draining = true) });
  return server;
}

export type HubServer = Server & { drain(): void };

/**
 * A JSON Feed file longer than a page, as its pages (next_url to `?page=n`):
 * the demo's 361 items are not all downloaded to show 8. Any other JSON: one
 * page, as it is.
 */
function feedPages(bytes: Buffer, fileName: string): Buffer[] {
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    return [bytes];
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [bytes];
  const { items, next_url: next, ...head } = doc as Record<string, unknown>;
  if (!String(head.version).startsWith('https://jsonfeed.org/version/') || !Array.isArray(items) || items.length <= DEFAULT_PAGE_SIZE || next !== undefined) return [bytes];
  return jsonFeedPages(head, items, DEFAULT_PAGE_SIZE, fileName).map((p) => Buffer.from(p.text));
}

/** The configured documents, each read and checked; every broken one is named (at the start, by `check`, on SIGHUP). */
export function loadDocuments(documents: HubConfig['documents']): Map<string, Variants> {
  const loaded = new Map<string, Variants>();
  const problems: string[] = [];
  for (const d of documents) {
    try {
      loaded.set(d.id, loadDocument(d));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return loaded;
}

/** A document served as is, once checked by the widgets' own reader (a broken one stops the start). */
function loadDocument({ id, type, file }: HubConfig['documents'][number]): Variants {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError([`documents: "${id}": ${file} cannot be read (${(e as NodeJS.ErrnoException).code})`]);
  }
  try {
    parseDocument(type, text, 'http://hub.invalid/documents/');
  } catch (e) {
    throw new ConfigError([`documents: "${id}": ${file} is not a valid ${type} document (${(e as Error).message})`]);
  }
  parseDocument(type, text, 'http://hub.invalid/documents/');
  return rendered(text);
}

/**
 * The demo pages share their head, header, sidebar and footer, written once in
 * demo/partials/: `<!--#include "partials/aside.html" list="news" -->` is
 * replaced by that file with its `{{list}}` filled; an attribute whose value is
 * a placeholder left empty (`for="{{list}}"`) is left out.
 */
export function expandIncludes(html: string, dir: string): string {
  return html.replace(/<!--#include "([\w./-]+)"((?:\s+\w+="[^"]*")*)\s*-->/g, (_, name: string, attrs: string) => {
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir)) throw new HttpError(500, 'include outside demo/');
    const values = Object.fromEntries([...attrs.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return readFileSync(file, 'utf8')
      .trim()
      .replace(/\s([\w-]+)="\{\{(\w+)\}\}"/g, (_m, attr: string, key: string) => (values[key] ? ` ${attr}="${values[key]}"` : ''))
      .replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
  });
}

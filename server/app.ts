/**
 * The reference server: the demo pages and feeds, the built library (dist/,
 * with the CDN bundle), and the visit counter at /api/visits. Node's own http
 * module: four routes do not earn a framework's bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import type { Config } from './config.js';
import type { VisitStore } from './store.js';

export interface AppOptions {
  config: Config;
  store: VisitStore;
  /** Milliseconds since the epoch; tests move it (the store takes the same clock). */
  clock?: () => number;
}

/** A request the server refuses, with its status and a message for the JSON body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The strict policy of the article issue, for the page that proves the widgets live with it; the video players' frames are allowed, nothing else. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; require-trusted-types-for 'script'; trusted-types lit-html dompurify";
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

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const RATE_WINDOW = 60_000;

export function createApp({ config, store, clock = Date.now }: AppOptions): Server {
  const root = config.root;
  /** POSTs per visitor hash in the current minute; bounded, emptied each window. */
  let rate = { start: 0, counts: new Map<string, number>() };

  function clientIp(req: IncomingMessage): string {
    if (config.trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .pop()
        ?.trim();
      if (forwarded && isIP(forwarded)) return forwarded;
    }
    return req.socket.remoteAddress ?? '';
  }

  function ownOrigin(req: IncomingMessage): string {
    const proto = config.trustProxy && req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
    return `${proto}://${req.headers.host ?? ''}`;
  }

  /** CORS: the server's own origin always; others only from CORS_ORIGINS. */
  function cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (!origin || origin === ownOrigin(req)) return;
    if (!config.corsOrigins.includes('*') && !config.corsOrigins.includes(origin)) throw new HttpError(403, 'origin not allowed');
    res.setHeader('access-control-allow-origin', origin);
  }

  function limit(hash: string): void {
    const now = clock();
    if (now - rate.start >= RATE_WINDOW || now < rate.start) rate = { start: now, counts: new Map() };
    const n = (rate.counts.get(hash) ?? 0) + 1;
    rate.counts.set(hash, n);
    if (n > config.rateLimit) {
      const retry = Math.max(1, Math.ceil((rate.start + RATE_WINDOW - now) / 1000));
      throw new HttpError(429, 'too many visits from this visitor', { 'retry-after': String(retry) });
    }
  }

  async function visits(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? '';
    if (!['GET', 'HEAD', 'POST', 'OPTIONS'].includes(method)) throw new HttpError(405, `method ${method} not allowed`, { allow: 'GET, POST, OPTIONS' });
    cors(req, res);
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const now = new Date(clock()).toISOString();
    if (method === 'GET' || method === 'HEAD') return json(res, 200, { ...store.counts(config.site), updated: now }, method === 'HEAD');
    await readVisitBody(req);
    const hash = store.visitorHash(config.site, clientIp(req), String(req.headers['user-agent'] ?? ''));
    limit(hash);
    const counted = store.hit(config.site, hash);
    const counts = store.counts(config.site);
    // The online count is reused for up to a second: the visitor who just came in is online.
    json(res, 200, { ...counts, online: Math.max(counts.online, 1), updated: now, counted });
  }

  /** A visit's body is optional and small: nothing, or a JSON object (its fields are ignored for now). */
  async function readVisitBody(req: IncomingMessage): Promise<void> {
    const length = req.headers['content-length'];
    if (length !== undefined && !/^\d+$/.test(length)) throw new HttpError(400, 'bad content-length');
    if (Number(length ?? 0) > config.maxBody) throw new HttpError(413, `body larger than ${config.maxBody} bytes`);
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > config.maxBody) throw new HttpError(413, `body larger than ${config.maxBody} bytes`);
      chunks.push(chunk);
    }
    const body = Buffer.concat(chunks).toString('utf8').trim();
    if (!body) return;
    if (type && type !== 'text/plain' && type !== 'application/json') throw new HttpError(415, `content-type ${type} not accepted`);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'body is not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'body is not a JSON object');
  }

  const demoDir = path.join(root, 'demo') + path.sep;

  /** A demo page, with its shared head, header, sidebar and footer put in (see {@link expandIncludes}). */
  function servePage(req: IncomingMessage, res: ServerResponse, pathname: string, file: string): void {
    const body = Buffer.from(expandIncludes(readFileSync(file, 'utf8'), demoDir));
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    const headers: Record<string, string> = { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', etag };
    if (STRICT_PAGES.has(pathname)) headers['content-security-policy'] = STRICT_CSP;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string): void {
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
      if (!pathname.endsWith('/')) return void res.writeHead(301, { location: `${pathname}/` }).end();
      file = path.join(file, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
    }
    if (!stat?.isFile()) throw new HttpError(404, 'not found');
    if (file.endsWith('.html') && file.startsWith(demoDir)) return void servePage(req, res, pathname, file);
    const etag = `W/"${stat.size.toString(36)}-${stat.mtimeMs.toString(36)}"`;
    const headers: Record<string, string> = {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      etag,
    };
    if (STRICT_PAGES.has(pathname)) headers['content-security-policy'] = STRICT_CSP;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, 'content-length': String(stat.size) });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'bad request target');
    }
    const p = url.pathname;
    if (p === '/api/visits') return visits(req, res);
    if (p.startsWith('/api/')) throw new HttpError(404, 'no such endpoint');
    if (p === '/' || p === '/demo') return void res.writeHead(302, { location: '/demo/' }).end();
    serveFile(req, res, p);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
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
    socket.end(`HTTP/1.1 ${status} Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return server;
}

function json(res: ServerResponse, status: number, body: unknown, headOnly = false, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(headOnly ? undefined : text);
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

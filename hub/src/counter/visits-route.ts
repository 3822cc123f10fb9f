/**
 * The province counter's HTTP side, every site on one hub:
 *
 *   POST /api/visits/{site}        records a visit (only from the site's origins)
 *   GET  /api/visits/{site}        {total, online, today, updated}, readable by any origin
 *   GET  /api/visits/{site}.svg    the same figures as a small accessible image (?lang=en;
 *                                  ?hit=1 also records the visit: an <img> in <noscript>)
 *   GET  /api/visits/province      the sum over the province's sites, and the list per site
 *   GET  /api/visits?sites=all     the same over every site (or ?sites=a,b)
 *   /api/visits                    the first site, as before
 *
 * A visit counts when it comes from the site's own page: a browser's POST
 * carries `Origin`, which must be one of the site's origins (or the hub's own
 * pages); without `Origin`, a `Referer` must not name another origin. So a
 * simple cross-site `text/plain` POST, which needs no preflight, is refused
 * server-side too, not only hidden from its page by CORS. Known bots and
 * requests without a user agent are answered and not counted.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { isbot } from 'isbot';
import type { HubConfig, SiteConfig } from '../config.js';
import { HttpError, json } from '../http-answer.js';
import type { Counts, HubStorage } from '../storage.js';
import { StorageUnavailable } from '../storage/visit-store.js';
import { counterSvg } from './counter-svg.js';

export interface VisitsRouteOptions {
  config: HubConfig;
  storage: HubStorage;
  clock?: () => number;
}

const RATE_WINDOW = 60_000;
/** The window of the cap on distinct visitors per address: the 30-minute rule's. */
const ADDRESS_VISITORS_WINDOW = 30 * 60_000;
const PROVINCE = 'province';

const isLoopback = (ip: string) => /^(127\.|::1$|::ffff:127\.)/.test(ip);

/**
 * The network a visit comes from: an IPv4 address, or the /64 of an IPv6 one
 * (one household or office gets a whole /64), keyed with a random key of this
 * process: the limits below never hold an address, even in memory.
 */
const ADDRESS_KEY = randomBytes(32);
export function addressBucket(ip: string): string {
  let net = ip.replace(/^::ffff:(?=\d+\.)/, '');
  if (isIP(net) === 6) {
    const [head, tail = ''] = net.split('::');
    const a = head ? head.split(':') : [];
    const b = tail ? tail.split(':') : [];
    const groups = net.includes('::') ? [...a, ...Array(8 - a.length - b.length).fill('0'), ...b] : a;
    net = groups.slice(0, 4).map((g) => g.padStart(4, '0').toLowerCase()).join(':') + '::/64';
  }
  return createHash('sha256').update(ADDRESS_KEY).update(net).digest('base64url').slice(0, 16);
}

/** The province answer: the counter shape (so `<portal-visit-counter>` reads it as is) plus each site's figures. */
export interface ProvinceCounts extends Counts {
  updated: string;
  name?: string;
  sites: ({ id: string; name: string } & Counts)[];
}

export function createVisitsRoute({ config, storage, clock = Date.now }: VisitsRouteOptions) {
  const sites = new Map(config.sites.map((s) => [s.id, s]));
  const provinceSites = (config.province?.sites ?? config.sites.map((s) => s.id)).map((id) => sites.get(id)!);
  /** POSTs per visitor hash and per address in the current minute; bounded, emptied each window. */
  let rate = { start: 0, counts: new Map<string, number>() };
  /** Distinct visitors seen per address in the current 30 minutes. */
  let addresses = { start: 0, visitors: new Map<string, Set<string>>() };

  /**
   * The visitor's address. X-Forwarded-For is taken only with trustProxy and
   * only from a proxy on this machine (a loopback peer): set from anywhere
   * else, it could make one client look like thousands.
   */
  function clientIp(req: IncomingMessage): string {
    const peer = req.socket.remoteAddress ?? '';
    if (config.trustProxy && isLoopback(peer)) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .pop()
        ?.trim();
      if (forwarded && isIP(forwarded)) return forwarded;
    }
    return peer;
  }

  function ownOrigin(req: IncomingMessage): string {
    const proto = config.trustProxy && req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
    return `${proto}://${req.headers.host ?? ''}`;
  }

  function allowed(site: SiteConfig, origin: string, req: IncomingMessage): boolean {
    return origin === ownOrigin(req) || site.origins.includes('*') || site.origins.includes(origin);
  }

  /**
   * Where the visit comes from, checked server-side: `Origin` when the browser
   * sent it, else the `Referer`'s origin; neither (a server, a privacy
   * setting) is taken as first-party. Answers the origin to allow in CORS.
   */
  function checkSource(req: IncomingMessage, site: SiteConfig): string | undefined {
    const origin = req.headers.origin;
    if (origin) {
      if (!allowed(site, origin, req)) throw new HttpError(403, `origin ${origin} may not record visits to site "${site.id}"`);
      return origin;
    }
    const referer = req.headers.referer;
    if (referer) {
      let from: string;
      try {
        from = new URL(referer).origin;
      } catch {
        throw new HttpError(403, 'unreadable Referer');
      }
      if (!allowed(site, from, req)) throw new HttpError(403, `a page on ${from} may not record visits to site "${site.id}"`);
    }
    return undefined;
  }

  /**
   * The limits on one sender: `rateLimit` POSTs a minute per visitor, and per
   * address (whatever user agents it rotates) `addressRateLimit` POSTs a minute
   * and `visitorsPerAddress` distinct visitors per 30 minutes — a household or
   * an office behind one address is tens of people, not hundreds.
   */
  function limit(hash: string, address: string): void {
    const now = clock();
    if (now - rate.start >= RATE_WINDOW || now < rate.start) rate = { start: now, counts: new Map() };
    const retryIn = (start: number, window: number) => ({ 'retry-after': String(Math.max(1, Math.ceil((start + window - now) / 1000))) });
    const bump = (key: string) => {
      const n = (rate.counts.get(key) ?? 0) + 1;
      rate.counts.set(key, n);
      return n;
    };
    if (bump(`v ${hash}`) > config.rateLimit) throw new HttpError(429, 'too many visits from this visitor', retryIn(rate.start, RATE_WINDOW));
    if (bump(`a ${address}`) > config.addressRateLimit) throw new HttpError(429, 'too many visits from this address', retryIn(rate.start, RATE_WINDOW));
    if (now - addresses.start >= ADDRESS_VISITORS_WINDOW || now < addresses.start) addresses = { start: now, visitors: new Map() };
    const seen = addresses.visitors.get(address) ?? new Set<string>();
    addresses.visitors.set(address, seen);
    if (!seen.has(hash) && seen.size >= config.visitorsPerAddress)
      throw new HttpError(429, 'too many different visitors from this address', retryIn(addresses.start, ADDRESS_VISITORS_WINDOW));
    seen.add(hash);
  }

  /** Records one visit unless it is a bot's; answers the site's counts and whether the visit was counted. */
  async function record(req: IncomingMessage, site: SiteConfig): Promise<Counts & { counted: boolean }> {
    const ua = String(req.headers['user-agent'] ?? '').trim();
    if (!ua || isbot(ua)) return { ...(await storage.counts(site.id)), counted: false };
    const ip = clientIp(req);
    const hash = await storage.visitorHash(site.id, ip, ua);
    limit(hash, addressBucket(ip));
    return storage.visit(site.id, hash);
  }

  async function siteCounts(req: IncomingMessage, res: ServerResponse, site: SiteConfig): Promise<void> {
    const method = req.method ?? '';
    res.setHeader('vary', 'Origin');
    if (method === 'OPTIONS') {
      const post = String(req.headers['access-control-request-method'] ?? '').toUpperCase() === 'POST';
      const origin = post ? checkSource(req, site) : undefined;
      return preflight(res, origin ?? '*');
    }
    const updated = new Date(clock()).toISOString();
    if (method === 'GET' || method === 'HEAD') {
      res.setHeader('access-control-allow-origin', '*');
      return json(res, 200, { ...(await storage.counts(site.id)), updated }, method === 'HEAD');
    }
    if (method !== 'POST') throw new HttpError(405, `method ${method} not allowed`, { allow: 'GET, POST, OPTIONS' });
    const origin = checkSource(req, site);
    if (origin) res.setHeader('access-control-allow-origin', origin);
    await readVisitBody(req);
    json(res, 200, { ...(await record(req, site)), updated });
  }

  async function svg(req: IncomingMessage, res: ServerResponse, site: SiteConfig, query: URLSearchParams): Promise<void> {
    const method = req.method ?? '';
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, `method ${method} not allowed`, { allow: 'GET' });
    // An <img> sends no Origin: its Referer says which page shows it.
    const hit = query.get('hit') === '1' && !req.headers.origin && req.headers.referer !== undefined && (checkSource(req, site), true);
    const { total, online, today } = hit ? await record(req, site) : await storage.counts(site.id);
    const body = counterSvg(site.name, { total, online, today }, query.get('lang') === 'en' ? 'en' : 'vi');
    res.writeHead(200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      // An SVG opened on its own runs nothing.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'content-length': String(Buffer.byteLength(body)),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  async function province(req: IncomingMessage, res: ServerResponse, list: SiteConfig[], name?: string): Promise<void> {
    const method = req.method ?? '';
    if (method === 'OPTIONS') return preflight(res, '*');
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'the province counter is read-only: POST to a site', { allow: 'GET, OPTIONS' });
    const all = await storage.countsOf(list.map((s) => s.id));
    const perSite = list.map((s) => ({ id: s.id, name: s.name, ...all.get(s.id)! }));
    const sum = (k: keyof Counts) => perSite.reduce((n, s) => n + s[k], 0);
    const body: ProvinceCounts = { total: sum('total'), online: sum('online'), today: sum('today'), updated: new Date(clock()).toISOString(), name, sites: perSite };
    res.setHeader('access-control-allow-origin', '*');
    json(res, 200, body, method === 'HEAD');
  }

  function preflight(res: ServerResponse, origin: string): void {
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': origin === '*' ? 'GET, OPTIONS' : 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
    res.end();
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

  function siteOf(id: string): SiteConfig {
    const site = sites.get(id);
    if (!site) throw new HttpError(404, `no site "${id}"`);
    return site;
  }

  /** Answers /api/visits and /api/visits/…; `url` is the request's parsed target. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    try {
      if (p === '/api/visits') {
        const asked = url.searchParams.get('sites');
        if (asked === null) return await siteCounts(req, res, config.sites[0]);
        // A site listed twice (?sites=a,a) is counted once: the sum is of sites, not of the list's entries.
        const listed = asked === 'all' ? config.sites : [...new Set(asked.split(',').map((id) => id.trim()))].map(siteOf);
        return await province(req, res, listed, asked === 'all' ? config.province?.name : undefined);
      }
      const m = /^\/api\/visits\/([a-z0-9][a-z0-9-]*)(\.svg)?$/.exec(p);
      if (!m) throw new HttpError(404, 'no such endpoint');
      if (m[1] === PROVINCE && !m[2]) return await province(req, res, provinceSites, config.province?.name);
      if (m[2]) return await svg(req, res, siteOf(m[1]), url.searchParams);
      return await siteCounts(req, res, siteOf(m[1]));
    } catch (e) {
      if (e instanceof StorageUnavailable)
        throw new HttpError(503, `the counter's ${e.message}: nothing was recorded, try again shortly`, { 'retry-after': '5' });
      throw e;
    }
  }

  return { handle };
}

/**
 * Fetching one configured upstream, never anything else (the hub is not an
 * open proxy): a conditional GET with a time-out for the whole exchange, a cap
 * on the (decompressed) body, at most 5 redirects, and no connection into a
 * loopback, link-local or private network unless the upstream is `internal`.
 * An upstream configured by IP address is reached at that address (the
 * operator wrote it); a host name that resolves to a private address, and any
 * redirect to one, are refused. The check runs on the address actually
 * connected to (a custom `lookup`), so DNS rebinding cannot slip past it.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export const MAX_REDIRECTS = 5;

export type FetchOutcome = 'ok' | 'not-modified' | 'http' | 'timeout' | 'too-large' | 'refused' | 'redirects' | 'network';

export class UpstreamError extends Error {
  constructor(
    readonly outcome: Exclude<FetchOutcome, 'ok' | 'not-modified'>,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  internal: boolean;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  authorization?: string;
  /** Aborts the fetch (the hub stopping). */
  signal?: AbortSignal;
}

export interface Fetched {
  status: 200 | 304;
  body?: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** The URL after redirects: relative links resolve against it. */
  url: string;
}

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

/** Loopback, link-local, private, carrier-grade NAT, multicast or reserved (IPv4-mapped IPv6 read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** dns.lookup that refuses private addresses (all of a name's addresses are checked). */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, a private address`), { code: 'EPRIVATE' }), '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Fetches `url` following at most {@link MAX_REDIRECTS} redirects, each hop checked. */
export async function fetchUpstream(url: string, options: FetchOptions): Promise<Fetched> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let current = parseUrl(url, 'http', 'not a URL');
  // Credentials go to the configured origin only, as fetch does: a redirect elsewhere (or https: → http:)
  // drops them for the rest of the chain, even one that comes back.
  const origin = current.origin;
  let authorization = options.authorization;
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new UpstreamError('refused', `${current.protocol} is not http(s)`);
    const host = current.hostname.replace(/^\[|\]$/g, '');
    if (!options.internal && hop > 0 && isIP(host) && isPrivateAddress(host)) throw new UpstreamError('refused', `redirect to ${host}, a private address`);
    if (current.origin !== origin) authorization = undefined;
    const res = await get(current, { ...options, authorization }, signal, !options.internal && !isIP(host));
    const location = res.headers.location;
    if ([301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw new UpstreamError('redirects', `more than ${MAX_REDIRECTS} redirects`);
      current = parseUrl(location, 'redirects', 'redirect to an invalid URL', current);
      continue;
    }
    const common = { etag: header(res, 'etag'), lastModified: header(res, 'last-modified'), url: current.href };
    if (res.statusCode === 304) {
      res.resume();
      return { status: 304, ...common };
    }
    if (res.statusCode !== 200) {
      res.resume();
      throw new UpstreamError('http', `HTTP ${res.statusCode}`);
    }
    return { status: 200, body: await readBody(res, options.maxBytes, signal), contentType: header(res, 'content-type'), ...common };
  }
}

/** `new URL`, its TypeError named as the upstream's fault (never an internal error with a stack). */
function parseUrl(text: string, outcome: 'http' | 'redirects', what: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new UpstreamError(outcome, `${what}: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

const header = (res: IncomingMessage, name: string) => {
  const v = res.headers[name];
  return typeof v === 'string' ? v : undefined;
};

function get(url: URL, options: FetchOptions, signal: AbortSignal, guardDns: boolean): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/feed+json, application/json;q=0.9, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  if (options.authorization) headers.authorization = options.authorization;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const opts: RequestOptions = { method: 'GET', headers, signal, ...(guardDns ? { lookup: publicLookup } : {}) };
  return new Promise((resolve, reject) => {
    const req = request(url, opts, resolve);
    req.on('error', (e: NodeJS.ErrnoException) => reject(toUpstreamError(e, signal)));
    req.end();
  });
}

function toUpstreamError(e: NodeJS.ErrnoException, signal: AbortSignal): UpstreamError {
  if (e instanceof UpstreamError) return e;
  if (signal.aborted) return new UpstreamError('timeout', 'no complete answer within the time-out');
  if (e.code === 'EPRIVATE') return new UpstreamError('refused', e.message);
  return new UpstreamError('network', e.code ? `${e.code} ${e.message}` : e.message);
}

/** The body, decompressed, refused past `maxBytes` (checked as it streams: a zip bomb stops early). */
async function readBody(res: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (declared > maxBytes && !res.headers['content-encoding']) {
    res.destroy();
    throw new UpstreamError('too-large', `body of ${declared} bytes is larger than ${maxBytes}`);
  }
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw new UpstreamError('too-large', `body larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  };
  // pipeline, not pipe: a body cut off or stalled past the deadline destroys the decoder too, so the read
  // always ends (res.pipe left the decoder waiting for ever, and the upstream was never fetched again).
  try {
    await (decoder ? pipeline(res, decoder, collect, { signal }) : pipeline(res, collect, { signal }));
  } catch (e) {
    res.destroy();
    throw e instanceof UpstreamError ? e : toUpstreamError(e as NodeJS.ErrnoException, signal);
  }
  return Buffer.concat(chunks);
}

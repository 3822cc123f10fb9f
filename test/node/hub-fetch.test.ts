/**
 * fetchUpstream (hub/src/upstream-fetch.ts) against real HTTP servers on free
 * ports: where credentials go on a redirect, and a Location that is not a URL.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { fetchUpstream, UpstreamError } from '../../hub/src/upstream-fetch.js';

const servers: ReturnType<typeof createServer>[] = [];
after(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

/** A server on 127.0.0.1:0; the requests it saw. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: { path: string; authorization?: string }[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    answer(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, seen };
}

const options = { timeoutMs: 5000, maxBytes: 1e6, internal: true, userAgent: 'hub test', authorization: 'Bearer SECRET-TOKEN' };
const feed = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}');

describe('credentials on redirects', () => {
  it('keeps Authorization on a redirect within the configured origin', async () => {
    const a = await serve((req, res) => (req.url === '/feed' ? res.writeHead(302, { location: '/moved' }).end() : feed(res)));
    const got = await fetchUpstream(`http://127.0.0.1:${a.port}/feed`, options);
    assert.equal(got.status, 200);
    assert.deepEqual(a.seen.map((s) => s.authorization), ['Bearer SECRET-TOKEN', 'Bearer SECRET-TOKEN']);
  });

  it('drops Authorization once a redirect leaves the origin (another host, another port), and after it', async () => {
    const other = await serve((req, res) => (req.url === '/bounce' ? res.writeHead(302, { location: `http://127.0.0.1:${a.port}/back` }).end() : feed(res)));
    const a = await serve((req, res) => (req.url === '/feed' ? res.writeHead(302, { location: `http://localhost:${other.port}/bounce` }).end() : feed(res)));
    const got = await fetchUpstream(`http://127.0.0.1:${a.port}/feed`, options);
    assert.equal(got.status, 200);
    assert.deepEqual(other.seen, [{ path: '/bounce', authorization: undefined }], 'the other origin never sees the secret');
    // Once dropped it stays dropped, as fetch does: the chain came back through a host that may have chosen where.
    assert.deepEqual(a.seen.map((s) => s.authorization), ['Bearer SECRET-TOKEN', undefined]);
  });
});

describe('URLs that cannot be parsed', () => {
  it('a Location that is not a URL is a redirects error naming it, not an internal TypeError', async () => {
    const a = await serve((_req, res) => res.writeHead(302, { location: 'http://[bad/' }).end());
    const err = await fetchUpstream(`http://127.0.0.1:${a.port}/feed`, options).then(
      () => assert.fail('fetched'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UpstreamError, String(err));
    assert.equal(err.outcome, 'redirects');
    assert.match(err.message, /redirect to an invalid URL: "http:\/\/\[bad\/"/);
  });

  it('a configured URL that is not a URL is an http error, not a TypeError', async () => {
    const err = await fetchUpstream('http://[oops/feed', options).catch((e: unknown) => e);
    assert.ok(err instanceof UpstreamError, String(err));
    assert.match(err.message, /not a URL/);
  });
});

/**
 * The demo's second agency: another local port serving an RSS 2.0 feed in
 * ISO-8859-1 (hub/demo-agency/so-gddt.rss, the charset only in the XML
 * declaration) with no CORS headers, as many government portals do. A browser
 * cannot read it from the demo page; the hub can, and merges it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const FEED = new URL('../demo-agency/so-gddt.rss', import.meta.url);

export async function startDemoAgency(host = '127.0.0.1'): Promise<{ url: string; server: Server }> {
  const body = readFileSync(FEED);
  const server = createServer((req, res) => {
    if (req.url !== '/rss.xml') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}/rss.xml`, server };
}

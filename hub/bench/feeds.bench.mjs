/**
 * `npm run bench:hub`: requests/s and latency of GET /feeds/{id}.json, with and
 * without If-None-Match, beside Node's bare `http` serving the same bytes from
 * memory (the floor) in the same run on this machine. Each server runs in its
 * own process; autocannon drives them from this one. Prints figures; passes or
 * fails nothing (goal: the hub ≥ 0.5× the floor).
 *
 * Env: DURATION (s per measure, default 8), CONNECTIONS (default 32), ITEMS (default 30).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

const DURATION = Number(process.env.DURATION ?? 8);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const ITEMS = Number(process.env.ITEMS ?? 30);
const dir = mkdtempSync(path.join(tmpdir(), 'portal-hub-bench-'));
const children = [];

/** A feed like a portal's: ITEMS items with a summary and some HTML. */
const upstreamBody = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Bench',
  items: Array.from({ length: ITEMS }, (_, i) => ({
    id: `tin-${i}`,
    url: `https://province.example/tin/${i}`,
    title: `Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội số ${i}`,
    summary: 'Chiều 15/4, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp tỉnh.',
    content_html: '<p>Chiều 15/4, Thường trực Tỉnh ủy tổ chức Hội nghị giao ban…</p>'.repeat(4),
    date_published: new Date(Date.UTC(2024, 3, 19) - i * 3600_000).toISOString(),
  })),
});
const upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/feed+json' }).end(upstreamBody));
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));

function startProcess(args, env, ready) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const config = path.join(dir, 'hub.json');
writeFileSync(
  config,
  JSON.stringify({
    storage: { dataDir: path.join(dir, 'data') },
    sites: [{ id: 'bench', name: 'Bench', origins: [] }],
    feeds: [{ id: 'tin', title: 'Tin', public: true, upstreams: [{ name: 'Tỉnh', url: `http://127.0.0.1:${upstream.address().port}/feed.json`, internal: true }] }],
  }),
);
const hub = await startProcess(['--import', 'tsx', 'hub/src/main.ts', '--config', config], { PORT: '0' }, /Visit counter: (http:\/\/[^/\s]+)/);
let served;
for (let i = 0; i < 100; i++) {
  // Uncompressed, as autocannon asks for it.
  served = await fetch(`${hub.url}/feeds/tin.json`, { headers: { 'accept-encoding': 'identity' } });
  if ((await served.clone().json()).items.length) break;
  await new Promise((r) => setTimeout(r, 100));
}
const bytes = Buffer.from(await served.arrayBuffer());
const etag = served.headers.get('etag');
const headers = Object.fromEntries([...served.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding'].includes(k)));
headers['content-length'] = String(bytes.length);

// The floor: bare http, the same bytes and headers from memory, a 304 on the same ETag.
writeFileSync(path.join(dir, 'body.json'), bytes);
writeFileSync(path.join(dir, 'headers.json'), JSON.stringify(headers));
const bareScript = `
  const { createServer } = require('node:http');
  const { readFileSync } = require('node:fs');
  const body = readFileSync(${JSON.stringify(path.join(dir, 'body.json'))});
  const headers = JSON.parse(readFileSync(${JSON.stringify(path.join(dir, 'headers.json'))}, 'utf8'));
  const etag = headers.etag;
  const { 'content-length': _, 'content-type': __, ...notModified } = headers;
  const s = createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, notModified); return res.end(); }
    res.writeHead(200, headers); res.end(body);
  });
  s.listen(0, '127.0.0.1', () => console.log('bare http://127.0.0.1:' + s.address().port));`;
const bare = await startProcess(['-e', bareScript], {}, /bare (http:\/\/[^/\s]+)/);

async function measure(name, url, conditional) {
  const r = await autocannon({ url: `${url}/feeds/tin.json`, connections: CONNECTIONS, duration: DURATION, headers: conditional ? { 'if-none-match': etag } : {} });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: conditional ? 0 : r.non2xx };
}

try {
  // Warm both (JIT, connections), then measure alternately.
  await measure('warm', bare.url, false);
  await measure('warm', hub.url, false);
  const figures = [
    await measure('bare http, 200', bare.url, false),
    await measure('hub, 200', hub.url, false),
    await measure('bare http, 304 (If-None-Match)', bare.url, true),
    await measure('hub, 304 (If-None-Match)', hub.url, true),
  ];
  console.log(`\nGET /feeds/tin.json: ${bytes.length} bytes (${ITEMS} items), ${CONNECTIONS} connections, ${DURATION} s each, ${cpus().length} cores; autocannon in this process, each server in its own`);
  const w = Math.max(...figures.map((f) => f.name.length));
  console.log(`  ${'measure'.padEnd(w)}   req/s   p50 ms  p99 ms  ratio to bare  errors`);
  for (const [i, f] of figures.entries()) {
    const floor = figures[i - (i % 2)];
    const ratio = i % 2 ? `${(f.rps / floor.rps).toFixed(2)}×` : '';
    console.log(`  ${f.name.padEnd(w)}  ${f.rps.toFixed(0).padStart(6)}  ${String(f.p50).padStart(7)}  ${String(f.p99).padStart(6)}  ${ratio.padStart(13)}  ${f.errors + f.non2xx}`);
  }
  console.log('  goal: the hub ≥ 0.5× bare http');
} finally {
  for (const c of children) c.kill('SIGKILL');
  upstream.close();
  rmSync(dir, { recursive: true, force: true });
}

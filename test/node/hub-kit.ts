/**
 * What the hub's tests share: an upstream test server whose answers the test
 * scripts per path (no CORS headers, ever; faults injected here), and the hub
 * started as a real process from hub/src/main.ts with a config file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

export type Answer = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Upstream {
  url: string;
  /** Requests per path, and their If-None-Match headers. */
  hits: Map<string, { count: number; conditional: number; notModified: number }>;
  route(path: string, answer: Answer): void;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startUpstream(): Promise<Upstream> {
  const routes = new Map<string, Answer>();
  const hits: Upstream['hits'] = new Map();
  const server = createServer(async (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const h = hits.get(p) ?? { count: 0, conditional: 0, notModified: 0 };
    hits.set(p, h);
    h.count++;
    if (req.headers['if-none-match']) h.conditional++;
    res.on('finish', () => res.statusCode === 304 && h.notModified++);
    const answer = routes.get(p);
    if (!answer) return void res.writeHead(404).end();
    try {
      await answer(req, res);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    route: (p, a) => void routes.set(p, a),
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** This test file's upstream: started before its tests (`url` is set then), closed after them. */
export function fileUpstream(): Upstream {
  const upstream = {} as Upstream;
  before(async () => void Object.assign(upstream, await startUpstream()));
  after(() => upstream.close?.());
  return upstream;
}

/** Starts hubs as spawnHub does, each killed after this test file. */
export function fileHubs(): (configFile: string, env?: Record<string, string>) => Promise<HubProcess> {
  const hubs: HubProcess[] = [];
  after(() => Promise.all(hubs.map((h) => h.stop('SIGKILL'))));
  return async (configFile, env) => {
    const hub = await spawnHub(configFile, env);
    hubs.push(hub);
    return hub;
  };
}

/** An answer with a body and an ETag, 304 when the reader has it. */
export function withEtag(type: string, body: () => Buffer | string): Answer {
  return (req, res) => {
    const bytes = Buffer.from(body());
    const etag = `"${createHash('sha1').update(bytes).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': type, etag, 'content-length': bytes.length });
    res.end(bytes);
  };
}

/** An RSS 2.0 document in ISO-8859-1, letters beyond Latin-1 as character references (as old portals write them). */
export function latin1Rss(title: string, items: { title: string; link: string; date: string }[]): Buffer {
  const enc = (s: string) => [...s].map((c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c.charCodeAt(0) < 256 ? c : `&#${c.codePointAt(0)};`)).join('');
  const xml =
    `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>${enc(title)}</title><link>http://agency.example/</link>` +
    items.map((i) => `<item><title>${enc(i.title)}</title><link>${i.link}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`).join('') +
    '</channel></rss>';
  return Buffer.from(xml, 'latin1');
}

export function jsonFeed(items: { id: string; title: string; url?: string; date: string }[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Upstream',
    items: items.map((i) => ({ id: i.id, title: i.title, url: i.url, date_published: i.date })),
  });
}

export interface HubProcess {
  url: string;
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export const tempDir = (prefix = 'portal-hub-') => mkdtempSync(path.join(tmpdir(), prefix));

/** Writes `config` to a temporary file (its dataDir there unless given). */
export function writeConfig(config: Record<string, unknown>, dir = tempDir()): string {
  const file = path.join(dir, 'hub.json');
  writeFileSync(file, JSON.stringify({ storage: { dataDir: path.join(dir, 'data') }, ...config }, null, 2));
  return file;
}

/** Starts `node hub/src/main.ts --config file` (no file: the demo) on a free port; resolves once it listens (or rejects with its stderr). */
export function spawnHub(configFile: string | undefined, env: Record<string, string> = {}, command: string[] = ['--import', 'tsx', 'hub/src/main.ts']): Promise<HubProcess> {
  const child = spawn(process.execPath, [...command, ...(configFile ? ['--config', configFile] : [])], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: HubProcess = {
    url: '',
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((r) => child.once('exit', (code) => r(code))),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return proc.exited;
    },
  };
  child.stdout!.on('data', (d) => (proc.stdout += d));
  child.stderr!.on('data', (d) => (proc.stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start in 20 s:\n${proc.stderr}`)), 20_000);
    child.stdout!.on('data', () => {
      const m = /Visit counter: (http:\/\/[^/\s]+)/.exec(proc.stdout);
      if (m && !proc.url) {
        clearTimeout(timer);
        proc.url = m[1];
        resolve(proc);
      }
    });
    void proc.exited.then((code) => {
      clearTimeout(timer);
      if (!proc.url) reject(Object.assign(new Error(`hub exited with ${code}:\n${proc.stderr}`), { code, stderr: proc.stderr }));
    });
  });
}

/** Polls `check` until it is true (every 50 ms, at most `ms`). */
export async function until(check: () => Promise<boolean> | boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

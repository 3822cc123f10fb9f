/** Starts the hub as the demo (no config file) on a free port with a clock the test moves. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoConfig } from '../../hub/src/config.js';
import { startHub } from '../../hub/src/hub.js';
import type { SqliteStorage } from '../../hub/src/sqlite-storage.js';

export const T0 = Date.parse('2024-04-19T08:00:00+07:00');

export class FakeClock {
  constructor(public now = T0) {}
  read = () => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

export const minutes = (n: number) => n * 60_000;

export interface Running {
  url: string;
  store: SqliteStorage;
  dataDir: string;
  close(): Promise<void>;
}

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'portal-visits-'));

export async function start(clock: FakeClock, env: Record<string, string> = {}, dataDir = tempDir()): Promise<Running> {
  const config = demoConfig({ PORT: '0', DATA_DIR: dataDir, ...env });
  const hub = await startHub(config, { clock: clock.read, onlineCacheMs: 0 });
  return { url: hub.url, store: hub.storage as SqliteStorage, dataDir, close: () => hub.stop(0) };
}

/** A browser's user agent, one per `name` (a bare name would be taken for a bot). */
export const browserUa = (name: string) => `Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 visitor/${encodeURIComponent(name)}`;

/** A visit from a browser: user agent `ua` (the IP is the loopback address unless X-Forwarded-For is trusted). */
export async function visit(url: string, ua = 'A', headers: Record<string, string> = {}, path = '/api/visits') {
  const res = await fetch(`${url}${path}`, { method: 'POST', body: '{}', headers: { 'user-agent': browserUa(ua), ...headers } });
  return { status: res.status, body: (await res.json()) as { total: number; online: number; today: number; counted: boolean; error?: string } };
}

export async function counts(url: string) {
  return (await fetch(`${url}/api/visits`)).json() as Promise<{ total: number; online: number; today: number; updated: string }>;
}

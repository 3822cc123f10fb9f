/** Starts the reference server on a free port with a clock the test moves. */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { VisitStore } from '../../server/store.js';

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
  store: VisitStore;
  dataDir: string;
  close(): Promise<void>;
}

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'portal-visits-'));

export async function start(clock: FakeClock, env: Record<string, string> = {}, dataDir = tempDir()): Promise<Running> {
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir, ...env });
  const store = new VisitStore({ dataDir, timeZone: config.timeZone, counterStart: config.counterStart, clock: clock.read, onlineCacheMs: 0 });
  const server = createApp({ config, store, clock: clock.read });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    dataDir,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      store.close();
    },
  };
}

/** A visit from a browser: user agent `ua` (the IP is the loopback address unless X-Forwarded-For is trusted). */
export async function visit(url: string, ua = 'Mozilla/5.0 A', headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/visits`, { method: 'POST', body: '{}', headers: { 'user-agent': ua, ...headers } });
  return { status: res.status, body: (await res.json()) as { total: number; online: number; today: number; counted: boolean; error?: string } };
}

export async function counts(url: string) {
  return (await fetch(`${url}/api/visits`)).json() as Promise<{ total: number; online: number; today: number; updated: string }>;
}

/**
 * A running hub: storage opened, stored feed copies loaded, the HTTP server
 * listening, the upstream schedules started; and its orderly stop (SIGTERM):
 * stop accepting, finish the requests in flight, stop fetching, close the
 * database.
 */
import net, { type AddressInfo } from 'node:net';
import { createApp, type HubServer } from './app.js';
import { ConfigError, type HubConfig } from './config.js';
import { Feeds } from './feeds.js';
import { HubMetrics } from './metrics.js';
import { SqliteStorage } from './sqlite-storage.js';
import type { HubStorage } from './storage.js';
import { PostgresStorage } from './storage/postgres-storage.js';
import { visitSecret } from './storage/visit-secret.js';
import { StorageUnavailable } from './storage/visit-store.js';

export interface HubOptions {
  /** Milliseconds since the epoch for the counter; tests move it. */
  clock?: () => number;
  /** Reuse of one count of the online visitors (ms; tests use 0). */
  onlineCacheMs?: number;
  env?: Record<string, string | undefined>;
  /** First backoff after a failed upstream fetch (ms). */
  backoffBaseMs?: number;
}

export interface RunningHub {
  url: string;
  port: number;
  server: HubServer;
  storage: HubStorage;
  feeds: Feeds;
  /** Stops as on SIGTERM; waits up to `graceMs` for requests in flight, then closes what is left. */
  stop(graceMs?: number): Promise<void>;
}

/** The configured engine, its schema migrated to the newest version; `secret` keys the visitor hashes (none: counts only, for export/import). */
export async function openStorage(config: HubConfig, options: HubOptions = {}, secret?: Buffer): Promise<HubStorage> {
  const visits = {
    secret,
    timeZone: config.timeZone,
    starts: Object.fromEntries(config.sites.map((s) => [s.id, s.start])),
    clock: options.clock,
    onlineCacheMs: options.onlineCacheMs,
  };
  const { storage } = config;
  try {
    if (storage.engine === 'postgres') return await PostgresStorage.open({ ...visits, url: (options.env ?? process.env)[storage.urlEnv]! });
    return new SqliteStorage({ ...visits, dataDir: storage.dataDir });
  } catch (e) {
    // A folder that cannot be made or written, a database that refuses the connection: the operator's to fix,
    // named by its key as the config's other errors. Any other error (a bug) keeps its stack.
    const code = (e as { code?: unknown }).code;
    if (!(e instanceof StorageUnavailable) && typeof code !== 'string') throw e;
    const { message } = e as Error;
    const cause = typeof code !== 'string' || message.startsWith(code) ? message : message ? `${code}: ${message}` : code;
    throw new ConfigError([
      storage.engine === 'postgres'
        ? `storage.urlEnv: the PostgreSQL database in ${storage.urlEnv} cannot be opened (${cause})`
        : `storage.dataDir: the database in ${storage.dataDir} cannot be opened (${cause}); check DATA_DIR and the folder's permissions`,
    ]);
  }
}

export async function startHub(config: HubConfig, options: HubOptions = {}): Promise<RunningHub> {
  const storage = await openStorage(config, options, visitSecret(config, options.env ?? process.env));
  const metrics = new HubMetrics();
  let url = '';
  const feeds = new Feeds({ feeds: config.feeds, storage, metrics, timeZone: config.timeZone, self: () => url, env: options.env ?? process.env, backoffBaseMs: options.backoffBaseMs });
  let server: HubServer;
  try {
    await feeds.load();
    server = createApp({ config, storage, feeds, metrics, clock: options.clock }) as HubServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.listen.port, config.listen.host, () => (server.off('error', reject), resolve()));
    });
  } catch (e) {
    await storage.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host === '0.0.0.0' ? '127.0.0.1' : config.listen.host;
  url = `http://${host}:${port}`;
  feeds.run();

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) =>
    (stopping ??= (async () => {
      server.drain();
      // Stop listening, but not http's close(), which also drops idle connections at once: a
      // client that connected just before the signal may not have sent its request yet.
      const closed = new Promise((resolve) => net.Server.prototype.close.call(server, resolve));
      const idle = setInterval(() => server.closeIdleConnections(), 1000);
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(idle);
      clearTimeout(timer);
      await feeds.stop();
      await storage.close();
    })());
  return { url, port, server, storage, feeds, stop };
}

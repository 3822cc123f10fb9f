/**
 * The counter's tests run the same cases on both engines: `ENGINES` lists
 * SQLite (always) and PostgreSQL (a throw-away cluster started once per test
 * file; each store gets a database of its own). Outside CI, PostgreSQL cases
 * skip with the reason when no PostgreSQL is installed; in CI they never skip.
 */
import { after } from 'node:test';
import pg from 'pg';
import { checkConfig, type HubConfig } from '../../hub/src/config.js';
import { openStorage, startHub, type RunningHub } from '../../hub/src/hub.js';
import type { HubStorage } from '../../hub/src/storage.js';
import { postgresMissing, startPostgres } from '../server/postgres-cluster.mjs';
import { T0, tempDir, type FakeClock } from './server-helpers.js';

export type EngineName = 'sqlite' | 'postgres';

export interface Cluster {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

let cluster: Promise<Cluster | undefined> | undefined;
// Registered at the file's top level: the cluster outlives every test of the file, then goes.
after(async () => (await cluster)?.destroy());

/** One cluster for the whole test file (started on first use), removed after it. */
export function postgresCluster(): Promise<Cluster | undefined> {
  return (cluster ??= startPostgres() as Promise<Cluster | undefined>);
}

let databases = 0;
/** A new empty database on the file's cluster: its URL. */
export async function freshDatabase(): Promise<string> {
  const c = (await postgresCluster())!;
  const name = `counter_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: c.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return c.url.replace(/\/postgres$/, `/${name}`);
}

export const ENGINES: { name: EngineName; skip: string | false }[] = [
  { name: 'sqlite', skip: false },
  { name: 'postgres', skip: postgresMissing() ?? false },
];

/** Where an engine keeps a store: a data folder, or a database URL. */
export interface Place {
  engine: EngineName;
  dataDir: string;
  env: Record<string, string>;
}

/** The hubs' shared secret in these tests (PostgreSQL requires one; SQLite would generate its own). */
export const TEST_SECRET = 'test secret shared by the hubs of one province';

export async function freshPlace(engine: EngineName): Promise<Place> {
  return { engine, dataDir: tempDir(), env: engine === 'postgres' ? { DATABASE_URL: await freshDatabase(), PORTAL_HUB_SECRET: TEST_SECRET } : {} };
}

/** A hub config (sites, province…) on `place`, listening on a free loopback port. */
export function hubConfig(place: Place, raw: Record<string, unknown>): HubConfig {
  return checkConfig(JSON.parse(JSON.stringify({ listen: { port: 0 }, storage: { dataDir: place.dataDir }, ...raw })), place.env);
}

export async function openStore(place: Place, raw: Record<string, unknown>, clock?: FakeClock): Promise<HubStorage> {
  const store = await openStorage(hubConfig(place, raw), { clock: clock?.read, onlineCacheMs: 0, env: place.env }, Buffer.from(TEST_SECRET));
  after(() => store.close());
  return store;
}

export async function startCounterHub(place: Place, raw: Record<string, unknown>, clock?: FakeClock): Promise<RunningHub> {
  const hub = await startHub(hubConfig(place, raw), { clock: clock?.read, onlineCacheMs: 0, env: place.env });
  after(() => hub.stop(0));
  return hub;
}

/** N sites `site-1` … with their origins `https://site-i.example`. */
export function sites(n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  return Array.from({ length: n }, (_, k) => ({ id: `site-${k + 1}`, name: `Site ${k + 1}`, origins: [`https://site-${k + 1}.example`], ...extra(k + 1) }));
}

export { T0 };

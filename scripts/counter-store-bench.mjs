#!/usr/bin/env node
/**
 * The counter's storage alone, no HTTP: N visits (three in four new, as in the
 * load test) through each engine's store, C at a time, and the CPU each visit
 * costs this process (the hub's side: the driver, or SQLite itself) and
 * PostgreSQL's processes. CPU per visit is the figure to compare on a machine
 * shared with other work; visits/s depends on what else runs.
 *
 *   node --import tsx scripts/counter-store-bench.mjs
 *
 * Env: N (visits, default 20000), C (at a time, default 25), ENGINES (default
 * `sqlite-normal sqlite-full postgres-socket postgres-tcp`). sqlite-full is
 * SQLite with `synchronous = FULL` (a flush per visit, as PostgreSQL does):
 * the same durability on a power cut, for an honest comparison; the hub runs
 * `NORMAL` (see docs/counter.md).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres } from '../test/server/postgres-cluster.mjs';

const { SqliteStorage } = await import('../hub/src/sqlite-storage.ts');
const { PostgresStorage } = await import('../hub/src/storage/postgres-storage.ts');

const N = Number(process.env.N ?? 20000);
const C = Number(process.env.C ?? 25);
const ENGINES = (process.env.ENGINES ?? 'sqlite-normal sqlite-full postgres-socket postgres-tcp').split(' ');
const SITES = 150;
const options = { timeZone: 'Asia/Ho_Chi_Minh', secret: Buffer.alloc(32, 7) };

let cluster;
/** CPU seconds of this cluster's processes, the exited backends included (the postmaster's reaped children). */
function postgresCpu() {
  if (!cluster) return 0;
  const postmaster = readFileSync(path.join(cluster.dir, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  let seconds = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid === postmaster) seconds += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
      else if (f[1] === postmaster) seconds += (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      // gone
    }
  }
  return seconds;
}

async function open(engine, n) {
  if (engine.startsWith('sqlite')) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-bench-'));
    const store = new SqliteStorage({ ...options, dataDir });
    if (engine === 'sqlite-full') store.db.pragma('synchronous = FULL');
    return { store, done: () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  cluster ??= await startPostgres();
  if (!cluster) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE bench_${n}`);
  await admin.end();
  const url = (engine === 'postgres-tcp' ? cluster.url : cluster.socketUrl).replace(/\/postgres(?=$|\?)/, `/bench_${n}`);
  return { store: await PostgresStorage.open({ ...options, url }), done: () => {} };
}

try {
  for (const [n, engine] of ENGINES.entries()) {
    const { store, done } = await open(engine, n);
    for (let i = 0; i < 2000; i++) await store.visit(`site-${i % SITES}`, `warm-${i}`); // JIT and plans
    const cpu = process.cpuUsage();
    const pgBefore = postgresCpu();
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (next < N) {
          const i = next++;
          await store.visit(`site-${i % SITES}`, `v-${i % 4 === 3 && i > 1000 ? i - 1001 : i}`);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const ms = (s) => ((s * 1000) / N).toFixed(3);
    console.log(
      `${engine.padEnd(16)} ${(N / seconds).toFixed(0).padStart(6)} visits/s; CPU per visit: hub side ${ms((used.user + used.system) / 1e6)} ms, PostgreSQL ${ms(postgresCpu() - pgBefore)} ms`,
    );
    await store.close();
    done();
  }
} finally {
  await cluster?.destroy();
}

/**
 * A throw-away PostgreSQL cluster, started the way a deployment starts one:
 * Debian's server binaries (`apt-get install -y postgresql`), `initdb` on a
 * temporary data directory, `pg_ctl start` listening on loopback only, a free
 * port. Used by the store and hub tests and by the load test.
 *
 * `initdb` and `pg_ctl` refuse to run as root, so as root they run as the
 * `postgres` user (the Debian package creates it) on a directory it owns.
 *
 *   const pg = await startPostgres();      // undefined when no PostgreSQL is installed (outside CI)
 *   pg.url                                 // postgres://postgres@127.0.0.1:PORT/postgres
 *   await pg.stop(); await pg.start();     // stop it for a while (fault tests), start it again
 *   await pg.destroy();                    // stop and remove the data directory
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The newest PostgreSQL server binaries installed, or undefined. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (process.env.PG_BIN) return process.env.PG_BIN;
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], 'bin');
}

/**
 * Why PostgreSQL tests cannot run here, or undefined when they can. CI never
 * skips them: there a missing PostgreSQL is a failure, not a skip.
 */
export function postgresMissing() {
  if (postgresBin()) return undefined;
  const why = 'PostgreSQL is not installed (apt-get install -y postgresql)';
  if (process.env.CI) throw new Error(`${why}: CI must run the PostgreSQL tests`);
  return why;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server binary, as `postgres` when we are root. */
function run(bin, args) {
  const file = path.join(postgresBin(), bin);
  const r = isRoot()
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [file, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')], { encoding: 'utf8' })
    : spawnSync(file, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function startPostgres() {
  if (postgresMissing()) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions']);
  // No checkpoint within a load-test run (as a deployment sizes them); durability is untouched.
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200 -c checkpoint_timeout=30min -c max_wal_size=4GB`;
  const cluster = {
    dir,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** The same database over its Unix socket (the hub on the database's machine): no TCP stack on either side. */
    socketUrl: `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    async start() {
      run('pg_ctl', ['-D', dir, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
    },
    /** Fast shutdown: open connections are cut, as when the database server goes down. */
    async stop() {
      run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
    },
    async destroy() {
      try {
        await cluster.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

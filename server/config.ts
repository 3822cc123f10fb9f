/**
 * The reference server's settings, all from the environment so the same code
 * runs the demo (`npm start`), the tests and a real deployment.
 */
import path from 'node:path';

export interface Config {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on (default 127.0.0.1: the demo is not exposed to the network). */
  host: string;
  /** Folder of the SQLite database, created when missing. */
  dataDir: string;
  /** Name of the counted site: part of the visitor hash and the key of its totals. */
  site: string;
  /** Origins allowed to read and POST the counter besides the server's own; `*` allows any. */
  corsOrigins: string[];
  /** Take the client address from the last `X-Forwarded-For` entry (only behind a proxy you run). */
  trustProxy: boolean;
  /** POSTs one visitor may make per minute before 429. */
  rateLimit: number;
  /** Largest accepted request body, in bytes. */
  maxBody: number;
  /** Time zone of the counting day ("today", the daily salt). */
  timeZone: string;
  /** Total to start from when the database is new (a counter carried over from an older site). */
  counterStart: number;
  /** Folder whose demo/ and dist/ are served. */
  root: string;
}

const int = (raw: string | undefined, fallback: number, name: string, min = 0): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return n;
};

export function readConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const timeZone = env.TIME_ZONE || 'Asia/Ho_Chi_Minh';
  new Intl.DateTimeFormat('en', { timeZone }); // throws on an unknown zone: fail at start, not per request
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    site: env.SITE || 'portal',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    rateLimit: int(env.RATE_LIMIT, 20, 'RATE_LIMIT', 1),
    maxBody: int(env.MAX_BODY, 1024, 'MAX_BODY', 2),
    timeZone,
    counterStart: int(env.COUNTER_START, 0, 'COUNTER_START'),
    root: path.resolve(cwd, env.ROOT || '.'),
  };
}

/**
 * The secret the visitor hashes are keyed with, kept out of the database: the
 * day's key is HMAC-SHA256(secret, the day's stored random salt). A copy of the
 * database alone (salt and hashes) so links no hash to any address or browser:
 * trying every IPv4 address with a common user agent needs the secret too.
 *
 * - PORTAL_HUB_SECRET in the environment (at least 32 characters): required in
 *   production (NODE_ENV=production) and with PostgreSQL, where every hub must
 *   use the same one (else each would hash a visitor differently, and count it again).
 * - Otherwise (the demo, a single SQLite hub) a random secret is generated once
 *   into `hub-secret` beside the data folder, readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type HubConfig } from '../config.js';

export const SECRET_ENV = 'PORTAL_HUB_SECRET';

/** The file of the generated secret: beside the data folder, not in it (a copy of the folder does not take it). */
export const secretFile = (config: HubConfig) => path.join(path.dirname(config.storage.dataDir), `${path.basename(config.storage.dataDir)}.hub-secret`);

export function visitSecret(config: HubConfig, env: Record<string, string | undefined>): Buffer {
  const given = env[SECRET_ENV];
  if (given !== undefined) {
    if (given.length < 32) throw new ConfigError([`${SECRET_ENV}: at least 32 characters (e.g. openssl rand -hex 32)`]);
    return Buffer.from(given, 'utf8');
  }
  if (config.storage.engine === 'postgres')
    throw new ConfigError([`${SECRET_ENV}: required with PostgreSQL, the same on every hub (e.g. openssl rand -hex 32)`]);
  if (env.NODE_ENV === 'production') throw new ConfigError([`${SECRET_ENV}: required in production (e.g. openssl rand -hex 32)`]);
  const file = secretFile(config);
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  // Made by someone else with a looser mode: tightened (its owner still reads it).
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

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
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type HubConfig } from '../config.js';

export const SECRET_ENV = 'PORTAL_HUB_SECRET';
/** Random bytes of a generated secret (written as hex: twice as many characters). */
const SECRET_BYTES = 32;

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
  const problem = (what: string, e: unknown, target = file) => new ConfigError([`storage.dataDir: ${what} ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)}); check DATA_DIR and the folder's permissions`]);
  try {
    // The folder the secret sits beside may not exist yet (a new DATA_DIR): made here, as the store would.
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw problem('cannot create the folder', e, path.dirname(file));
  }
  try {
    writeFileSync(file, randomBytes(SECRET_BYTES).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw problem('cannot create', e);
  }
  let text: string;
  try {
    // Made by someone else with a looser mode: tightened (its owner still reads it).
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    text = readFileSync(file, 'utf8').trim();
  } catch (e) {
    throw problem('cannot read', e);
  }
  // Not regenerated: a new secret re-keys the day's hashes, so every visitor of the day would count again. An
  // empty or cut file (a full disk, a bad copy) is the operator's to put right; the message says how.
  if (text.length < SECRET_BYTES * 2)
    throw new ConfigError([
      `${file}: the visitor secret is ${text.length} characters, shorter than the ${SECRET_BYTES * 2} the hub writes. ` +
        `Restore it from a backup, or delete the file to have a new one made (today's visitors then count again), or set ${SECRET_ENV}.`,
    ]);
  return Buffer.from(text, 'utf8');
}

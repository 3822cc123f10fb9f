/**
 * The hub's settings: one JSON file (`--config hub.json` or PORTAL_HUB_CONFIG),
 * checked against hub/schema/hub-config.schema.json, with every error named by
 * its JSON path. Without a file the hub runs the demo (demoConfig), set from the
 * environment as the reference server was. PORT, HOST and DATA_DIR always win
 * over the file; secrets only ever come from the environment.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FieldMap } from 'portal-widgets/core';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema/hub-config.schema.json', import.meta.url));

export interface UpstreamConfig {
  name: string;
  homeUrl?: string;
  /** `{self}/…` is the hub's own address, filled in once it listens. */
  url: string;
  format: 'auto' | 'json-feed' | 'rss' | 'atom' | 'json';
  map?: FieldMap;
  userAgent: string;
  refreshSeconds: number;
  maxAgeSeconds: number;
  timeoutMs: number;
  maxBytes: number;
  internal: boolean;
  authorizationEnv?: string;
}

export interface FeedConfig {
  id: string;
  title: string;
  homePageUrl?: string;
  public: boolean;
  limit: number;
  /** Items per JSON Feed page (feed-output.ts DEFAULT_PAGE_SIZE says why 30). */
  pageSize: number;
  upstreams: UpstreamConfig[];
}

export interface SiteConfig {
  id: string;
  name: string;
  origins: string[];
  /** The total this site's counter starts from on a new database (an old counter carried over). */
  start: number;
}

/** The province entry: /api/visits/province sums these sites (all when absent). */
export interface ProvinceConfig {
  name: string;
  sites?: string[];
}

export interface DocumentConfig {
  id: string;
  type: 'links' | 'banner';
  /** Absolute once loaded (relative to the config file in the file). */
  file: string;
}

export interface HubConfig {
  listen: { host: string; port: number };
  /** Host names the hub answers to, beside the loopback names (host-allow.ts). */
  hosts: string[];
  /** postgres: the URL comes from the environment variable `urlEnv` (default DATABASE_URL), never from the file. */
  storage: { engine: 'sqlite' | 'postgres'; dataDir: string; urlEnv: string };
  timeZone: string;
  trustProxy: boolean;
  rateLimit: number;
  /** POSTs one address may send per minute, whatever its user agents. */
  addressRateLimit: number;
  /** Distinct visitors one address may add per 30 minutes. */
  visitorsPerAddress: number;
  maxBody: number;
  /** Folder whose demo/ and dist/ are served; undefined serves no pages. */
  serveDemo?: string;
  sites: SiteConfig[];
  province?: ProvinceConfig;
  feeds: FeedConfig[];
  documents: DocumentConfig[];
}

/** A config that cannot be used: every problem, each named by its JSON path. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The hub's configuration has ${problems.length} error(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(value: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, useDefaults: true, strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  return validator(value) ? [] : (validator.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
}

/** `/feeds/0/upstreams/1/url` → `feeds[0].upstreams[1].url`. */
function jsonPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '') || '(root)';
}

function describe(e: ErrorObject): string {
  const at = jsonPath(e.instancePath);
  const child = (name: string) => (at === '(root)' ? name : `${at}.${name}`);
  if (e.keyword === 'required') return `${child(String(e.params.missingProperty))}: missing`;
  if (e.keyword === 'additionalProperties') return `${child(String(e.params.additionalProperty))}: unknown setting`;
  if (e.keyword === 'enum') return `${at}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at}: ${e.message}`;
}

/** Checks what the schema cannot say: unique ids, a usable time zone, environment names that are set. */
function crossCheck(config: HubConfig, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const unique = (list: { id: string }[], at: string) =>
    list.forEach((x, i) => list.findIndex((y) => y.id === x.id) !== i && problems.push(`${at}[${i}].id: "${x.id}" is used twice`));
  unique(config.sites, 'sites');
  unique(config.feeds, 'feeds');
  unique(config.documents, 'documents');
  config.sites.forEach((s, i) => s.id === 'province' && problems.push(`sites[${i}].id: "province" is reserved (/api/visits/province)`));
  config.province?.sites?.forEach((id, i) => !config.sites.some((s) => s.id === id) && problems.push(`province.sites[${i}]: no site "${id}"`));
  if (config.storage.engine === 'postgres' && !env[config.storage.urlEnv]) problems.push(`storage.engine: postgres needs ${config.storage.urlEnv} set in the environment`);
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
  } catch {
    problems.push(`timeZone: unknown time zone "${config.timeZone}"`);
  }
  // The schema's patterns only say "http(s)://something": `http://[oops/` passes them, and failed on every fetch.
  const url = (value: string | undefined, at: string) => value !== undefined && !URL.canParse(value) && problems.push(`${at}: not a URL (${JSON.stringify(value)})`);
  config.feeds.forEach((f, i) => {
    url(f.homePageUrl, `feeds[${i}].homePageUrl`);
    f.upstreams.forEach((u, j) => {
      const at = `feeds[${i}].upstreams[${j}]`;
      url(u.url.replace(/^\{self\}/, 'http://self.invalid'), `${at}.url`);
      url(u.homeUrl, `${at}.homeUrl`);
      if (u.authorizationEnv && !env[u.authorizationEnv]) problems.push(`${at}.authorizationEnv: ${u.authorizationEnv} is not set in the environment`);
    });
  });
  config.sites.forEach((s, i) =>
    s.origins.forEach((o, j) => {
      const origin = originOf(o);
      if (origin === undefined) problems.push(`sites[${i}].origins[${j}]: "${o}" is not an origin (scheme://host[:port], nothing after it)`);
    }),
  );
  return problems;
}

/**
 * An origin as browsers send it in `Origin` (lower-case host, no default port, no trailing slash), so that
 * `https://SGDDT.Example.gov.vn:443/` matches; undefined when `value` has a path, query, user or is no URL.
 */
function originOf(value: string): string | undefined {
  if (value === '*') return value;
  if (!URL.canParse(value)) return undefined;
  const u = new URL(value);
  return u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password && !/[?#]$/.test(value) ? u.origin : undefined;
}

const ENV_INT = /^\d+$/;
/** PORT, HOST and DATA_DIR over the file's values (as `npm start` has always taken them). */
function applyEnv(raw: Record<string, unknown>, env: Record<string, string | undefined>, problems: string[]): void {
  const listen = (raw.listen ??= {}) as Record<string, unknown>;
  if (env.PORT && ENV_INT.test(env.PORT)) listen.port = Number(env.PORT);
  else if (env.PORT) problems.push(`PORT: must be a whole number, not "${env.PORT}"`);
  if (env.HOST) listen.host = env.HOST;
  if (env.DATA_DIR) ((raw.storage ??= {}) as Record<string, unknown>).dataDir = env.DATA_DIR;
  // DATABASE_URL=postgres://… chooses PostgreSQL whatever the file says.
  if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) Object.assign((raw.storage ??= {}) as Record<string, unknown>, { engine: 'postgres', urlEnv: 'DATABASE_URL' });
}

/** Validates `raw` (a parsed config file, or the demo's), fills the defaults, resolves paths against `dir`. */
export function checkConfig(raw: unknown, env: Record<string, string | undefined> = process.env, dir = process.cwd()): HubConfig {
  const problems: string[] = [];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) applyEnv(raw as Record<string, unknown>, env, problems);
  problems.push(...validate(raw));
  if (problems.length) throw new ConfigError(problems);
  const config = raw as HubConfig;
  problems.push(...crossCheck(config, env));
  if (problems.length) throw new ConfigError(problems);
  config.storage.dataDir = path.resolve(dir, config.storage.dataDir);
  if (config.serveDemo !== undefined) config.serveDemo = path.resolve(dir, config.serveDemo);
  for (const d of config.documents) d.file = path.resolve(dir, d.file);
  config.sites = config.sites.map((s) => ({ ...s, origins: s.origins.map((o) => originOf(o)!) }));
  return config;
}

/** Reads and checks a config file. */
export function readConfigFile(file: string, env: Record<string, string | undefined> = process.env): HubConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError([`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
  let raw: unknown;
  try {
    // A BOM (Notepad on Windows saves UTF-8 with one) is no part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError([`${file}: not JSON (${(e as Error).message})`]);
  }
  return checkConfig(raw, env, path.dirname(path.resolve(file)));
}

const int = (raw: string | undefined): number | string | undefined => (raw === undefined || raw === '' ? undefined : ENV_INT.test(raw) ? Number(raw) : raw);

/**
 * The demo portal with no config file: the counter settings from the
 * environment as before (SITE, CORS_ORIGINS, TRUST_PROXY, RATE_LIMIT, MAX_BODY,
 * TIME_ZONE, COUNTER_START, ROOT), plus one merged feed of the portal's own news
 * and a second agency's RSS (served at `agencyUrl`, another local port). Where
 * ROOT has no demo/ (the hub installed on its own), only the agency's feed.
 */
export function demoConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd(), agencyUrl?: string): HubConfig {
  const root = path.resolve(cwd, env.ROOT || '.');
  const pages = existsSync(path.join(root, 'demo/feeds/news.json'));
  const portal = { name: 'Cổng thông tin tỉnh', homeUrl: 'https://thuathienhue.gov.vn/', url: '{self}/demo/feeds/news.json', internal: true, refreshSeconds: 60 };
  const raw = {
    timeZone: env.TIME_ZONE || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    rateLimit: int(env.RATE_LIMIT),
    maxBody: int(env.MAX_BODY),
    serveDemo: pages ? root : undefined,
    sites: [
      {
        id: env.SITE || 'portal',
        name: 'Cổng thông tin điện tử (demo)',
        origins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
        start: int(env.COUNTER_START),
      },
    ],
    feeds: agencyUrl
      ? [
          {
            id: 'tin-tong-hop',
            title: 'Tin tổng hợp từ các cơ quan',
            public: true,
            upstreams: [
              ...(pages ? [portal] : []),
              { name: 'Sở Giáo dục và Đào tạo', homeUrl: 'https://sgddt.thuathienhue.gov.vn/', url: agencyUrl, internal: true, refreshSeconds: 60, maxAgeSeconds: 600 },
            ],
          },
        ]
      : [],
    documents: pages
      ? [
          { id: 'links', type: 'links', file: path.join(root, 'demo/feeds/links.json') },
          { id: 'banner', type: 'banner', file: path.join(root, 'demo/feeds/banner.json') },
        ]
      : [],
  };
  return checkConfig(JSON.parse(JSON.stringify(raw)), env, cwd);
}

/**
 * What the hub's config and data folder accept, checked at start: URLs that
 * cannot be parsed, origins written as people write them, a DATA_DIR whose
 * parent is missing or cannot be made, a visitor-secret file that is empty,
 * an import file with a line that is not an object or of a site not configured.
 * Real hub processes where the start itself is what is tested.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkConfig, ConfigError, readConfigFile } from '../../hub/src/config.js';
import { startHub, type RunningHub } from '../../hub/src/hub.js';
import { countsFromJsonLines } from '../../hub/src/storage/counts-file.js';
import { ENGINES, freshPlace } from './counter-kit.js';
import { spawnHub, tempDir, writeConfig, type HubProcess } from './hub-kit.js';
import { browserUa } from './server-helpers.js';

const hubs: HubProcess[] = [];
const running: RunningHub[] = [];
after(async () => {
  await Promise.all(hubs.map((h) => h.stop('SIGKILL')));
  await Promise.all(running.map((h) => h.stop(0)));
});
const site = { id: 'portal', name: 'Cổng', origins: ['https://xa.example.gov.vn'] };
const problems = (raw: Record<string, unknown>) => {
  try {
    checkConfig({ storage: { dataDir: tempDir() }, ...raw }, {});
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};
const SECRET = 'a visitor secret of at least 32 characters, for production';
/** A port nothing listens on: one the OS gave, closed again. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
/** The start fails: its exit code and standard error. */
const failedStart = (file: string, env: Record<string, string> = {}) =>
  spawnHub(file, env).then(
    (h) => (hubs.push(h), assert.fail('started')),
    (e: { code: number; stderr: string }) => e,
  );

describe('URLs in the config', () => {
  it('refuses an upstream URL, homeUrl or homePageUrl that cannot be parsed, naming it', () => {
    const found = problems({
      sites: [site],
      feeds: [{ id: 'a', title: 'A', homePageUrl: 'https://[x/', upstreams: [{ name: 'B', url: 'http://[oops/feed', homeUrl: 'http://ok.example/' }, { name: 'C', url: '{self}/ok.json' }] }],
    });
    assert.deepEqual(found, ['feeds[0].homePageUrl: not a URL ("https://[x/")', 'feeds[0].upstreams[0].url: not a URL ("http://[oops/feed")']);
  });

  it('refuses origins with anything after the host (a query, a user), and the hub does not start', async () => {
    assert.deepEqual(problems({ sites: [{ ...site, origins: ['https://x.example?q', 'https://u@x.example', '*'] }] }), [
      'sites[0].origins[0]: "https://x.example?q" is not an origin (scheme://host[:port], nothing after it)',
      'sites[0].origins[1]: "https://u@x.example" is not an origin (scheme://host[:port], nothing after it)',
    ]);
    const err = await failedStart(writeConfig({ sites: [site], feeds: [{ id: 'a', title: 'A', upstreams: [{ name: 'B', url: 'http://[oops/feed' }] }] }));
    assert.equal(err.code, 1);
    assert.match(err.stderr, /feeds\[0\]\.upstreams\[0\]\.url: not a URL/);
    assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack');
  });
});

describe('origins as people write them', () => {
  it('upper case and the default port match what browsers send: the POST is counted, with CORS', async () => {
    const config = checkConfig(
      { listen: { host: '127.0.0.1', port: 0 }, storage: { dataDir: path.join(tempDir(), 'data') }, sites: [{ ...site, origins: ['https://SGDDT.ThuaThienHue.gov.vn', 'https://t.example:443/', 'http://p.example:8080/'] }] },
      {},
    );
    assert.deepEqual(config.sites[0].origins, ['https://sgddt.thuathienhue.gov.vn', 'https://t.example', 'http://p.example:8080']);
    const hub = await startHub(config, { env: {} });
    running.push(hub);
    for (const [i, origin] of ['https://sgddt.thuathienhue.gov.vn', 'https://t.example', 'http://p.example:8080'].entries()) {
      const res = await fetch(`${hub.url}/api/visits/portal`, { method: 'POST', headers: { origin, 'content-type': 'application/json', 'user-agent': browserUa(`o-${i}`) }, body: '{}' });
      assert.equal(res.status, 200, `${origin}: ${await res.clone().text()}`);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
    }
    const other = await fetch(`${hub.url}/api/visits/portal`, { method: 'POST', headers: { origin: 'https://other.example', 'content-type': 'application/json', 'user-agent': browserUa('x') }, body: '{}' });
    assert.equal(other.status, 403);
  });
});

describe('the data folder and the visitor secret', () => {
  it('a DATA_DIR whose parent does not exist is made (secret and database)', async () => {
    const dir = tempDir();
    const hub = await spawnHub(writeConfig({ sites: [site] }, dir), { DATA_DIR: path.join(dir, 'new', 'deeper', 'data') });
    hubs.push(hub);
    const res = await fetch(`${hub.url}/api/visits/portal`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': browserUa('d') }, body: '{}' });
    assert.equal(res.status, 200);
    assert.equal(readFileSync(path.join(dir, 'new', 'deeper', 'data.hub-secret'), 'utf8').length, 64);
  });

  it('a DATA_DIR that cannot be made is a clear error naming it, no stack', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const err = await failedStart(writeConfig({ sites: [site] }, dir), { DATA_DIR: path.join(dir, 'a-file', 'data') });
    assert.equal(err.code, 1);
    assert.match(err.stderr, /storage\.dataDir: cannot create the folder .*a-file \((EEXIST|ENOTDIR)\); check DATA_DIR/);
    assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack');
  });

  it('a data folder the database cannot be opened in is a named error, no stack (in production, the secret given)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const err = await failedStart(writeConfig({ sites: [site] }, dir), { DATA_DIR: path.join(dir, 'a-file', 'data'), NODE_ENV: 'production', PORTAL_HUB_SECRET: SECRET });
    assert.equal(err.code, 1);
    assert.match(err.stderr, /storage\.dataDir: the database in .*a-file\/data cannot be opened \((EEXIST|ENOTDIR)\b.*\); check DATA_DIR/);
    assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack');
  });

  it('a PostgreSQL that refuses the connection is a named error, no stack, no password', async () => {
    const err = await failedStart(writeConfig({ sites: [site], storage: { engine: 'postgres' } }), {
      DATABASE_URL: `postgres://hub:the-password@127.0.0.1:${await closedPort()}/hub`,
      PORTAL_HUB_SECRET: SECRET,
    });
    assert.equal(err.code, 1);
    assert.match(err.stderr, /storage\.urlEnv: the PostgreSQL database in DATABASE_URL cannot be opened \(.*ECONNREFUSED/);
    assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack');
    assert.doesNotMatch(err.stderr, /the-password/);
  });

  it('reads a config saved with a UTF-8 BOM (Notepad)', () => {
    const file = writeConfig({ sites: [site] });
    writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
    assert.deepEqual(readConfigFile(file, {}).sites.map((s) => s.id), ['portal']);
  });

  it('refuses an empty or cut secret file, saying how to fix it (not regenerated: that would count the day again)', async () => {
    for (const content of ['', '\n', 'abc123']) {
      const dir = tempDir();
      mkdirSync(path.join(dir, 'data'));
      writeFileSync(path.join(dir, 'data.hub-secret'), content, { mode: 0o600 });
      const err = await failedStart(writeConfig({ sites: [site] }, dir));
      assert.equal(err.code, 1);
      assert.match(err.stderr, new RegExp(`data\\.hub-secret: the visitor secret is ${content.trim().length} characters, shorter than the 64 the hub writes\\. Restore it from a backup, or delete the file`));
      assert.equal(readFileSync(path.join(dir, 'data.hub-secret'), 'utf8'), content, 'left as it was');
    }
  });
});

describe('import files', () => {
  const head = '{"format":"portal-widgets-hub/counts","version":1}';
  it('names the line that is not an object (null, an array, a number), the head too', () => {
    for (const [text, message] of [
      [`${head}\nnull\n`, /^Error: line 2: not an object \(null\)$/],
      [`${head}\n{"site":"portal","total":1}\n[1]\n`, /^Error: line 3: not an object \(\[1\]\)$/],
      [`${head}\n\n7\n`, /^Error: line 3: not an object \(7\)$/],
      ['null\n', /^Error: line 1: not an object/],
    ] as const)
      assert.throws(() => countsFromJsonLines(text), message);
  });

  it('refuses a site the config does not have, naming the line and the sites it has; the hub command writes nothing', async () => {
    assert.throws(() => countsFromJsonLines(`${head}\n{"site":"portal","total":5}\n{"site":"nosuchsite","total":9}\n`, ['portal']), /^Error: line 3: site "nosuchsite" is not in the config \(sites: portal\): add it there first/);
    assert.deepEqual(countsFromJsonLines(`${head}\n{"site":"portal","total":5}\n`, ['portal']), [{ site: 'portal', total: 5 }]);
    const dir = tempDir();
    const file = writeConfig({ sites: [site] }, dir);
    writeFileSync(path.join(dir, 'counts.jsonl'), `${head}\n{"site":"nosuchsite","total":999999999}\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'hub/src/main.ts', 'import', '--config', file, path.join(dir, 'counts.jsonl')], { encoding: 'utf8' });
    assert.equal(child.status, 1);
    assert.match(child.stderr, /^import failed: line 2: site "nosuchsite" is not in the config \(sites: portal\)/);
    assert.ok(!existsSync(path.join(dir, 'data')), 'refused before the storage was opened');
  });
});

describe('start and protocol messages', () => {
  it('a HOST that is no address of this machine is a clear message, no stack', async () => {
    const err = await failedStart(writeConfig({ sites: [site] }), { HOST: 'no-such-host.invalid' });
    assert.equal(err.code, 1);
    assert.match(err.stderr, /Cannot listen on "no-such-host\.invalid" \((ENOTFOUND|EAI_AGAIN)\): HOST \(or listen\.host\) must be an address or name of this machine/);
    assert.doesNotMatch(err.stderr, /\n\s+at /, 'no stack');
  });

  it('on PostgreSQL the start line names the database, not a data folder', { skip: ENGINES[1].skip }, async () => {
    const place = await freshPlace('postgres');
    const hub = await spawnHub(writeConfig({ sites: [site], storage: { engine: 'postgres' } }), place.env);
    hubs.push(hub);
    assert.match(hub.stdout, /Visit counter: http:\/\/\S+\/api\/visits \(PostgreSQL at DATABASE_URL\)/);
    const code = await hub.stop();
    assert.equal(code, 0, `signal ${hub.child.signalCode}\nstdout: ${hub.stdout}\nstderr: ${hub.stderr}`);
  });

  it('answers a malformed request 400 Bad Request and headers too large 431 Request Header Fields Too Large', async () => {
    const hub = await spawnHub(writeConfig({ sites: [site] }));
    hubs.push(hub);
    const { hostname, port } = new URL(hub.url);
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        let answer = '';
        const socket = connect(Number(port), hostname, () => socket.end(text));
        socket.on('data', (d) => (answer += d));
        socket.on('close', () => resolve(answer.split('\r\n')[0]));
        socket.on('error', reject);
      });
    assert.equal(await raw('NOT HTTP AT ALL\r\n\r\n'), 'HTTP/1.1 400 Bad Request');
    assert.equal(await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 'HTTP/1.1 431 Request Header Fields Too Large');
  });
});

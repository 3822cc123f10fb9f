/**
 * The attack run's findings (issue 16), each over real HTTP against a hub
 * started as a process, each failing on the hub before the fix:
 * one address rotating user agents, a foreign Referer without Origin, the salt
 * and hashes in one file, DNS rebinding, the open redirect, pages without CSP,
 * symlinks out of the served root. The config is one the hub before the fix
 * also reads, so this file can be run against it.
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { createHash, createHmac } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openPage, settledWidgets } from './browser-kit.mjs';
import { spawnHub, tempDir, writeConfig, type HubProcess } from './hub-kit.js';
import { browserUa } from './server-helpers.js';

const SECRET = 'the province secret, in the environment of every hub';
const site = { id: 'portal', name: 'Cổng', origins: ['https://portal.example'] };

/** A request exactly as written (fetch would normalise the path and refuse to set Host). */
function raw(url: string, target: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const total = async (hub: HubProcess) => ((await (await fetch(`${hub.url}/api/visits`)).json()) as { total: number }).total;
const post = (hub: HubProcess, headers: Record<string, string>) => fetch(`${hub.url}/api/visits`, { method: 'POST', body: '{}', headers: { 'user-agent': browserUa('A'), ...headers } });

/** A served root: a copy of demo/, dist/cdn and the reserve stylesheet, with symlinks pointing out of it (and one within). */
function servedRoot(): { root: string; outside: string } {
  const root = tempDir('portal-abuse-root-');
  const outside = tempDir('portal-abuse-outside-');
  writeFileSync(path.join(outside, 'secret.txt'), 'not for the web');
  cpSync('demo', path.join(root, 'demo'), { recursive: true });
  mkdirSync(path.join(root, 'dist'));
  if (existsSync('dist/cdn')) cpSync('dist/cdn', path.join(root, 'dist/cdn'), { recursive: true });
  if (existsSync('dist/portal-widgets.css')) cpSync('dist/portal-widgets.css', path.join(root, 'dist/portal-widgets.css'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'demo/secret.txt'));
  symlinkSync(outside, path.join(root, 'dist/outside'));
  symlinkSync(path.join(root, 'demo/index.html'), path.join(root, 'demo/alias.html'));
  return { root, outside };
}

let hub: HubProcess;
let dataDir: string;
before(async () => {
  const dir = tempDir();
  dataDir = path.join(dir, 'data');
  hub = await spawnHub(writeConfig({ sites: [site], serveDemo: servedRoot().root }, dir), { PORTAL_HUB_SECRET: SECRET });
});
after(() => hub?.stop());

describe('the counter against abuse', () => {
  it('one address rotating its user agent adds tens of visitors, not hundreds', async () => {
    const own = await spawnHub(writeConfig({ sites: [site] }));
    try {
      const statuses: number[] = [];
      let counted = 0;
      for (let i = 0; i < 300; i++) {
        const res = await post(own, { 'user-agent': browserUa(`rotating ${i}`) });
        statuses.push(res.status);
        if (res.status === 200 && ((await res.json()) as { counted: boolean }).counted) counted++;
        else if (res.status !== 200) await res.body?.cancel();
      }
      assert.ok(counted <= 50, `${counted} of 300 counted: at most 50 distinct visitors per address per 30 minutes`);
      assert.ok(statuses.filter((s) => s === 429).length >= 250, 'the rest refused with 429');
      const refused = await post(own, { 'user-agent': browserUa('one more') });
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.match(((await refused.json()) as { error: string }).error, /from this address/);
      console.log(`one address, 300 user agents: ${counted} counted, ${statuses.filter((s) => s === 429).length} × 429`);
    } finally {
      await own.stop();
    }
  });

  it('a POST with a foreign Referer and no Origin is not counted', async () => {
    const before = await total(hub);
    const res = await post(hub, { referer: 'https://evil.example/page.html', 'content-type': 'text/plain' });
    assert.equal(res.status, 403);
    assert.equal(await total(hub), before);
    assert.equal((await post(hub, { referer: 'https://portal.example/tin-tuc.html', 'user-agent': browserUa('from the portal') })).status, 200);
    assert.equal(await total(hub), before + 1, "the site's own Referer counts");
  });

  it('a copy of the database links no hash to an address and browser; the secret with it does', async () => {
    const ua = browserUa('the visitor to find');
    assert.equal((await post(hub, { 'user-agent': ua })).status, 200);
    const db = new Database(path.join(dataDir, 'visits.sqlite'), { readonly: true });
    const salt = (db.prepare('SELECT value FROM salt').get() as { value: Buffer }).value;
    const hashes = new Set((db.prepare('SELECT hash FROM visitors').all() as { hash: string }[]).map((r) => r.hash));
    db.close();
    const hashWith = (key: Buffer, ip: string) => createHash('sha256').update(key).update(`\0portal\0${ip}\0${ua}`).digest('base64url').slice(0, 22);
    const ips = ['127.0.0.1', '::ffff:127.0.0.1'];
    // What anyone holding the file would try: every address with a common user agent, keyed by the stored salt.
    assert.deepEqual(ips.filter((ip) => hashes.has(hashWith(salt, ip))), [], 'the salt alone confirms no visitor');
    const dayKey = createHmac('sha256', Buffer.from(SECRET)).update(salt).digest();
    assert.equal(ips.filter((ip) => hashes.has(hashWith(dayKey, ip))).length, 1, 'an operator with the secret (and the day’s salt) can');
  });

  it('answers only its configured and loopback host names (DNS rebinding)', async () => {
    const { port } = new URL(hub.url);
    const before = await total(hub);
    const evil = `evil.example:${port}`;
    const read = await raw(hub.url, '/api/visits', { host: evil, origin: `http://${evil}` });
    assert.equal(read.status, 421, read.body);
    const write = await raw(hub.url, '/api/visits', { host: evil, origin: `http://${evil}`, 'user-agent': browserUa('rebound'), 'content-type': 'text/plain' }, 'POST', '{}');
    assert.equal(write.status, 421);
    assert.equal(await total(hub), before, 'not counted');
    assert.equal((await raw(hub.url, '/api/visits', { host: `localhost:${port}` })).status, 200);
  });
});

describe('static serving against abuse', () => {
  it('redirects only to a path on the hub itself, never to //host or a scheme', async () => {
    for (const target of ['/.//evil.example/..%2fdemo/feeds', '/%2e//evil.example/..%2fdist/cdn', '/demo/..//evil.example/..%2fdemo/feeds', '/demo/feeds']) {
      const res = await raw(hub.url, target);
      const location = String(res.headers.location ?? '');
      if (res.status >= 300 && res.status < 400) {
        assert.match(location, /^\/(?![/\\])/, `${target} → ${location}`);
        assert.doesNotMatch(location, /^[a-z][a-z0-9+.-]*:/i);
      }
    }
    assert.equal((await raw(hub.url, '/demo/feeds')).headers.location, '/demo/feeds/');
  });

  it("sends a Content-Security-Policy with frame-ancestors 'self' on every HTML page", async () => {
    for (const page of ['/demo/', '/demo/index.html', '/demo/tin-tuc.html', '/demo/bai-viet.html', '/demo/en.html', '/demo/csp.html']) {
      const res = await raw(hub.url, page);
      assert.equal(res.status, 200, page);
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'self'/, page);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/, page);
      assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', page);
    }
  });

  it('the pages work under their policy: no violation in Chromium', { skip: !existsSync('dist/cdn/portal-widgets.js') && 'not built (npm run build)' }, async () => {
    const browser = await launchChromium();
    try {
      for (const page of ['/demo/', '/demo/tin-tuc.html', '/demo/bai-viet.html', '/demo/en.html', '/demo/csp.html']) {
        const { page: tab, errors, close } = await openPage(browser);
        try {
          await tab.evaluateOnNewDocument(() =>
            document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
          );
          await tab.goto(`${hub.url}${page}`, { waitUntil: 'load' });
          await settledWidgets(tab, 'body');
          assert.deepEqual(errors.filter((e) => /CSP|Content Security Policy|Trusted Type/i.test(e)), [], page);
        } finally {
          await close();
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('refuses a symlink that leads out of the served root, serves one that stays in', async () => {
    assert.equal((await raw(hub.url, '/demo/secret.txt')).status, 404);
    const dir = await raw(hub.url, '/dist/outside/secret.txt');
    assert.equal(dir.status, 404);
    assert.doesNotMatch(dir.body, /not for the web/);
    assert.equal((await raw(hub.url, '/demo/alias.html')).status, 200, 'a link within demo/ still works');
  });
});

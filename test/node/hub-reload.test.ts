/**
 * The hub under a supervisor: `check` reads a config (and its documents) as
 * a start would, starting nothing; SIGHUP reads the config again, refusing a
 * wrong one while it keeps serving, restarting on a valid one once the
 * requests in flight are answered. Real hub processes, real signals.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileHubs, tempDir, until, writeConfig } from './hub-kit.js';

const spawn = fileHubs();
const site = { id: 'portal', name: 'Cổng', origins: ['https://portal.example'] };
const links = { version: 'portal-links/1', title: 'Liên kết', groups: [{ title: 'Bộ, ngành', links: [{ title: 'Bộ Giáo dục', url: 'https://moet.gov.vn/' }] }] };

const check = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'hub/src/main.ts', 'check', '--config', file], { encoding: 'utf8' });
const edit = (file: string, change: (config: Record<string, unknown>) => void) => {
  const config = JSON.parse(readFileSync(file, 'utf8'));
  change(config);
  writeFileSync(file, JSON.stringify(config));
};
const sites = async (url: string) => ((await (await fetch(`${url}/api/visits?sites=all`)).json()) as { sites: { id: string }[] }).sites.map((s) => s.id);

describe('portal-widgets-hub check', () => {
  it('says a config and its documents are valid, exit 0, and starts nothing', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'links.json'), JSON.stringify(links));
    const run = check(writeConfig({ sites: [site], documents: [{ id: 'links', type: 'links', file: 'links.json' }] }, dir));
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /hub\.json: valid \(1 site\(s\), 0 feed\(s\), 1 document\(s\)\)/);
    assert.doesNotMatch(run.stdout, /Visit counter/);
  });

  it('lists every error, of the config or of each document, exit 1', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'broken.json'), '{"version": "portal-links/1", "groups": 3}');
    const documents = [
      { id: 'gone', type: 'links', file: 'missing.json' },
      { id: 'broken', type: 'links', file: 'broken.json' },
    ];
    const run = check(writeConfig({ sites: [site], documents }, dir));
    assert.equal(run.status, 1);
    assert.match(run.stderr, /documents: "gone": \S+missing\.json cannot be read \(ENOENT\)/);
    assert.match(run.stderr, /documents: "broken": \S+broken\.json is not a valid links document/);
    const wrong = check(writeConfig({ sites: [{ ...site, id: 'Not An Id' }] }));
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /sites\[0\]\.id/);
  });
});

describe('SIGHUP', () => {
  it('refuses a wrong config, naming its errors, and keeps serving on the one it has', async () => {
    const file = writeConfig({ sites: [site] });
    const hub = await spawn(file);
    edit(file, (c) => ((c.sites as unknown[]).push({ id: 'so', name: 'Sở', origins: ['not an origin'] })));
    hub.child.kill('SIGHUP');
    await until(() => /SIGHUP: .*hub\.json refused/.test(hub.stderr), 10_000, 'the refusal');
    assert.match(hub.stderr, /sites\[1\]\.origins/);
    assert.equal(hub.child.exitCode, null, 'still running');
    assert.equal((await fetch(`${hub.url}/healthz`)).status, 200);
    assert.deepEqual(await sites(hub.url), ['portal']);
  });

  it('restarts on a valid config once the request in flight is answered', async () => {
    const file = writeConfig({ sites: [site] });
    const hub = await spawn(file);
    // A visit whose body is still coming when the signal arrives: it is answered before the restart.
    const { hostname, port } = new URL(hub.url);
    const body = '{}';
    const answered = new Promise<number>((resolve, reject) => {
      const req = request(
        { host: hostname, port, path: '/api/visits/portal', method: 'POST', headers: { origin: 'https://portal.example', 'content-type': 'application/json', 'content-length': body.length, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' } },
        (res) => (res.resume(), resolve(res.statusCode!)),
      );
      req.on('error', reject);
      req.write(body[0]);
      setTimeout(() => req.end(body.slice(1)), 500);
    });
    await new Promise((r) => setTimeout(r, 100));
    edit(file, (c) => ((c.sites as unknown[]).push({ id: 'so', name: 'Sở', origins: ['https://so.example'] })));
    hub.child.kill('SIGHUP');
    assert.equal(await answered, 200, 'the visit in flight is answered');
    await until(() => (hub.stdout.match(/Visit counter: /g) ?? []).length === 2, 10_000, 'the restart');
    const url = [...hub.stdout.matchAll(/Visit counter: (http:\/\/[^/\s]+)/g)][1][1];
    assert.deepEqual(await sites(url), ['portal', 'so']);
    assert.equal(((await (await fetch(`${url}/api/visits/portal`)).json()) as { total: number }).total, 1, 'the same data');
    assert.equal(hub.child.exitCode, null);
    assert.equal(await hub.stop(), 0, 'and SIGTERM still stops it in order');
  });

  it('goes back to the config it had when the new one cannot start (its data folder cannot be made)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const file = writeConfig({ sites: [site] }, dir);
    const hub = await spawn(file);
    edit(file, (c) => ((c.storage as { dataDir: string }).dataDir = path.join(dir, 'a-file', 'data')));
    hub.child.kill('SIGHUP');
    await until(() => (hub.stdout.match(/Visit counter: /g) ?? []).length === 2, 10_000, 'the start on the old config');
    assert.match(hub.stderr, /SIGHUP: the new config did not start, back on the one read before\.\n.*storage\.dataDir: .*a-file/s);
    const url = [...hub.stdout.matchAll(/Visit counter: (http:\/\/[^/\s]+)/g)][1][1];
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.ok(hub.stdout.split('SIGHUP')[1].includes(`(data in ${path.join(dir, 'data')})`), 'on the data folder it had');
  });
});

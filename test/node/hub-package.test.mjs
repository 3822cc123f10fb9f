/**
 * The hub as an IT department gets it: `npm pack` of both packages, installed
 * from the tarballs into a temporary folder, started there with a config file
 * (`npx portal-widgets-hub --config hub.json`), reading an RSS upstream — so
 * the widget package's `portal-widgets/core` and `node-dom` exports work from
 * an installed package, and the hub needs nothing from this repository.
 * Packages come from the npm cache (`--prefer-offline`). better-sqlite3's
 * install script would download a prebuilt binary (no network here): scripts
 * are skipped and the binary built for this machine's Node is copied in.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { spawnHub } from './hub-kit.ts';

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), 'portal-hub-pack-'));
const project = path.join(dir, 'project');
const sh = (cmd, args, cwd = root) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });
let hubFiles = [];
let upstream;

before(() => {
  if (!existsSync('dist/core/index.js') || !existsSync('dist/cli/xml-dom.js')) {
    const b = sh('npm', ['run', '--silent', 'build']);
    assert.equal(b.status, 0, b.stderr);
  }
  const widgets = sh('npm', ['pack', '--json', '--pack-destination', dir]);
  assert.equal(widgets.status, 0, widgets.stderr);
  const built = sh('npm', ['run', '--silent', 'build', '-w', 'hub']);
  assert.equal(built.status, 0, built.stderr);
  const hub = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, '-w', 'hub']);
  assert.equal(hub.status, 0, hub.stderr);
  const [info] = JSON.parse(hub.stdout);
  hubFiles = info.files.map((f) => f.path).sort();
  console.log(`${info.filename}: ${(info.size / 1024).toFixed(1)} KB packed, ${info.entryCount} files: ${hubFiles.join(', ')}`);
  const deps = { 'portal-widgets': `file:../${JSON.parse(widgets.stdout)[0].filename}`, 'portal-widgets-hub': `file:../${info.filename}` };
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'province-hub', private: true, dependencies: deps }, null, 2));
});

after(async () => {
  await new Promise((r) => (upstream ? upstream.close(r) : r()));
  rmSync(dir, { recursive: true, force: true });
});

test('the hub tarball holds its build, its config schema and the demo agency — no sources or tests', () => {
  for (const f of ['package.json', 'dist/main.js', 'schema/hub-config.schema.json', 'demo-agency/so-gddt.rss']) assert.ok(hubFiles.includes(f), `${f} is in the package`);
  assert.deepEqual(hubFiles.filter((f) => /^(src|test)\/|\.test\./.test(f)), []);
});

test('installs from the tarballs and runs from the install folder', { timeout: 240_000 }, async () => {
  const r = sh('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], project);
  assert.equal(r.status, 0, `npm install failed:\n${r.stdout}\n${r.stderr}`);
  cpSync(path.join(root, 'node_modules/better-sqlite3/build'), path.join(project, 'node_modules/better-sqlite3/build'), { recursive: true });
  assert.ok(!existsSync(path.join(project, 'node_modules/portal-widgets/node_modules/better-sqlite3')), 'the widget package brings no server dependency');

  const rss = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>S&#7903;</title><item><title>Tin x\xe3 &#273;\xe3 c&#243;</title><link>http://x.example/1</link><pubDate>Fri, 19 Apr 2024 08:00:00 +0700</pubDate></item></channel></rss>';
  upstream = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from(rss, 'latin1')));
  await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const config = path.join(project, 'hub.json');
  writeFileSync(
    config,
    JSON.stringify({
      sites: [{ id: 'xa', name: 'Xã', origins: [] }],
      feeds: [{ id: 'tin', title: 'Tin', public: true, upstreams: [{ name: 'Sở', url: `http://127.0.0.1:${upstream.address().port}/rss.xml`, internal: true }] }],
    }),
  );
  const bin = path.join(project, 'node_modules/.bin/portal-widgets-hub');
  const hub = await spawnHub(config, {}, [bin]);
  try {
    let feed;
    for (let i = 0; i < 100 && !feed?.items.length; i++) {
      await new Promise((res) => setTimeout(res, 100));
      feed = await (await fetch(`${hub.url}/feeds/tin.json`)).json();
    }
    assert.equal(feed.items[0].title, 'Tin xã đã có');
    assert.equal(feed.items[0]._portal.source.name, 'Sở');
    assert.equal((await fetch(`${hub.url}/healthz`)).status, 200);
    assert.ok(existsSync(path.join(project, 'data/visits.sqlite')), 'the database is in the data folder beside the config');
  } finally {
    assert.equal(await hub.stop(), 0);
  }
});

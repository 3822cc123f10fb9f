/**
 * The npm package as a developer gets it: `npm pack`, then install the tarball
 * into a temporary project and use it there.
 * - the tarball holds dist (per-widget ESM, .d.ts, the CDN bundle, the CLI),
 *   custom-elements.json, schemas, README and LICENSE — no tests, stories,
 *   fixtures, sources or server;
 * - every entry of package.json "exports" resolves; each widget entry imports in
 *   Node (Lit's Node build brings a minimal DOM shim) and registers its tag; the
 *   types compile against the installed package;
 * - `npx portal-widgets validate` runs from the installed package.
 * The install uses a lockfile with our package-lock's versions and
 * `--prefer-offline`: packages come from the npm cache that `npm ci` filled.
 * (That the built code renders in a real browser is cdn.test.mjs and the
 * Storybook test.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { widgets } from '../../build/entries.js';

const root = process.cwd();
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'portal-pack-'));
const project = path.join(dir, 'project');
let files = [];
let tarball = '';

const sh = (cmd, args, cwd = root) => spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' } });

/** package.json and package-lock.json of a project that depends on the tarball only, pinned to our lockfile's versions. */
function writeProject() {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  const spec = `file:../${path.basename(tarball)}`;
  const packages = {
    '': { name: 'uses-portal-widgets', version: '1.0.0', dependencies: { 'portal-widgets': spec } },
    'node_modules/portal-widgets': { version: pkg.version, resolved: spec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin },
  };
  const queue = Object.keys(pkg.dependencies);
  while (queue.length) {
    const name = queue.shift();
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = lock.packages[key] ?? assert.fail(`${name} is not in package-lock.json`);
    packages[key] = entry;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ ...packages[''], private: true, type: 'module' }, null, 2));
  writeFileSync(
    path.join(project, 'package-lock.json'),
    JSON.stringify({ name: 'uses-portal-widgets', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

before(() => {
  if (!existsSync('dist/cdn/portal-widgets.js') || !existsSync('dist/cli/portal-widgets.js') || !existsSync('custom-elements.json')) {
    const b = sh('npm', ['run', '--silent', 'build']);
    assert.equal(b.status, 0, b.stderr);
  }
  const r = sh('npm', ['pack', '--json', '--pack-destination', dir]);
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout);
  files = info.files.map((f) => f.path).sort();
  tarball = path.join(dir, info.filename);
  console.log(`${info.filename}: ${(info.size / 1024).toFixed(1)} KB packed, ${(info.unpackedSize / 1024).toFixed(1)} KB unpacked, ${info.entryCount} files:`);
  for (const f of info.files.sort((a, b) => a.path.localeCompare(b.path))) console.log(`  ${String(f.size).padStart(7)}  ${f.path}`);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds dist, the manifest, schemas, README and LICENSE — nothing else', () => {
  const expected = [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/cdn/portal-widgets.js',
    'dist/portal-widgets.css',
    'dist/cli/portal-widgets.js',
    'schemas/news-feed.schema.json',
    'schemas/portal-links-1.schema.json',
    'schemas/portal-banner-1.schema.json',
    'schemas/visit-counter.schema.json',
    ...widgets.flatMap((w) => [`dist/${w}.js`, `dist/components/${w}/${w}.d.ts`]),
  ];
  for (const f of expected) assert.ok(files.includes(f), `${f} is in the package`);
  const stray = files.filter((f) => !/^(dist\/|schemas\/|custom-elements\.json$|README\.md$|LICENSE$|package\.json$)/.test(f));
  assert.deepEqual(stray, [], 'only dist, schemas, the manifest, README, LICENSE');
  const forbidden = files.filter((f) => /(^|\/)(test|tests|stories|fixtures|server|src|demo|bench|\.size)\/|\.test\.|\.stories\./.test(f));
  assert.deepEqual(forbidden, [], 'no tests, stories, fixtures, sources or server');
});

test('installs into a temporary project from the npm cache', { timeout: 180_000 }, () => {
  writeProject();
  const r = sh('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
  assert.equal(r.status, 0, `npm ci failed:\n${r.stdout}\n${r.stderr}`);
  assert.ok(existsSync(path.join(project, 'node_modules/portal-widgets/custom-elements.json')));
});

test('every export resolves, each widget entry loads and registers its tag', () => {
  const specifiers = Object.keys(pkg.exports).map((k) => (k === '.' ? 'portal-widgets' : `portal-widgets/${k.slice(2)}`));
  const script = `
    const out = {};
    const specifiers = ${JSON.stringify(specifiers)};
    for (const s of specifiers) {
      const concrete = s.replace('*', 'news-feed.schema.json');
      out[concrete] = import.meta.resolve(concrete);
    }
    const tags = {};
    for (const s of ['portal-widgets', ${widgets.map((w) => JSON.stringify(`portal-widgets/${w}.js`)).join(', ')}]) {
      const m = await import(s);
      tags[s] = Object.keys(m);
    }
    const defined = ${JSON.stringify(widgets)}.filter((w) => customElements.get('portal-' + w));
    console.log(JSON.stringify({ out, tags, defined }));`;
  const r = sh('node', ['--input-type=module', '-e', script], project);
  assert.equal(r.status, 0, r.stderr);
  const { out, tags, defined } = JSON.parse(r.stdout);
  for (const [s, url] of Object.entries(out)) {
    assert.ok(url.includes('/node_modules/portal-widgets/'), `${s} → ${url}`);
    assert.ok(existsSync(new URL(url)), `${s} resolves to a file that exists`);
  }
  assert.deepEqual(defined, widgets, 'every widget registered its tag');
  for (const w of widgets) assert.ok(tags[`portal-widgets/${w}.js`].length > 0, `${w} entry exports its class`);
  const json = JSON.parse(readFileSync(new URL(out['portal-widgets/custom-elements.json']), 'utf8'));
  assert.ok(json.modules.length > 0);
});

test('the types compile against the installed package', () => {
  const lines = [
    "import 'portal-widgets';",
    ...widgets.map((w) => `import '${`portal-widgets/${w}.js`}';`),
    "import type { NewsItem } from 'portal-widgets';",
    "const list = document.createElement('portal-news-list');",
    'list.limit = 3;',
    'list.layout = "cards";',
    'const items: NewsItem[] = list.matchingItems;',
    'export { items };',
  ];
  writeFileSync(path.join(project, 'check.ts'), lines.join('\n'));
  const compilerOptions = { noEmit: true, strict: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2023', 'dom', 'dom.iterable'], types: [] };
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
  const r = sh('node', [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test('npx portal-widgets validate runs from the installed package', () => {
  const feed = path.join(project, 'feed.json');
  writeFileSync(feed, readFileSync('stories/fixtures/news.json'));
  const ok = sh('npx', ['--no-install', 'portal-widgets', 'validate', 'feed.json', '--lang', 'en'], project);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /12 of 12 items read/);
  writeFileSync(path.join(project, 'feed.xml'), readFileSync('test/fixtures/news.rss.xml'));
  const rss = sh('npx', ['--no-install', 'portal-widgets', 'validate', 'feed.xml', '--lang', 'vi'], project);
  assert.equal(rss.status, 0, rss.stderr);
  assert.match(rss.stdout, /Định dạng: RSS 2\.0/);
  const bad = sh('npx', ['--no-install', 'portal-widgets', 'validate', 'package.json', '--lang', 'en'], project);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /NOT usable/);
});

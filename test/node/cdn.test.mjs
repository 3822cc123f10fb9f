/**
 * The CDN files alone (test/cdn/index.html: one <script type="module"> of
 * dist/cdn/portal-widgets.js, no bundler) render every widget that src/index.ts
 * registers, in headless Chromium: each tag is defined and renders content in
 * its shadow root, with no console error and no axe violation; the page loads
 * no other script than the CDN file and its own chunks. Run with the loader
 * (the widgets the page script adds later are loaded as they appear) and with
 * the eager file (portal-widgets-all.js in place of the loader).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, launchChromium, openPage, serveStatic, settledWidgets } from './browser-kit.mjs';

let server;
let browser;

/** The tags src/index.ts registers: its `export * from './components/<name>/<name>.js'` lines, named by the manifest. */
function indexTags() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const definitions = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => [m.path, e.name]));
  const modules = [...readFileSync('src/index.ts', 'utf8').matchAll(/export \* from '\.\/(components\/[^']+)\.js'/g)].map((m) => `src/${m[1]}.ts`);
  assert.ok(modules.length > 0, 'src/index.ts exports widgets');
  return modules.map((mod) => definitions.find(([p]) => p === mod)?.[1] ?? assert.fail(`${mod} defines no tag in custom-elements.json`));
}

before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js') || !existsSync('custom-elements.json')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  server = await serveStatic('.');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [file, lang] of [['portal-widgets.js', 'vi'], ['portal-widgets.js', 'en'], ['portal-widgets-all.js', 'vi']]) {
  test(`the CDN page with ${file} renders every widget of src/index.ts (${lang})`, { timeout: 60_000 }, async () => {
    const tags = indexTags();
    const { page, errors, close } = await openPage(browser);
    const scripts = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    if (file !== 'portal-widgets.js') {
      // The page's script, answered with the other file (from the same folder, as a webmaster would name it).
      await page.setRequestInterception(true);
      page.on('request', (r) =>
        new URL(r.url()).pathname === '/dist/cdn/portal-widgets.js'
          ? r.respond({ status: 200, contentType: 'text/javascript', body: `import './${file}';` })
          : r.continue(),
      );
    }
    try {
      await page.evaluateOnNewDocument((l) => document.addEventListener('DOMContentLoaded', () => (document.documentElement.lang = l)), lang);
      await page.goto(`${server.url}/test/cdn/index.html`, { waitUntil: 'load' });
      await page.waitForSelector('body[data-tags]');
      const widgets = await settledWidgets(page, 'main');
      for (const tag of tags) {
        const found = widgets.filter((w) => w.tag === tag);
        assert.ok(found.length > 0, `<${tag}> is on the page`);
        for (const w of found) {
          assert.ok(w.defined, `<${tag}> is defined by the bundle`);
          assert.ok(w.content > 0, `<${tag}> rendered into its shadow root`);
        }
      }
      const list = widgets.find((w) => w.tag === 'portal-news-list');
      assert.match(list.text, /Hội nghị giao ban/, 'the news list shows the feed');
      assert.deepEqual(
        scripts.filter((s) => !s.startsWith('/dist/cdn/')),
        [],
        'no script but the bundle and its chunks',
      );
      assert.deepEqual(await axeViolations(page, 'main'), []);
      assert.deepEqual(errors, []);
      console.log(`CDN page, ${file} (${lang}): ${tags.map((t) => `<${t}>`).join(', ')} rendered; scripts: ${[...new Set(scripts)].join(', ')}`);
    } finally {
      await close();
    }
  });
}

/**
 * The province counter in real browsers (Chromium and Firefox ESR) against a
 * started hub: a site's page records its visit with `<portal-visit-counter
 * hit>`; another page shows the province total from `/api/visits/province`
 * (the sum over the sites, with the visit just made); a hostile page on a
 * third origin sends a simple cross-site text/plain POST and a beacon, and
 * neither counts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { launchChromium, openPage, serveStatic, settledWidgets } from './browser-kit.mjs';
import { spawnHub, tempDir, until, writeConfig } from './hub-kit.ts';

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
let site;
let hostile;
let hub;

const STARTS = { xa: 1000, huyen: 2000, tinh: 2595954 };
const total = async (id) => (await (await fetch(`${hub.url}/api/visits/${id}`)).json()).total;

before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js')) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  }
  const dir = tempDir('portal-counter-page-');
  cpSync('dist/cdn', path.join(dir, 'cdn'), { recursive: true });
  site = await serveStatic(dir);
  hostile = await serveStatic(dir);
  hub = await spawnHub(
    writeConfig({
      sites: Object.entries(STARTS).map(([id, start]) => ({ id, name: id, start, origins: id === 'xa' ? [site.url] : [] })),
      province: { name: 'Tỉnh' },
    }),
  );
  const head = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang</title><script type="module" src="/cdn/portal-widgets.js"></script></head><body><main>';
  writeFileSync(path.join(dir, 'visit.html'), `${head}<portal-visit-counter id="own" src="${hub.url}/api/visits/xa" hit>Thống kê truy cập</portal-visit-counter></main></body></html>`);
  writeFileSync(path.join(dir, 'province.html'), `${head}<portal-visit-counter id="province" src="${hub.url}/api/visits/province" show-today>Thống kê truy cập</portal-visit-counter></main></body></html>`);
  writeFileSync(
    path.join(dir, 'hostile.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title></head><body><script>
      window.done = Promise.allSettled([
        fetch('${hub.url}/api/visits/xa', { method: 'POST', mode: 'no-cors', body: '{}', headers: { 'content-type': 'text/plain' } }),
        Promise.resolve(navigator.sendBeacon('${hub.url}/api/visits/xa', '{}')),
      ]);
    </script></body></html>`,
  );
});

after(async () => {
  await hub?.stop('SIGKILL');
  await site?.close();
  await hostile?.close();
});

const browsers = [
  ['chromium', () => launchChromium()],
  ['firefox', () => puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true })],
];

for (const [name, launch] of browsers) {
  describe(`province counter in ${name}`, { skip: name === 'firefox' && !existsSync(firefoxPath) && !process.env.CI && `no Firefox at ${firefoxPath}` }, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(() => browser?.close());

    const shown = (page, id) =>
      page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        return Object.fromEntries([...root.querySelectorAll('[part~="value"]')].map((e) => [e.getAttribute('part').split(' ')[1], e.textContent.trim()]));
      }, `#${id}`);

    test('a hostile page counts nothing; the site counts its visit; the province shows the sum', { timeout: 60_000 }, async () => {
      const before = await total('xa');
      const evil = await openPage(browser);
      try {
        await evil.page.goto(`${hostile.url}/hostile.html`, { waitUntil: 'load' });
        await evil.page.evaluate(() => window.done);
        await new Promise((r) => setTimeout(r, 300)); // the beacon is sent after the page asks
        assert.equal(await total('xa'), before, 'a cross-site text/plain POST and a beacon count nothing');
      } finally {
        await evil.close();
      }

      const own = await openPage(browser);
      try {
        // Headless Chromium says "HeadlessChrome", which isbot rightly takes for a robot: browse as the desktop browser.
        const ua = await browser.userAgent();
        if (/Headless/.test(ua)) await own.page.setUserAgent(ua.replace('HeadlessChrome', 'Chrome'));
        await own.page.goto(`${site.url}/visit.html`, { waitUntil: 'load' });
        await settledWidgets(own.page, 'main');
        await until(async () => (await total('xa')) === before + 1, 10_000, 'the visit to be recorded');
        const figures = await shown(own.page, 'own');
        assert.equal(figures.total, (before + 1).toLocaleString('vi-VN'));
        assert.deepEqual(own.errors, []);
      } finally {
        await own.close();
      }

      const province = await openPage(browser);
      try {
        await province.page.goto(`${site.url}/province.html`, { waitUntil: 'load' });
        await settledWidgets(province.page, 'main');
        const expected = Object.values(STARTS).reduce((a, b) => a + b, 0) + (before + 1 - STARTS.xa);
        const figures = await shown(province.page, 'province');
        assert.equal(figures.total, expected.toLocaleString('vi-VN'), 'the sum over the sites');
        assert.equal(figures.today, String(before + 1 - STARTS.xa));
        assert.deepEqual(province.errors, []);
        console.log(`${name}: province total shown ${figures.total}, today ${figures.today}, online ${figures.online}`);
      } finally {
        await province.close();
      }
    });
  });
}

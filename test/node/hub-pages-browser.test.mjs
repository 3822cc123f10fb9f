/**
 * The demo as `npm start` serves it (the hub, no config), in headless
 * Chromium, with its news feed in pages of 30 (next_url): the home page
 * downloads the first page only, and nothing is lost past it — an article
 * whose item is on page 3 shows, a search finds an item of the last page, a
 * day of the last page lists its news. Feed requests are read from the page's
 * Resource Timing entries. Needs `npm run build` (the pages load dist/).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium, openPage, settledWidgets } from './browser-kit.mjs';
import { spawnHub, tempDir } from './hub-kit.ts';

const news = JSON.parse(readFileSync('demo/feeds/news.json', 'utf8'));
const dir = tempDir('portal-hub-pages-');
let hub;
let browser;

before(async () => {
  assert.ok(existsSync('dist/cdn/portal-widgets.js'), 'npm run build first');
  hub = await spawnHub(undefined, { DATA_DIR: path.join(dir, 'data') });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `pathname`, waits for the widgets; resolves with what `read` returns and the news feed's requests (the pages asked for). */
async function open(pathname, read) {
  const { page, errors, close } = await openPage(browser);
  const warnings = [];
  page.on('console', (m) => /preload/i.test(m.text()) && warnings.push(m.text()));
  try {
    await page.goto(`${hub.url}${pathname}`, { waitUntil: 'load' });
    await settledWidgets(page, 'main', 20_000);
    const value = await page.waitForFunction(read, { timeout: 20_000, polling: 100 }).then((h) => h.jsonValue());
    const pages = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === '/demo/feeds/news.json')
        .map((e) => ({ page: new URL(e.name).searchParams.get('page') ?? '1', encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
    );
    if (read.waitForPreloadCheck) await new Promise((r) => setTimeout(r, 4000)); // Chromium warns of an unused preload a few seconds after load
    return { value, pages, errors, warnings };
  } finally {
    await close();
  }
}

describe('the demo with its feed in pages', () => {
  for (const home of ['/demo/', '/demo/en.html'])
    it(`home page ${home}: the first page only, a few KB, once (its preload used)`, async () => {
      const read = () => {
        const list = document.querySelector('#news')?.shadowRoot?.querySelectorAll('li').length;
        const title = document.querySelector('portal-article')?.shadowRoot?.querySelector('h1')?.textContent?.trim();
        return list === 8 && title ? { list, title } : false;
      };
      const { value, pages, errors, warnings } = await open(home, Object.assign(read, { waitForPreloadCheck: true }));
      console.log(`${home} news.json requests: ${JSON.stringify(pages)}; preload warnings: ${warnings.length}`);
      assert.deepEqual(pages.map((p) => p.page), ['1'], 'one request, of the first page: the article, the 8 items and the archive\'s month are on it');
      assert.ok(pages[0].encoded < 8000, `${pages[0].encoded} bytes on the wire`);
      assert.deepEqual(warnings, []);
      assert.ok(value.title);
      assert.deepEqual(errors, []);
    });

  it('an article whose item is on page 3 shows, reading the pages up to it', async () => {
    const item = news.items[75];
    const { value, pages } = await open(`/demo/bai-viet.html?id=${item.id}`, () => document.querySelector('portal-article')?.shadowRoot?.querySelector('h1')?.textContent?.trim() || false);
    assert.equal(value, item.title);
    assert.deepEqual(pages.map((p) => p.page), ['1', '2', '3'], 'the pages up to the item, no more');
  });

  it('a search finds an item on the last page', async () => {
    const last = news.items.at(-1);
    const { value, pages } = await open(`/demo/tin-tuc.html?q=${encodeURIComponent(last.title)}`, () => {
      const links = [...(document.querySelector('#news')?.shadowRoot?.querySelectorAll('li a') ?? [])].map((a) => new URL(a.href).searchParams.get('id'));
      return links.length ? links : false;
    });
    assert.ok(value.includes(last.id), `${last.id} in ${value}`);
    assert.equal(pages.length, Math.ceil(news.items.length / 30), 'a search reads every page');
  });

  it('a day of the last page lists its news (the archive\'s link)', async () => {
    const last = news.items.at(-1);
    const day = last.date_published.slice(0, 10);
    const { value } = await open(`/demo/tin-tuc.html?date=${day}`, () => {
      const links = [...(document.querySelector('#news')?.shadowRoot?.querySelectorAll('li a') ?? [])].map((a) => new URL(a.href).searchParams.get('id'));
      return links.length ? links : false;
    });
    assert.deepEqual(value, news.items.filter((i) => i.date_published.startsWith(day)).map((i) => i.id));
  });
});

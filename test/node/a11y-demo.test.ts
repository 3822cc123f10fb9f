/**
 * Every demo page as readers meet it, served by the reference server, in
 * Chromium and Firefox ESR: axe (WCAG 2.0–2.2 A/AA) finds nothing in light
 * and dark, in Vietnamese and English, at 1280 and 320 CSS px; at 320 px
 * nothing scrolls sideways, with and without the WCAG 1.4.12 text spacing;
 * no request fails or answers 4xx (the demo's video files are real); a file
 * video plays on a click. One page per browser, reloaded only between pages:
 * the states are switched in place (`<html lang>`, the colour scheme, the
 * viewport). Needs the build (dist/), which `npm test` makes first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, matrixBrowsers, reflowProblems, setScheme, settle } from './browser-kit.mjs';
import { spawnHub, tempDir, until, type HubProcess } from './hub-kit.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The demo pages, with the states a reader reaches them in (a filtered list, an article). */
const PAGES = [
  '/demo/',
  '/demo/tin-tuc.html',
  '/demo/tin-tuc.html?date=2024-04-28',
  '/demo/tin-tuc.html?q=hoi+nghi',
  '/demo/bai-viet.html?id=hoi-nghi-giao-ban-mttq-quy-1-2024',
  '/demo/csp.html',
  '/demo/en.html',
];

let server: HubProcess;
before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js')) assert.equal(spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status, 0);
  // The demo as `npm start` serves it: the hub with no config, its second agency included.
  server = await spawnHub(undefined, { DATA_DIR: tempDir() });
  await until(async () => (await fetch(`${server.url}/feeds/tin-tong-hop.json`)).ok, 20_000, 'the merged feed');
});
after(async () => server?.stop());

/** axe on the whole page; evaluated (not a script tag), so the strict-CSP page allows it. */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${AXE};0`);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => `axe ${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Waits for the widgets of a freshly loaded page: defined, rendered, feeds in. */
async function loaded(page: Page): Promise<void> {
  await page.waitForNetworkIdle({ idleTime: 200, timeout: 15000 }).catch(() => {});
  await page.waitForFunction(
    () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('portal-')).every((el) => customElements.get(el.localName) && el.shadowRoot?.childElementCount),
    { timeout: 15000 },
  );
  await settle(page);
}

for (const browserName of (process.env.A11Y_BROWSERS?.split(',') ?? matrixBrowsers()) as string[]) {
  test(`demo pages in ${browserName}: axe in light/dark × vi/en × 1280/320, reflow at 320`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const browser: Browser = await launchBrowser(browserName);
    const page = await browser.newPage();
    const failures: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${(e as Error).message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    page.on('response', (r) => r.url().startsWith(server.url) && r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    let checks = 0;
    try {
      for (const path of PAGES) {
        await page.setViewport({ width: 1280, height: 900 });
        await setScheme(page, browserName, 'light');
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await loaded(page);
        const own = await page.evaluate(() => document.documentElement.lang);
        for (const lang of [own, own === 'en' ? 'vi' : 'en']) {
          await page.evaluate((l) => (document.documentElement.lang = l), lang);
          for (const scheme of ['light', 'dark']) {
            await setScheme(page, browserName, scheme);
            for (const width of [1280, 320]) {
              await page.setViewport({ width, height: 900 });
              await settle(page);
              const state = `${path} ${lang} ${scheme} ${width}px`;
              const problems = await axe(page);
              if (width === 320 && scheme === 'light') problems.push(...(await reflowProblems(page, false)), ...(await reflowProblems(page, true)));
              checks++;
              if (problems.length) failures.push(`${state}:\n    ${problems.join('\n    ')}`);
            }
          }
        }
      }
      // A click on a file video plays it: the clip is real, served by the demo.
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.url}/demo/`, { waitUntil: 'load' });
      await loaded(page);
      const played = await page.evaluate(async () => {
        const list = document.querySelector('portal-video-list')!;
        const button = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item-button"]')].find((b) => b.textContent!.length) as HTMLButtonElement;
        const videos = (list as unknown as { videos: { kind: string; item: { id: string } }[] }).videos;
        const file = videos.find((v) => v.kind === 'file')!;
        await (list as unknown as { play(v: unknown): Promise<void> }).play(file);
        const video = list.shadowRoot!.querySelector('video')!;
        video.muted = true;
        const end = Date.now() + 8000;
        while (video.readyState < 2 && !video.error && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
        return { ready: video.readyState, error: video.error?.code ?? null, src: video.currentSrc, button: !!button };
      });
      assert.equal(played.error, null, `the demo video plays: ${played.src}`);
      assert.ok(played.ready >= 2, `the demo video has data (readyState ${played.ready})`);
    } finally {
      await browser.close();
    }
    console.log(`${browserName}: ${checks} page states checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(errors, [], 'no error and no failed request');
    if (failures.length) assert.fail(`${failures.length} of ${checks} states failed:\n${failures.join('\n')}`);
  });
}

/**
 * Zero layout shift on every demo page, as `npm start` serves it (the hub with
 * no config): Chromium sums the page's `layout-shift` entries (buffered, none
 * after input) from the first paint until the page is settled — every widget
 * defined and showing its data (no skeleton left), fonts and images loaded,
 * then a quiet period — and each page must stay at CLS ≤ 0.01, on a cold
 * cache (a fresh browser context, the CPU 4× slower) and a warm one (reload),
 * at 412 and 1366 CSS px, in Vietnamese and English. The banner (on every
 * page) lays out differently when its text does not move, so the home page is
 * also loaded with `prefers-reduced-motion: reduce`, with the reader's pause
 * remembered, and at 320 px (the narrowest width the product promises).
 * Prints the figures, and the largest shifts' nodes when a page fails. Needs
 * the build (dist/), which `npm test` makes first.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchChromium } from './browser-kit.mjs';
import { spawnHub, tempDir, until } from './hub-kit.ts';

/** The goal the README promises: "zero" as Chromium's "good" bands count it, with room for sub-pixel rounding. */
const MAX_CLS = 0.01;

/** Every demo page (vi, and the English one) in the states readers reach them in. */
const PAGES = [
  '/demo/',
  '/demo/en.html',
  '/demo/csp.html',
  '/demo/tin-tuc.html',
  '/demo/tin-tuc.html?date=2024-04-28',
  '/demo/tin-tuc.html?q=hoi+nghi',
  '/demo/bai-viet.html?id=hoi-nghi-giao-ban-mttq-quy-1-2024',
];
const WIDTHS = [412, 1366];

/** How the reader has the banner: moving (motion allowed), still because they ask for less motion, or paused by them on an earlier page. */
const MOTIONS = {
  moving: { reducedMotion: 'no-preference', paused: false },
  reduced: { reducedMotion: 'reduce', paused: false },
  paused: { reducedMotion: 'no-preference', paused: true },
};

/** Every page at every width with motion allowed; the still banner and 320 px on the home page (the header is the same on every page). */
const CASES = [
  ...PAGES.flatMap((path) => WIDTHS.map((width) => ({ path, width, motion: 'moving' }))),
  { path: '/demo/', width: 320, motion: 'moving' },
  ...[320, 412, 1366].map((width) => ({ path: '/demo/', width, motion: 'reduced' })),
  { path: '/demo/en.html', width: 412, motion: 'reduced' },
  { path: '/demo/', width: 412, motion: 'paused' },
];

/** Quiet time after the page looks settled in which a late shift would still be counted. */
const QUIET_MS = 700;

let server;
let browser;
before(async () => {
  if (!existsSync('dist/cdn/portal-widgets.js')) assert.equal(spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status, 0);
  server = await spawnHub(undefined, { DATA_DIR: tempDir() });
  await until(async () => (await fetch(`${server.url}/feeds/tin-tong-hop.json`)).ok, 20_000, 'the merged feed');
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Installed before any page script: sums every shift from the start (buffered), keeping the largest ones' nodes. */
function observeShifts() {
  const w = window;
  w.__cls = { total: 0, shifts: [] };
  const name = (n) => {
    if (!n) return '?';
    const el = n.nodeType === 1 ? n : n.parentElement;
    if (!el) return '#text';
    const host = el.getRootNode().host;
    const self = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    return host ? `${host.localName} ▸ ${self}` : self;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      w.__cls.total += e.value;
      w.__cls.shifts.push({
        value: e.value,
        at: Math.round(e.startTime),
        nodes: e.sources.map((s) => `${name(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)} h${Math.round(s.previousRect.height)}→${Math.round(s.currentRect.height)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** What the page still waits for: widgets not showing their data (undefined, empty, a skeleton), images due and not loaded, fonts. */
function pending() {
  const widgets = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('portal-'));
  const waiting = widgets
    .filter((el) => !customElements.get(el.localName) || !el.shadowRoot?.childElementCount || el.shadowRoot.querySelector('[part="skeleton"]'))
    .map((el) => `<${el.localName}>`);
  // A lazy image below the fold never loads: only those in the viewport are waited for.
  const due = (img) => img.loading !== 'lazy' || img.getBoundingClientRect().top < innerHeight;
  const images = [...document.images, ...widgets.flatMap((el) => [...(el.shadowRoot?.querySelectorAll('img') ?? [])])].filter((img) => !img.complete && due(img));
  return [...waiting, ...images.map((img) => img.src), ...(document.fonts.status === 'loaded' ? [] : ['fonts'])];
}

/** Waits until nothing is {@link pending} and the network is idle; then a quiet period in which a late shift still counts. */
async function settled(page) {
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 }).catch(() => {});
  const end = Date.now() + 20_000;
  for (let left = await page.evaluate(pending); left.length; left = await page.evaluate(pending)) {
    if (Date.now() > end) throw new Error(`${page.url()} not settled in 20 s: ${left.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, QUIET_MS));
}

/** The shifts summed so far: {total, shifts: [{value, at, nodes}]}. */
const measure = (page) => page.evaluate(() => window.__cls);

test(`demo pages shift ≤ ${MAX_CLS} (CLS), cold and warm cache, at ${WIDTHS.join(' and ')} px, the home page also still (reduced motion, paused) and at 320 px`, { timeout: 900_000 }, async () => {
  const rows = [];
  const failures = [];
  for (const { path, width, motion } of CASES) {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setViewport({ width, height: width < 800 ? 915 : 900 });
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: MOTIONS[motion].reducedMotion }]);
      // The banner's "stop scrolling" choice, as a reader who pressed it on an earlier page has it stored.
      if (MOTIONS[motion].paused) await page.evaluateOnNewDocument(() => localStorage.setItem('portal-widgets:banner-paused', '1'));
      await page.evaluateOnNewDocument(observeShifts);
      const figures = {};
      // The cold load on a phone's CPU (4× slower, as the issue measured): the fallbacks are on screen longer.
      await page.emulateCPUThrottling(4);
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await settled(page);
      figures.cold = await measure(page);
      await page.emulateCPUThrottling(null);
      await page.reload({ waitUntil: 'load' });
      await settled(page);
      figures.warm = await measure(page);
      for (const [cache, f] of Object.entries(figures)) {
        rows.push(`${path.padEnd(58)} ${String(width).padStart(4)} px ${motion.padEnd(7)} ${cache.padEnd(4)} CLS ${f.total.toFixed(4)} (${f.shifts.length} shifts)`);
        if (f.total > MAX_CLS) {
          const worst = [...f.shifts].sort((a, b) => b.value - a.value).slice(0, 4);
          failures.push(`${path} ${width}px ${motion} ${cache}: CLS ${f.total.toFixed(4)}\n${worst.map((s) => `      ${s.value.toFixed(4)} at ${s.at} ms: ${s.nodes.join('; ')}`).join('\n')}`);
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(`Layout shift per demo page (Chromium, goal ≤ ${MAX_CLS}):\n  ${rows.join('\n  ')}`);
  if (failures.length) assert.fail(`${failures.length} of ${rows.length} loads shift more than ${MAX_CLS}:\n  ${failures.join('\n  ')}`);
});

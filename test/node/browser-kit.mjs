/**
 * What the Node tests that drive Chromium share: a static file server on
 * 127.0.0.1, one headless Chromium (Debian's, CHROME_PATH), a fresh browser
 * context per page with console errors collected, and axe-core injected from
 * node_modules.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves `root` on a free localhost port; resolves to {url, close}. */
export function serveStatic(dir) {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/favicon.ico') return res.writeHead(204).end(); // asked for by every page
    let file = path.join(root, path.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end('Not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** One headless Chromium for a whole test file. */
export function launchChromium() {
  if (!existsSync(chromePath))
    throw new Error(`No Chromium at ${chromePath}: sudo apt-get install -y chromium, or set CHROME_PATH.`);
  return puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * A page in a fresh browser context (its own cache, Cache API and storage), with
 * every console error, uncaught exception and failed request collected in `errors`.
 */
export async function openPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Aborted requests are expected (a story's superseded or never-answered feed).
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return { page, errors, close: () => context.close() };
}

/**
 * Runs axe (WCAG 2.0–2.2 A and AA rules) on `selector` in the page, shadow
 * roots included; returns the violations as readable lines.
 */
export async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (sel) => {
    const result = await window.axe.run(document.querySelector(sel) ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
  return violations.map((v) => `axe ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).join(', ')}`);
}

/**
 * Waits until every `portal-*` element under `selector` is defined, has a
 * shadow root with content and has finished updating, and the network is idle.
 * Returns what it found: [{tag, defined, content}].
 */
export async function settledWidgets(page, selector, timeout = 10000) {
  await page.waitForNetworkIdle({ idleTime: 150, timeout }).catch(() => {});
  return page.evaluate(
    async (sel, ms) => {
      const deadline = Date.now() + ms;
      const root = document.querySelector(sel) ?? document.body;
      const widgets = () => [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('portal-'));
      const ready = (el) => customElements.get(el.localName) && el.shadowRoot && el.shadowRoot.childElementCount > 0;
      while (Date.now() < deadline && !(widgets().length && widgets().every(ready))) await new Promise((r) => setTimeout(r, 50));
      for (const el of widgets()) await el.updateComplete;
      // Loaded content may start another update (a lazily imported module): let it settle.
      await new Promise((r) => setTimeout(r, 100));
      for (const el of widgets()) await el.updateComplete;
      return widgets().map((el) => ({
        tag: el.localName,
        defined: !!customElements.get(el.localName),
        content: el.shadowRoot ? el.shadowRoot.childElementCount : -1,
        text: el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '',
      }));
    },
    selector,
    timeout,
  );
}

/** Runs `work(item)` over `items`, `n` at a time. */
export async function pool(items, n, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(n, queue.length) }, async () => {
      while (queue.length) await work(queue.shift());
    }),
  );
}

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The browsers the accessibility matrix runs in: Chromium always, Firefox ESR when installed (FIREFOX=0 leaves it out). */
export const matrixBrowsers = () => ['chromium', ...(process.env.FIREFOX !== '0' && existsSync(firefoxPath) ? ['firefox'] : [])];

/** One headless browser: Chromium (CDP) or Firefox ESR (WebDriver BiDi). */
export function launchBrowser(name) {
  return name === 'firefox' ? puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true }) : launchChromium();
}

/**
 * Puts the page in a light or dark scheme. Chromium: the reader's preference
 * (prefers-color-scheme), which a page declaring `color-scheme: light dark`
 * follows. Firefox through BiDi cannot emulate media features: there the
 * root's `color-scheme` is set, which is what that preference makes the page use.
 */
export async function setScheme(page, browserName, scheme) {
  if (browserName === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  else await page.evaluate((s) => (document.documentElement.style.colorScheme = s === 'dark' ? 'dark' : ''), scheme);
}

/** WCAG 1.4.12's text spacing, as the usual bookmarklet sets it. */
export const TEXT_SPACING =
  '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';

/**
 * Waits until every portal-* element (in shadow roots too) has finished updating,
 * after a language or size change.
 */
export async function settle(page) {
  await page.evaluate(async () => {
    const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    for (let round = 0; round < 2; round++) {
      await new Promise((r) => setTimeout(r, 60));
      for (const el of all(document)) if (el.localName.startsWith('portal-')) await el.updateComplete;
    }
  });
}

/**
 * Horizontal overflow at the current width: the page's, and each portal-*
 * element's (`scrollWidth > clientWidth`), optionally with {@link TEXT_SPACING}
 * applied to the page and inside every shadow root (adopted sheets: allowed
 * under a strict CSP). Returns readable lines.
 */
export async function reflowProblems(page, spacing) {
  return page.evaluate(
    async (css, spacing) => {
      const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      const roots = [document, ...all(document).filter((el) => el.shadowRoot).map((el) => el.shadowRoot)];
      if (spacing) for (const r of roots) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const problems = [];
      const doc = document.scrollingElement;
      if (doc.scrollWidth > doc.clientWidth) problems.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
      for (const el of all(document).filter((e) => e.localName.startsWith('portal-')))
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`<${el.localName}${el.id ? `#${el.id}` : ''}> overflows: ${el.scrollWidth} > ${el.clientWidth}`);
      if (spacing) for (const r of roots) r.adoptedStyleSheets = r.adoptedStyleSheets.filter((s) => s !== sheet);
      return problems.map((p) => (spacing ? `${p} (text spacing)` : p));
    },
    TEXT_SPACING,
    spacing,
  );
}

/** `contents` (TypeScript importing the sources, paths from the repository's root) bundled as one script, for a page's addScriptTag. */
export async function pageScript(contents) {
  const { build } = await import('esbuild');
  const result = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'es2022', logLevel: 'silent' });
  return result.outputFiles[0].text;
}

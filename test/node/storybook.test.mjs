/**
 * Builds the static Storybook once (`npm run build-storybook`) and opens every
 * story listed in its index.json in one headless Chromium: each story renders
 * (its portal-* elements are defined and have a shadow root with content, or
 * none for a story tagged `renders-nothing`), logs no console error, requests
 * nothing from another origin, and passes axe. Stories with `globals: {motion: 'reduce'}`
 * are checked with prefers-reduced-motion emulated, as a reader with that setting sees them.
 * Then the accessibility matrix (issue 14): every story in Chromium and
 * Firefox ESR, in light and dark, vi and en, at 1280 and 320 CSS px, passes
 * axe, and at 320 px no widget overflows its box, with and without the WCAG
 * 1.4.12 text spacing. One page per browser, each story loaded once; the
 * states are switched in place as the toolbar does (`<html lang>`, the root's
 * `color-scheme`, the viewport).
 * SKIP_STORYBOOK_BUILD=1 reuses an existing storybook-static/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { axeViolations, launchBrowser, launchChromium, matrixBrowsers, openPage, pool, reflowProblems, serveStatic, settle, settledWidgets } from './browser-kit.mjs';

const OUT = 'storybook-static';
let server;
let browser;
let stories = [];

before(async () => {
  if (process.env.SKIP_STORYBOOK_BUILD !== '1') {
    const started = Date.now();
    const r = spawnSync('npm', ['run', '--silent', 'build-storybook'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `build-storybook failed:\n${r.stdout}\n${r.stderr}`);
    console.log(`Storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const index = JSON.parse(readFileSync(`${OUT}/index.json`, 'utf8'));
  stories = Object.values(index.entries).filter((e) => e.type === 'story');
  server = await serveStatic(OUT);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('every story renders, logs no error and passes axe', { timeout: 600_000 }, async () => {
  assert.ok(stories.length > 0, 'index.json lists no story');
  const failures = [];
  const started = Date.now();
  await pool(stories, 2, async (entry) => {
    const { page, errors, close } = await openPage(browser);
    // Feeds come from the static fixtures: nothing may leave the Storybook's own origin (a video facade before its click, above all).
    page.on('request', (r) => {
      if (/^https?:/.test(r.url()) && !r.url().startsWith(`${server.url}/`)) errors.push(`request to another origin: ${r.url()}`);
    });
    try {
      await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load' });
      const widgets = await settledWidgets(page, '#storybook-root');
      // The preview's motion global (<html data-motion>): the real media query follows it from here on.
      const motion = await page.evaluate(() => document.documentElement.dataset.motion);
      if (motion === 'reduce') await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const problems = [...errors];
      if (!widgets.length) problems.push('no portal-* element rendered');
      // A story tagged `renders-nothing` shows a state in which the widget takes no room (a banner with no current message).
      const empty = entry.tags?.includes('renders-nothing');
      for (const w of widgets) {
        if (!w.defined) problems.push(`<${w.tag}> is not defined`);
        if (empty ? w.content > 0 : w.content <= 0) problems.push(`<${w.tag}> ${empty ? 'should render nothing' : 'has an empty shadow root'}`);
      }
      const storyError = await page.$eval('body', (b) => b.classList.contains('sb-show-errordisplay') && (document.querySelector('#error-message')?.textContent ?? 'error'));
      if (storyError) problems.push(`Storybook error: ${storyError}`);
      problems.push(...(await axeViolations(page, '#storybook-root')));
      if (problems.length) failures.push(`${entry.id}:\n    ${problems.join('\n    ')}`);
    } catch (e) {
      failures.push(`${entry.id}: ${e.message}`);
    } finally {
      await close();
    }
  });
  console.log(`Checked ${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s (${stories.length - failures.length} clean).`);
  if (failures.length) assert.fail(`${failures.length} of ${stories.length} stories failed:\n${failures.join('\n')}`);
});

for (const browserName of process.env.A11Y_BROWSERS?.split(',') ?? matrixBrowsers()) {
  test(`every story in ${browserName}: axe in light/dark × vi/en × 1280/320, reflow at 320`, { timeout: 900_000 }, async () => {
    const started = Date.now();
    const own = browserName === 'chromium' ? undefined : await launchBrowser(browserName);
    const failures = [];
    let checks = 0;
    try {
      // Two pages at once in Chromium (it runs them in parallel well); one in Firefox.
      const queue = [...stories];
      await pool([0, 1].slice(0, browserName === 'chromium' ? 2 : 1), 2, async () => {
        const { page, close } = await openPage(own ?? browser);
        try {
          while (queue.length) {
            const entry = queue.shift();
            await page.setViewport({ width: 1280, height: 900 });
            await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load' });
            await settledWidgets(page, '#storybook-root');
            const base = await page.evaluate(() => ({ lang: document.documentElement.lang, theme: document.documentElement.dataset.theme }));
            for (const width of [1280, 320]) {
              await page.setViewport({ width, height: 900 });
              for (const lang of [base.lang, base.lang === 'en' ? 'vi' : 'en']) {
                await page.evaluate((l) => (document.documentElement.lang = l), lang);
                await settle(page);
                for (const scheme of [base.theme, base.theme === 'dark' ? 'light' : 'dark']) {
                  await page.evaluate((s) => (document.documentElement.style.colorScheme = s), scheme);
                  const problems = await axeViolations(page, '#storybook-root');
                  if (width === 320 && scheme === base.theme) problems.push(...(await reflowProblems(page, false)), ...(await reflowProblems(page, true)));
                  checks++;
                  if (problems.length) failures.push(`${entry.id} ${lang} ${scheme} ${width}px:\n    ${problems.join('\n    ')}`);
                }
              }
            }
          }
        } finally {
          await close();
        }
      });
    } finally {
      await own?.close();
    }
    console.log(`${browserName}: ${checks} story states (${stories.length} stories) checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failures.length) assert.fail(`${failures.length} of ${checks} story states failed:\n${failures.join('\n')}`);
  });
}

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

/**
 * The accessibility matrix of a loaded story: axe in light and dark, vi and en,
 * at 1280 and 320 px, and at 320 px the reflow checks with and without text
 * spacing, switched in place as the toolbar does (`<html lang>`, the root's
 * `color-scheme`, the viewport). Returns the problems, each naming its state.
 */
async function storyStates(page) {
  const problems = [];
  const base = await page.evaluate(() => ({ lang: document.documentElement.lang, theme: document.documentElement.dataset.theme }));
  for (const width of [1280, 320]) {
    await page.setViewport({ width, height: 900 });
    for (const lang of [base.lang, base.lang === 'en' ? 'vi' : 'en']) {
      await page.evaluate((l) => (document.documentElement.lang = l), lang);
      await settle(page);
      for (const scheme of [base.theme, base.theme === 'dark' ? 'light' : 'dark']) {
        await page.evaluate((s) => (document.documentElement.style.colorScheme = s), scheme);
        // Storybook's a11y addon may be running axe in the story itself: wait for it, then run ours.
        let found;
        for (let attempt = 0; !found; attempt++) {
          try {
            found = await axeViolations(page, '#storybook-root');
          } catch (e) {
            if (attempt > 20 || !/already running/.test(e.message)) throw e;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
        if (width === 320 && scheme === base.theme) found.push(...(await reflowProblems(page, false)), ...(await reflowProblems(page, true)));
        problems.push(...found.map((f) => `${lang} ${scheme} ${width}px: ${f}`));
      }
    }
  }
  return problems;
}

test('every story renders, logs no error and passes axe in Chromium, in light/dark × vi/en × 1280/320, reflow at 320', { timeout: 600_000 }, async () => {
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
      problems.push(...(await storyStates(page)));
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

// The same matrix in the other browsers (Firefox ESR): one page, each story loaded once.
for (const browserName of (process.env.A11Y_BROWSERS?.split(',') ?? matrixBrowsers()).filter((b) => b !== 'chromium')) {
  test(`every story in ${browserName}: axe in light/dark × vi/en × 1280/320, reflow at 320`, { timeout: 900_000 }, async () => {
    const started = Date.now();
    const other = await launchBrowser(browserName);
    const failures = [];
    try {
      const { page, close } = await openPage(other);
      try {
        for (const entry of stories) {
          await page.setViewport({ width: 1280, height: 900 });
          await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`, { waitUntil: 'load' });
          await settledWidgets(page, '#storybook-root');
          const problems = await storyStates(page);
          if (problems.length) failures.push(`${entry.id}:\n    ${problems.join('\n    ')}`);
        }
      } finally {
        await close();
      }
    } finally {
      await other.close();
    }
    console.log(`${browserName}: ${stories.length * 8} story states (${stories.length} stories) checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (failures.length) assert.fail(`${failures.length} of ${stories.length} stories failed:\n${failures.join('\n')}`);
  });
}

/**
 * Browser tests: real Chromium from Debian (CHROME_PATH, else /usr/bin/chromium),
 * and Firefox ESR when FIREFOX=1 (or `--firefox`), fixtures over real HTTP with
 * fault injection (test/server/fault-middleware.mjs).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { existsSync } from 'node:fs';
import { faultMiddleware } from './test/server/fault-middleware.mjs';
import { heapPlugin } from './test/server/heap-plugin.mjs';
import { hostileFeedsMiddleware } from './test/server/hostile-feeds.mjs';
import { totalsReporter } from './test/server/totals-reporter.mjs';

const which = process.env.WTR_BROWSER ?? 'chromium';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const binary = which === 'firefox' ? firefoxPath : chromePath;
if (!existsSync(binary)) {
  throw new Error(
    which === 'firefox'
      ? `No Firefox at ${firefoxPath}. Install it with \`sudo apt-get install -y firefox-esr\`, or set FIREFOX_PATH.`
      : `No Chromium at ${chromePath}. Install it with \`sudo apt-get install -y chromium\` ` +
          '(Debian/Ubuntu), or point CHROME_PATH at a Chrome or Chromium binary.',
  );
}

const chromium = () => [
  chromeLauncher({
    // A window of its own per test page: a background tab gets no animation frames,
    // and open-wc's fixture() waits for one.
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    launchOptions: {
      executablePath: chromePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Test pages run side by side: none may be throttled as a background tab (rAF, timers).
        '--disable-background-timer-throttling',
        '--disable-backgrounding-occluded-windows',
        '--disable-renderer-backgrounding',
      ],
    },
  }),
];

// Firefox ESR from Debian through puppeteer (WebDriver BiDi); its own download is skipped (.puppeteerrc.cjs).
const firefox = async () => {
  const { puppeteerLauncher } = await import('@web/test-runner-puppeteer');
  return [puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } })];
};

const browsers = which === 'firefox' ? await firefox() : chromium();

/**
 * `executeServerCommand('emulate-timezone', {zone})` sets the test page's own
 * time zone (puppeteer's page.emulateTimezone; `zone` undefined restores it).
 * Answers false where the browser cannot (the test then skips with a reason).
 */
const timezonePlugin = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    try {
      await session.browser.getPage(session.id).emulateTimezone(payload?.zone);
      return true;
    } catch {
      return false;
    }
  },
};

export default {
  // test/node/ holds Node tests (node --test, run by scripts/test.mjs), not browser ones.
  files: process.env.WTR_FILES?.split(',') ?? ['test/**/*.test.ts', '!test/node/**'],
  // Benchmarks measure what readers get: Lit's production build.
  nodeResolve: process.env.WTR_BENCH ? { exportConditions: ['production'] } : true,
  concurrency: which === 'firefox' ? 1 : 2,
  browsers,
  testFramework: { config: { timeout: process.env.WTR_BENCH ? 600000 : 15000 } },
  testsFinishTimeout: 300000,
  browserStartTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), timezonePlugin, heapPlugin],
  middleware: [faultMiddleware, hostileFeedsMiddleware],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), totalsReporter({ file: process.env.WTR_TOTALS })],
};

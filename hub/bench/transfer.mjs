/**
 * `npm run bench:transfer`: the bytes each demo page downloads from the hub
 * (`npm start`'s demo, started here on a free port), as a cold headless
 * Chromium sees them: HTML, JS, feeds (JSON Feed and documents) and the rest,
 * each as sent on the wire (encoded) and after decompression (decoded), from
 * the Resource Timing entries once the network is idle. Prints figures;
 * passes or fails nothing. Needs `npm run build` (the pages load dist/).
 *
 * Env: CHROME_PATH (default /usr/bin/chromium), ENCODING (an Accept-Encoding
 * to force, e.g. `identity` for the uncompressed figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../test/node/browser-kit.mjs';
import { spawnHub } from '../../test/node/hub-kit.ts';

const PAGES = ['/demo/', '/demo/en.html', '/demo/tin-tuc.html', '/demo/bai-viet.html?id=tin-120', '/demo/csp.html'];

const kindOf = (url, initiator) => {
  const p = new URL(url).pathname;
  if (initiator === 'navigation') return 'html';
  if (/\.m?js$/.test(p)) return 'js';
  if (p.startsWith('/feeds/') || p.startsWith('/documents/') || /^\/demo\/feeds\/[^/]+\.json$/.test(p)) return 'feeds';
  return 'other';
};

const dir = mkdtempSync(path.join(tmpdir(), 'portal-hub-transfer-'));
const hub = await spawnHub(undefined, { DATA_DIR: path.join(dir, 'data') });
const browser = await launchChromium();
try {
  // The hub's merged feed is ready once its first fetches are done.
  for (let i = 0; i < 100 && !(await (await fetch(`${hub.url}/feeds/tin-tong-hop.json`)).json()).items.length; i++) await new Promise((r) => setTimeout(r, 100));
  const kB = (n) => (n / 1000).toFixed(1).padStart(7);
  console.log(`Demo transfer sizes (cold cache, Chromium${process.env.ENCODING ? `, Accept-Encoding: ${process.env.ENCODING}` : ''}), kB encoded / decoded:`);
  console.log(`${'page'.padEnd(34)} ${['html', 'js', 'feeds', 'other', 'total'].map((k) => k.padStart(17)).join('')}  requests`);
  for (const p of PAGES) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    if (process.env.ENCODING) await page.setExtraHTTPHeaders({ 'accept-encoding': process.env.ENCODING });
    await page.goto(`${hub.url}${p}`, { waitUntil: 'networkidle0', timeout: 60_000 });
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        url: e.name,
        initiator: e.entryType === 'navigation' ? 'navigation' : e.initiatorType,
        encoded: e.encodedBodySize,
        decoded: e.decodedBodySize,
      })),
    );
    await context.close();
    const sums = { html: [0, 0], js: [0, 0], feeds: [0, 0], other: [0, 0], total: [0, 0] };
    for (const e of entries)
      for (const k of [kindOf(e.url, e.initiator), 'total']) {
        sums[k][0] += e.encoded;
        sums[k][1] += e.decoded;
      }
    console.log(`${p.padEnd(34)} ${Object.values(sums).map(([enc, dec]) => `${kB(enc)} /${kB(dec)}`).join('')}  ${entries.length}`);
  }
} finally {
  await browser.close();
  await hub.stop();
  rmSync(dir, { recursive: true, force: true });
}

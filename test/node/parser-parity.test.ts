/**
 * Node and browser read feeds with the same code (issues 10 and 11): every test
 * fixture is decoded and parsed through the Node path (@xmldom/xmldom behind
 * src/cli/xml-dom.ts) and, in headless Chromium, through the browser's own
 * DOMParser, and the two readings are compared item by item. Also the corpus of
 * real feeds in ../shared/feeds-corpus when it is there (outside the repository).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { useNodeXmlParser } from '../../src/cli/xml-dom.js';
import { toPortalError } from '../../src/core/errors.js';
import { decodeBody } from '../../src/core/formats/charset.js';
import { parseFieldMap } from '../../src/core/formats/field-map.js';
import { parseNews } from '../../src/core/formats/news.js';
import { launchChromium, pageScript } from './browser-kit.mjs';

const FIXTURES = 'test/fixtures';
/** How the test server would serve a fixture: its charset only in the header where the fixture needs it. */
const TYPES: Record<string, string> = { 'real-world/charset-latin1.xml': 'application/rss+xml; charset=iso-8859-1' };
const MAPS: Record<string, string> = { 'cms.json': '{"items":"data.list","id":"Ma","title":"TieuDe","date_published":"NgayDang","url":"LienKet","image":"AnhDaiDien"}' };

const fixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .map((f) => f.replaceAll('\\', '/'))
  .filter((f) => /\.(json|xml)$/.test(f))
  .sort();

type Reading = { error: string } | { feed: unknown };

/** A reading as plain JSON (dates as ISO strings); a parse error is compared by its code: each engine words it its own way. */
async function read(bytes: Uint8Array, type: string | undefined, map: string | undefined, url: string): Promise<Reading> {
  try {
    const feed = await parseNews(decodeBody(bytes, type), url, map ? parseFieldMap(map) : undefined);
    return { feed: JSON.parse(JSON.stringify(feed)) };
  } catch (e) {
    const error = toPortalError(e);
    return { error: error.code === 'parse' ? 'parse' : `${error.code}: ${error.detail}` };
  }
}

let browser: Browser;
let page: Page;

before(async () => {
  useNodeXmlParser();
  // The same modules, bundled for the page: the browser path is the browser's DOMParser.
  const script = await pageScript(`import { decodeBody } from './src/core/formats/charset.ts';
        import { parseFieldMap } from './src/core/formats/field-map.ts';
        import { parseNews } from './src/core/formats/news.ts';
        import { toPortalError } from './src/core/errors.ts';
        window.parity = { decodeBody, parseFieldMap, parseNews, toPortalError };`);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addScriptTag({ content: script });
});
after(() => browser?.close());

/** The browser path's reading of the same bytes. */
function readInBrowser(bytes: Uint8Array, type: string | undefined, map: string | undefined, url: string): Promise<Reading> {
  return page.evaluate(
    async (b64: string, type?: string, map?: string, url?: string) => {
      const p = (window as unknown as { parity: Record<string, (...a: unknown[]) => unknown> }).parity;
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      try {
        const feed = await p.parseNews(p.decodeBody(bytes, type), url, map ? p.parseFieldMap(map) : undefined);
        return { feed: JSON.parse(JSON.stringify(feed)) };
      } catch (e) {
        const error = p.toPortalError(e) as { code: string; detail: string };
        return { error: error.code === 'parse' ? 'parse' : `${error.code}: ${error.detail}` };
      }
    },
    Buffer.from(bytes).toString('base64'),
    type,
    map,
    url,
  ) as Promise<Reading>;
}

async function compare(name: string, bytes: Uint8Array, type?: string, map?: string): Promise<Reading> {
  const url = `https://example.gov.vn/feeds/${name}`;
  const node = await read(bytes, type, map, url);
  const chromium = await readInBrowser(bytes, type, map, url);
  if ('feed' in node && 'feed' in chromium) {
    const [n, c] = [node.feed, chromium.feed] as { items: unknown[] }[];
    assert.equal(c.items.length, n.items.length, `${name}: item count`);
    n.items.forEach((item, i) => {
      for (const key of new Set([...Object.keys(item as object), ...Object.keys(c.items[i] as object)])) {
        const [a, b] = [(item as Record<string, unknown>)[key], (c.items[i] as Record<string, unknown>)[key]].map((v) => JSON.stringify(v));
        if (a !== b) assert.fail(`${name}: items[${i}].${key} differs\n  node:     ${a?.slice(0, 300)}\n  chromium: ${b?.slice(0, 300)}`);
      }
    });
  }
  if (JSON.stringify(chromium) !== JSON.stringify(node)) assert.fail(`${name}: ${JSON.stringify(node).slice(0, 400)}\n  chromium: ${JSON.stringify(chromium).slice(0, 400)}`);
  return node;
}

describe('core runs in Node', () => {
  test('every module of src/core imports without document, window or DOMParser', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.equal(typeof (globalThis as { DOMParser?: unknown }).DOMParser, 'undefined');
    const modules = readdirSync('src/core', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const m of modules) await import(path.resolve('src/core', m));
    assert.ok(modules.length > 30, `${modules.length} modules`);
  });
});

describe('Node and browser parse every fixture alike', () => {
  test(`${fixtures.length} fixtures, item by item`, async () => {
    let items = 0;
    for (const f of fixtures) {
      const reading = await compare(f, new Uint8Array(readFileSync(path.join(FIXTURES, f))), TYPES[f], MAPS[f]);
      if ('feed' in reading) items += (reading.feed as { items: unknown[] }).items.length;
    }
    console.log(`parity: ${fixtures.length} fixtures, ${items} items read identically`);
    assert.ok(items > 100, 'the fixtures hold items');
  });

  // Beside the checkout (../shared), or beside the worktrees' folder; FEEDS_CORPUS names another place.
  const corpus = [process.env.FEEDS_CORPUS, '../shared/feeds-corpus', '../../shared/feeds-corpus'].find((d) => d && existsSync(d)) ?? '';
  test('the shared corpus of real feeds, when present', { skip: !corpus && 'no ../shared/feeds-corpus here' }, async () => {
    const sources = new Map<string, string>((JSON.parse(readFileSync(path.join(corpus, 'SOURCES.json'), 'utf8')) as { id: string; contentType: string }[]).map((s) => [s.id, s.contentType]));
    let items = 0;
    for (const f of readdirSync(corpus).filter((f) => sources.has(f))) {
      const reading = await compare(f, new Uint8Array(readFileSync(path.join(corpus, f))), sources.get(f));
      if ('feed' in reading) items += (reading.feed as { items: unknown[] }).items.length;
    }
    console.log(`parity: ${sources.size} corpus documents, ${items} items read identically`);
  });
});

/**
 * The hub's sanitizer (hub/src/html-sanitize.ts: core's sanitize on a jsdom
 * window) gives the HTML that the article's gives in a browser: the hostile
 * and ordinary cases of the hub's tests, the content_html of every test
 * fixture and, when it is there, of every feed in ../shared/feeds-corpus,
 * sanitized in Node and in headless Chromium and Firefox ESR, compared string
 * by string. The one difference allowed is white space at either end: a
 * leading `&#32;` that Chromium keeps and jsdom and Firefox drop (2 bodies of
 * the corpus's 1,869).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { sanitizeAll, type HtmlToSanitize } from '../../hub/src/html-sanitize.js';
import { useNodeXmlParser } from '../../src/cli/xml-dom.js';
import { decodeBody } from '../../src/core/formats/charset.js';
import { parseNews } from '../../src/core/formats/news.js';
import { launchChromium } from './browser-kit.mjs';
import { ARTICLE, HOSTILE } from './hub-html-cases.js';

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const browsers: { name: string; browser?: Browser; page?: Page; launch: () => Promise<Browser> }[] = [
  { name: 'chromium', launch: launchChromium },
  { name: 'firefox', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true }) },
];

before(async () => {
  useNodeXmlParser();
  const bundle = await build({
    stdin: {
      contents: `import { sanitize } from './src/core/sanitizer.ts';
        window.sanitizeAll = (list) => list.map(({ html, base }) => {
          const holder = document.createElement('div');
          holder.append(sanitize(html, base));
          return holder.innerHTML;
        });`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  for (const b of browsers) {
    b.browser = await b.launch();
    b.page = await b.browser.newPage();
    await b.page.addScriptTag({ content: bundle.outputFiles[0].text });
  }
});
after(() => Promise.all(browsers.map((b) => b.browser?.close())));

/** The HTML of every item of the documents in `dir` that parse (the others are the readers' tests' business). */
async function htmlOf(dir: string, files: string[]): Promise<HtmlToSanitize[]> {
  const out: HtmlToSanitize[] = [];
  for (const f of files) {
    const url = `https://example.gov.vn/feeds/${f}`;
    const feed = await parseNews(decodeBody(new Uint8Array(readFileSync(path.join(dir, f))), undefined), url).catch(() => undefined);
    for (const item of feed?.items ?? []) if (item.contentHtml) out.push({ html: item.contentHtml, base: item.url ?? url });
  }
  return out;
}

async function assertSame(list: HtmlToSanitize[], what: string): Promise<void> {
  const node = await sanitizeAll(list);
  for (const { name, page } of browsers) {
    const theirs = (await page!.evaluate((l) => (window as unknown as { sanitizeAll: (l: HtmlToSanitize[]) => string[] }).sanitizeAll(l), list)) as string[];
    let atEnds = 0;
    list.forEach((_, i) => {
      if (node[i] === theirs[i]) return;
      atEnds++;
      assert.equal(node[i].trim(), theirs[i].trim(), `${what}, item ${i}: node and ${name} differ\n  input: ${list[i].html.slice(0, 300)}`);
    });
    console.log(`parity: ${what}: ${list.length} HTML bodies sanitized alike in Node and ${name}${atEnds ? ` (${atEnds} but for white space at an end)` : ''}`);
  }
}

describe("the hub's sanitizer and the article's in a browser", () => {
  test('the hostile and ordinary cases', async () => {
    const base = 'https://agency.example/tin/1.html';
    await assertSame([{ html: HOSTILE, base }, { html: ARTICLE, base }, { html: HOSTILE + ARTICLE, base: 'https://agency.example/a/b/' }], 'the cases');
  });

  test('the test fixtures', async () => {
    const dir = 'test/fixtures';
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(json|xml)$/.test(f));
    const list = await htmlOf(dir, files);
    assert.ok(list.length > 10, `${list.length} items with HTML in the fixtures`);
    await assertSame(list, 'the fixtures');
  });

  // Beside the checkout (../shared), or beside the worktrees' folder; FEEDS_CORPUS names another place.
  const corpus = [process.env.FEEDS_CORPUS, '../shared/feeds-corpus', '../../shared/feeds-corpus'].find((d) => d && existsSync(d)) ?? '';
  test('the shared corpus of real feeds, when present', { skip: !corpus && 'no ../shared/feeds-corpus here' }, async () => {
    const list = await htmlOf(corpus, readdirSync(corpus).filter((f) => /\.(json|xml|rss|atom)$/.test(f) && f !== 'SOURCES.json'));
    await assertSame(list, 'the corpus');
  });
});

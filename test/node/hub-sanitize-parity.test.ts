/**
 * The hub's sanitizer (hub/src/html-sanitize.ts: core's sanitize on a jsdom
 * window) gives the HTML that the article's gives in a browser: the hostile
 * and ordinary cases of the hub's tests, the article's XSS corpus (which its
 * browser test proves never runs there), the content_html of every test
 * fixture and, when it is there, of every feed in ../shared/feeds-corpus,
 * sanitized in Node and in headless Chromium and Firefox ESR, compared string
 * by string: each must be what at least one of the browsers makes of it (they
 * differ from each other on a few: a leading `&#32;` Chromium keeps, a
 * malformed SVG/paragraph vector Firefox parses its own way).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSDOM } from 'jsdom';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { sanitizeAll, type HtmlToSanitize } from '../../hub/src/html-sanitize.js';
import { useNodeXmlParser } from '../../src/cli/xml-dom.js';
import { decodeBody } from '../../src/core/formats/charset.js';
import { parseNews } from '../../src/core/formats/news.js';
import { launchChromium, pageScript } from './browser-kit.mjs';
import { xssCorpus } from '../components/article/xss-corpus.js';
import { ARTICLE, HOSTILE } from './hub-html-cases.js';

/** Elements that run, load or restyle something, or hold content that re-parses: never in the output. */
const HOSTILE_TAGS = /^(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|select|textarea|svg|math|template|noscript|xmp|link|meta|base|video|audio|marquee|details)$/;

const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const browsers: { name: string; browser?: Browser; page?: Page; launch: () => Promise<Browser> }[] = [
  { name: 'chromium', launch: launchChromium },
  { name: 'firefox', launch: () => puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath, headless: true }) },
];

before(async () => {
  useNodeXmlParser();
  const script = await pageScript(`import { sanitize } from './src/core/sanitizer.ts';
        window.sanitizeAll = (list) => list.map(({ html, base }) => {
          const holder = document.createElement('div');
          holder.append(sanitize(html, base));
          return holder.innerHTML;
        });`);
  for (const b of browsers) {
    b.browser = await b.launch();
    b.page = await b.browser.newPage();
    await b.page.addScriptTag({ content: script });
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

/**
 * Node's HTML must be the same as at least one browser's, body by body: a difference in the policy would
 * show in both; the browsers' parsers differ on a few malformed bodies (counted and printed).
 */
async function assertSame(list: HtmlToSanitize[], what: string): Promise<void> {
  const node = await sanitizeAll(list);
  const theirs = await Promise.all(
    browsers.map(({ page }) => page!.evaluate((l) => (window as unknown as { sanitizeAll: (l: HtmlToSanitize[]) => string[] }).sanitizeAll(l), list) as Promise<string[]>),
  );
  const differ = browsers.map(() => 0);
  list.forEach((_, i) => {
    theirs.forEach((t, b) => t[i] !== node[i] && differ[b]++);
    if (!theirs.some((t) => t[i] === node[i]))
      assert.fail(`${what}, item ${i}: node differs from every browser\n  input: ${list[i].html.slice(0, 300)}\n  node: ${node[i].slice(0, 300)}\n${browsers.map((b, n) => `  ${b.name}: ${theirs[n][i].slice(0, 300)}`).join('\n')}`);
  });
  console.log(`parity: ${what}: ${list.length} HTML bodies, each as a browser sanitizes it (differing from ${browsers.map((b, n) => `${b.name} in ${differ[n]}`).join(', ')})`);
}

describe("the hub's sanitizer and the article's in a browser", () => {
  test('the hostile and ordinary cases', async () => {
    const base = 'https://agency.example/tin/1.html';
    await assertSame([{ html: HOSTILE, base }, { html: ARTICLE, base }, { html: HOSTILE + ARTICLE, base: 'https://agency.example/a/b/' }], 'the cases');
  });

  test("the article's XSS corpus", async () => {
    const vectors = xssCorpus((id) => `alert(${id})`);
    const list = vectors.map((v) => ({ html: v.html, base: 'https://agency.example/tin/1.html' }));
    await assertSame(list, 'the XSS corpus');
    // Read back as a browser would: no element or attribute that runs or styles anything, every URL a web one.
    const clean = await sanitizeAll(list);
    const { document } = new JSDOM('').window;
    vectors.forEach((v, i) => {
      const template = document.createElement('template');
      template.innerHTML = clean[i];
      for (const el of template.content.querySelectorAll('*')) {
        assert.doesNotMatch(el.localName, HOSTILE_TAGS, `vector ${v.id} (${v.cls}): ${v.html}`);
        for (const a of el.attributes) {
          assert.doesNotMatch(a.name, /^on|^style$|:/, `vector ${v.id}: ${a.name}`); // handlers, styles, xlink:href
          if (['href', 'src', 'cite'].includes(a.name)) assert.match(a.value, /^(https?:\/\/|mailto:|tel:)/, `vector ${v.id}: ${a.name}=${a.value}`);
        }
      }
    });
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

/**
 * Issue 17's bounds in Node: the hub and the feed checker parse with the same
 * code as the widgets (XML through @xmldom/xmldom), so the same hostile inputs
 * (test/server/hostile-feeds.mjs) must be bounded the same way here. Prints the
 * parse time and heap growth per input.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useNodeXmlParser } from '../../src/cli/xml-dom.js';
import { warningText, type ParseWarning } from '../../src/core/formats/warnings.js';
import { PortalError } from '../../src/core/errors.js';
import { parseNews } from '../../src/core/formats/news.js';
import { limitText, LIMITS } from '../../src/core/limits.js';
import { capText, overBytes } from '../../src/core/limits/fields.js';
import { flattenDeepHtml } from '../../src/core/limits/html.js';
import { refuseXmlEntities } from '../../src/core/limits/xml.js';
import type { Feed } from '../../src/core/model.js';
import { hostileFeed } from '../server/hostile-feeds.mjs';

useNodeXmlParser();
const texts = (warnings: ParseWarning[]) => warnings.map(warningText);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const BASE = 'https://example.gov.vn/feed';
const MB = 1024 * 1024;

/** Parses hostile feed `name`, printing how long it took and how much the heap grew. */
async function parseHostile(name: string): Promise<Feed> {
  const text = (await hostileFeed(name)).toString('utf8');
  gc();
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  try {
    return await parseNews(text, BASE);
  } finally {
    const ms = Math.round(performance.now() - start);
    gc();
    console.log(`[hostile-feeds] node ${name}: ${ms} ms, heap +${((process.memoryUsage().heapUsed - heap) / MB).toFixed(1)} MB`);
  }
}

/** Depth of the deepest element in `html`, counted by its tags (no void elements in these inputs). */
function depthOf(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing] of html.matchAll(/<(\/?)[a-z][^>]*>/gi)) deepest = Math.max(deepest, (depth += closing ? -1 : 1));
  return deepest;
}

describe('hostile feeds in Node (issue 17)', () => {
  test('an entity bomb is refused with a format error before the XML parser runs', async () => {
    await assert.rejects(parseHostile('entity-bomb'), (e: unknown) => e instanceof PortalError && e.code === 'format' && /entities/.test(e.detail));
  });

  test('50 MB of content_html is dropped, with a warning, and the item kept', async () => {
    const feed = await parseHostile('huge-content');
    assert.equal(feed.items.length, 1);
    assert.equal(feed.items[0].contentHtml, undefined);
    assert.equal(feed.items[0].contentTooLarge, true);
    assert.equal(feed.items[0].url, 'https://example.gov.vn/bai-viet/rat-dai.html');
    assert.deepEqual(texts(feed.warnings), [`items[0].content_html: too large (more than ${LIMITS.contentBytes} bytes: not rendered, linked to the original)`]);
  });

  test('100,000 nested <div> are unwrapped below the depth limit, the text kept', async () => {
    const feed = await parseHostile('deep-html');
    const warnings: ParseWarning[] = [];
    const flat = flattenDeepHtml(feed.items[0].contentHtml!, (w) => warnings.push(w));
    assert.equal(depthOf(flat), LIMITS.htmlDepth);
    assert.ok(flat.endsWith('Nội dung ở đáy'));
    assert.deepEqual(texts(warnings), [`content_html: too deep (elements nested deeper than ${LIMITS.htmlDepth}: ${100_000 - LIMITS.htmlDepth} tags unwrapped, their text kept)`]);
  });

  test('a 1 MB Vietnamese title is cut to the title length, with a warning', async () => {
    const feed = await parseHostile('long-title');
    const title = feed.items[0].title;
    assert.equal(title.length, LIMITS.titleChars);
    assert.ok(title.startsWith('Hội nghị tổng kết') && title.endsWith('…'));
    assert.match(warningText(feed.warnings[0]), /^items\[0\]\.title: too long \(\d+ characters, cut to 500\)$/);
  });

  for (const name of ['million-items', 'million-items-rss']) {
    test(`${name}: the first 10,000 items (the newest) are read, the rest never parsed`, async () => {
      const feed = await parseHostile(name);
      assert.equal(feed.items.length, LIMITS.items);
      assert.equal(feed.items[0].title, 'Tin số 0');
      assert.equal(feed.items.at(-1)!.title, `Tin số ${LIMITS.items - 1}`);
      assert.deepEqual(texts(feed.warnings), [`items: too many items (more than ${LIMITS.items}: the first ${LIMITS.items} (the newest) read, the rest not parsed)`]);
    });
  }
});

describe('the bounds, one by one', () => {
  const refused = (xml: string) => assert.throws(() => refuseXmlEntities(xml), (e: unknown) => e instanceof PortalError && e.code === 'format');

  test('entity declarations are refused however the DOCTYPE is written; other DOCTYPEs pass', () => {
    refused('<!DOCTYPE rss [<!ENTITY a "x">]><rss/>');
    refused('\uFEFF  <?xml version="1.0"?>\n<!-- c --><!doctype rss [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]><rss>&x;</rss>');
    refused('<!DOCTYPE rss SYSTEM "a[b>" [<!ENTITY % p "x">]><rss/>');
    refused('<!DOCTYPE rss [<!ATTLIST rss a CDATA "]>">\n<!ENTITY a "x">]><rss/>');
    for (const ok of [
      '<rss version="2.0"><channel><description><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></description></channel></rss>',
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>',
      '<!DOCTYPE feed [<!ATTLIST feed a CDATA "x">]><feed/>',
    ])
      assert.doesNotThrow(() => refuseXmlEntities(ok));
  });

  test('text is cut between whole characters, and only when over the limit', () => {
    const warnings: ParseWarning[] = [];
    assert.equal(capText('abc', 3, 'p', warnings), 'abc');
    assert.equal(capText('ab😀c', 3, 'p', warnings), 'ab…');
    assert.deepEqual(texts(warnings), ['p: too long (5 characters, cut to 3)']);
  });

  test('UTF-8 bytes are counted without encoding: Vietnamese letters are 2 or 3 bytes', () => {
    assert.equal(overBytes('ệ'.repeat(333), 1000), false);
    assert.equal(overBytes('ệ'.repeat(334), 1000), true);
    assert.equal(overBytes('😀'.repeat(250), 1000), false);
    assert.equal(overBytes('😀'.repeat(251), 1000), true);
  });

  test('JSON arrays beyond the item count are closed after it; strings with commas and brackets are skipped whole', async () => {
    const saved = LIMITS.items;
    LIMITS.items = 3;
    try {
      const doc = { a: ['x,"]', 'y\\",[', 'z', 'w', 'v'], b: [[1, 2, 3, 4], 2], c: { d: [1, 2, 3] } };
      const { text, itemsCut } = await limitText(JSON.stringify(doc));
      assert.equal(itemsCut, true);
      assert.deepEqual(JSON.parse(text), { a: ['x,"]', 'y\\",[', 'z'], b: [[1, 2, 3], 2], c: { d: [1, 2, 3] } });
      const entry = '<entry><title>e</title><x:entry>not an entry</x:entry></entry>';
      const atom = `<feed xmlns:x="urn:x"><title>t</title>${entry.repeat(5)}<link href="x"/></feed>`;
      assert.equal((await limitText(atom)).text, `<feed xmlns:x="urn:x"><title>t</title>${entry.repeat(3)}<link href="x"/></feed>`);
      const few = JSON.stringify({ items: [1, 2, 3] });
      assert.deepEqual(await limitText(few), { text: few, itemsCut: false, marked: false });
    } finally {
      LIMITS.items = saved;
    }
  });

  test('a string or text run too long for any field is never handed to the parser: the field is dropped, the item kept', async () => {
    const saved = LIMITS.contentBytes;
    LIMITS.contentBytes = 100;
    try {
      const big = 'a&amp;b '.repeat(200);
      const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'T', url: 'https://e.vn/1', content_text: big }] });
      const fromJson = await parseNews(json, BASE);
      assert.equal(fromJson.items[0].contentText, undefined);
      assert.equal(fromJson.items[0].contentTooLarge, true);
      const longUrl = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'T', url: `https://e.vn/${'a'.repeat(1000)}` }] });
      assert.equal((await parseNews(longUrl, BASE)).items[0].url, undefined);
      for (const body of [big, `<![CDATA[${big}]]>`]) {
        const rss = await parseNews(`<rss><channel><item><title>T</title><link>https://e.vn/1</link><description>${body}</description></item></channel></rss>`, BASE);
        assert.deepEqual([rss.items[0].title, rss.items[0].summary, rss.items[0].contentText, rss.items[0].contentHtml, rss.items[0].contentTooLarge], ['T', undefined, undefined, undefined, true]);
        assert.deepEqual(texts(rss.warnings), ['items[0].summary: too large (more than 100 bytes: not rendered, linked to the original)', 'items[0].content_text: too large (more than 100 bytes: not rendered, linked to the original)']);
      }
    } finally {
      LIMITS.contentBytes = saved;
    }
  });

  test('a long XML feed is parsed in slices that join into the same feed, warnings numbered as in the whole', async () => {
    const item = (i: number) => (i === 700 ? '<item><pubDate>never</pubDate></item>' : `<item><title>Tin ${i}</title><guid>g${i}</guid></item>`);
    const xml = `<rss><channel><title>Kênh</title><link>javascript:x</link>${Array.from({ length: 1200 }, (_, i) => item(i)).join('\n')}</channel></rss>`;
    const feed = await parseNews(xml, BASE);
    assert.equal(feed.title, 'Kênh');
    assert.equal(feed.items.length, 1199);
    assert.deepEqual([feed.items[0].id, feed.items[699].id, feed.items[700].id, feed.items[1198].id], ['g0', 'g699', 'g701', 'g1199']);
    assert.deepEqual(texts(feed.warnings), ['items[700].title: missing']);
  });

  test('HTML no deeper than the limit is returned as it is', () => {
    const html = `${'<div><p>a<p>b<ul><li>c<li>d</ul></div>'.repeat(200)}<!-- <div> -->${'<div>'.repeat(90)}${'<br><img src="x"/>'.repeat(50)}`;
    assert.equal(flattenDeepHtml(html), html);
    const deep = `${'<span>'.repeat(300)}x${'</span>'.repeat(300)}`;
    assert.equal(depthOf(flattenDeepHtml(deep)), LIMITS.htmlDepth);
  });
});

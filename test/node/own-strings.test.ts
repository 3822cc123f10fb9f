/**
 * What a parsed feed keeps (issue 15, the heap): its strings are its own, not
 * cuts of a larger text. V8 keeps a cut (`slice`, `trim`, a regexp's match) as a
 * view of the whole string, so before, an RSS item read through xmldom (the hub,
 * the CLI) kept the whole document, a title cut to its bound kept the text it
 * was cut from, and an untitled item's title kept its body's text; equal
 * strings of an RSS item (its summary and plain text, a guid that is the link)
 * are one. Measured as
 * the heap a kept feed holds after a GC, the text it was read from dropped;
 * each document is several MB of text that the feed must not keep.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useNodeXmlParser } from '../../src/cli/xml-dom.js';
import { parseNews } from '../../src/core/formats/news.js';
import { LIMITS } from '../../src/core/limits.js';
import type { Feed } from '../../src/core/model.js';

useNodeXmlParser();
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
const BASE = 'https://example.gov.vn/feed';

// The readers, loaded on first use, are loaded before any figure is taken.
await parseNews('<rss version="2.0"><channel><item><title>x</title><description><![CDATA[<p>x</p>]]></description></item></channel></rss>', BASE);
await parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', content_html: '<p>x</p>' }, { id: '2', title: 'x'.repeat(LIMITS.titleChars + 1) }] }), BASE);

const readOnce = (makeText: () => string) => parseNews(makeText(), BASE);

/** The heap a feed read from `makeText()` still holds once the text is gone (the feed itself kept alive). */
async function keptBy(makeText: () => string): Promise<{ feed: Feed; bytes: number }> {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  // Read in a call of its own: a suspended async function's frame would keep the text it passed.
  const feed = await readOnce(makeText);
  // V8's RegExp.lastMatch keeps the subject of the last match (a cut of the document) until the next one.
  /./.exec('.');
  // What the feed keeps stays whatever the wait; a holder that is only the parse's settling (about one run
  // in three on a loaded machine kept the whole text for one more turn) is gone by a later turn.
  let bytes = Infinity;
  for (let turn = 0; turn < 5 && bytes >= 0.5 * MB; turn++) {
    await new Promise((resolve) => setTimeout(resolve, turn * 20));
    gc();
    gc();
    bytes = process.memoryUsage().heapUsed - before;
  }
  console.log(`  kept: ${(bytes / MB).toFixed(2)} MB`);
  return { feed, bytes };
}

// 8 MB of a document (two-byte text) that are no item's: only cuts of the document would keep them. Made in the call, so that no test holds it.
const padding = () => `<!-- ${'ệ'.repeat(4 * MB)} -->`;

test('an RSS feed read through xmldom keeps none of its document', async () => {
  const item = (i: number) =>
    `<item><title> Tin số ${i} </title><link> https://example.gov.vn/tin/${i}.html </link><guid isPermaLink="false"> tin-${i} </guid>` +
    `<description><![CDATA[<p><img src="https://example.gov.vn/anh/${i}.jpg"> Tóm tắt tin số ${i}</p>]]></description>` +
    `<category> Thời sự </category><pubDate>Fri, 19 Apr 2024 08:00:00 +0700</pubDate></item>`;
  const { feed, bytes } = await keptBy(
    () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title> Tin tức </title><link>https://example.gov.vn/</link>${padding()}${Array.from({ length: 20 }, (_, i) => item(i + 1)).join('')}</channel></rss>`,
  );
  assert.ok(bytes < 1 * MB, `the feed keeps ${(bytes / MB).toFixed(2)} MB`);
  // What was read is unchanged.
  const first = feed.items[0];
  assert.equal(feed.title, 'Tin tức');
  assert.deepEqual(
    { id: first.id, title: first.title, url: first.url, summary: first.summary, image: first.image, tags: first.tags },
    { id: 'tin-1', title: 'Tin số 1', url: 'https://example.gov.vn/tin/1.html', summary: 'Tóm tắt tin số 1', image: 'https://example.gov.vn/anh/1.jpg', tags: ['Thời sự'] },
  );
  assert.equal(first.published?.toISOString(), '2024-04-19T01:00:00.000Z');
});

test('an RSS feed read through xmldom keeps one copy of equal strings', async () => {
  // A plain description is the item's summary and its text: 60 × 80 KB (two-byte, within the summary's bound), kept once.
  const text = (i: number) => `${'ệ'.repeat(40_000)} ${i}`;
  const { feed, bytes } = await keptBy(
    () =>
      `<rss version="2.0"><channel><title>Tin</title>${Array.from({ length: 60 }, (_, i) => `<item><title>Tin ${i}</title><link>https://example.gov.vn/${i}</link><guid>https://example.gov.vn/${i}</guid><description>${text(i)}</description></item>`).join('')}</channel></rss>`,
  );
  const once = 60 * text(0).length * 2;
  assert.ok(bytes < once * 1.5, `the feed keeps ${(bytes / MB).toFixed(2)} MB for ${(once / MB).toFixed(2)} MB of text`);
  assert.ok(feed.items[3].summary === text(3) && feed.items[3].contentText === text(3));
  assert.equal(feed.items[3].id, 'https://example.gov.vn/3');
});

test("an RSS or Atom item without authors, tags or attachments shares one frozen empty array", async () => {
  const rss = await parseNews('<rss version="2.0"><channel><item><title>a</title></item><item><title>b</title></item></channel></rss>', BASE);
  const atom = await parseNews('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>a</title><id>1</id></entry></feed>', BASE);
  const [a, b] = rss.items;
  for (const list of [a.authors, a.tags, a.attachments, atom.items[0].authors, atom.items[0].tags, atom.items[0].attachments]) {
    assert.equal(list, b.tags);
    assert.ok(Object.isFrozen(list) && list.length === 0);
  }
});

test('a title cut to its bound keeps not the text it was cut from', async () => {
  const long = 'ệ'.repeat(200_000); // 20 × 400 KB (two-byte)
  const { feed, bytes } = await keptBy(() =>
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, title: `${long} ${i}` })) }),
  );
  assert.ok(bytes < 1 * MB, `the feed keeps ${(bytes / MB).toFixed(2)} MB`);
  assert.equal(feed.items[0].title, `${long.slice(0, LIMITS.titleChars)}…`);
});

test("an untitled item's title, cut from its body's text, keeps not that text", async () => {
  // The bodies are kept (20 × 200 KB); the text a title is taken from is another 200 KB each.
  const body = `<p>${'ệ'.repeat(100_000)}</p>`;
  const { feed, bytes } = await keptBy(() =>
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, content_html: body })) }),
  );
  const bodies = 20 * body.length * 2;
  assert.ok(bytes < bodies + 1 * MB, `the feed keeps ${(bytes / MB).toFixed(2)} MB beside ${(bodies / MB).toFixed(2)} MB of bodies`);
  assert.equal(feed.items[0].title, 'ệ'.repeat(120));
  assert.equal(feed.items[0].contentHtml, body);
});

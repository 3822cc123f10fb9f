import { expect } from '@open-wc/testing';
import { PortalError } from '../../src/core/errors.js';
import { lastGood, load, parseOnce } from '../../src/core/feed-store.js';
import { docUrl, requestCount, resetFeeds, uniqueKey, untilSaved } from '../helpers.js';

const abs = (u: string) => new URL(u, location.href).href;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('feed-store', () => {
  beforeEach(resetFeeds);

  it('makes one request for many simultaneous readers of a URL, and none for a later one', async () => {
    const key = uniqueKey();
    const url = abs(docUrl('news.json', { key }));
    const results = await Promise.all([load(url), load(url), load(url), load(url), load(url)]);
    expect(new Set(results.map((r) => r.text)).size).to.equal(1);
    await load(url);
    expect((await requestCount(key)).count).to.equal(1);
  });

  it('retries a 5xx and then succeeds', async () => {
    const key = uniqueKey();
    const loaded = await load(abs(docUrl('news.json', { key, fault: '500-twice' })));
    expect(loaded.text).to.contain('jsonfeed');
    expect((await requestCount(key)).count).to.equal(3);
  });

  it('does not retry a 4xx', async () => {
    const key = uniqueKey();
    const e = (await rejection(load(abs(docUrl('news.json', { key, fault: '404' }))))) as PortalError;
    expect(e.code).to.equal('http');
    expect(e.status).to.equal(404);
    expect((await requestCount(key)).count).to.equal(1);
  });

  it('gives up after two retries of a persistent 5xx', async () => {
    const key = uniqueKey();
    const e = (await rejection(load(abs(docUrl('news.json', { key, fault: '500' }))))) as PortalError;
    expect(e.code).to.equal('http');
    expect((await requestCount(key)).count).to.equal(3);
  });

  it('times out a slow answer', async () => {
    const key = uniqueKey();
    const e = (await rejection(load(abs(docUrl('news.json', { key, fault: 'slow', ms: 3000 })), { timeout: 300 }))) as PortalError;
    expect(e).to.be.instanceOf(PortalError);
    expect(e.code).to.equal('timeout');
  });

  it('aborting one reader does not abort the others; aborting all stops the request', async () => {
    const url = abs(docUrl('news.json', { key: uniqueKey(), fault: 'slow', ms: 300 }));
    const a = new AbortController();
    const first = load(url, { signal: a.signal });
    const second = load(url);
    a.abort();
    expect(await rejection(first)).to.be.instanceOf(DOMException);
    expect((await second).text).to.contain('jsonfeed');
  });

  it('revalidates with the ETag and keeps the last good copy on the device', async () => {
    const key = uniqueKey();
    const url = abs(docUrl('news.json', { key, fault: 'etag' }));
    const first = await load(url);
    await parseOnce(first, 'etag-test', (text) => JSON.parse(text)); // only a copy that parses is saved
    await load(url, { force: true });
    const counts = await requestCount(key);
    expect(counts.count).to.equal(2);
    expect(counts.notModified).to.equal(1);
    // A new page (memory forgotten) finds the saved copy at once.
    await untilSaved(key);
    const { resetStore } = await import('../../src/core/feed-store.js');
    resetStore();
    expect((await lastGood(url))?.text).to.equal(first.text);
  });

  it('keeps one copy of a parsed document: the text goes once the page is idle 3 s after the parse, a re-read of the same text shares the parse', async () => {
    const key = uniqueKey();
    const url = abs(docUrl('news.json', { key }));
    const loaded = await load(url);
    const value = await parseOnce(loaded, 'test', async (text) => ({ length: text.length }));
    expect(await lastGood(url)).to.equal(loaded); // this page's copy, for the widgets that ask meanwhile
    await new Promise((r) => setTimeout(r, 1500));
    expect(await lastGood(url)).to.equal(loaded);
    await new Promise((r) => setTimeout(r, 1800));
    const after = await lastGood(url);
    expect(after).to.not.equal(loaded); // the device's saved copy: memory holds no text any more
    expect(after?.text).to.equal(loaded.text);
    let parses = 0;
    const again = parseOnce({ text: `${loaded.text}`, url: loaded.url }, 'test', async () => (parses++, { length: 0 }));
    expect(await again).to.equal(value);
    const changed = parseOnce({ text: `${loaded.text} `, url: loaded.url }, 'test', async () => (parses++, { length: 0 }));
    expect(await changed).to.not.equal(value);
    expect(parses).to.equal(1);
    // A later reader revalidates instead of being handed the dropped text.
    expect((await load(url)).text).to.equal(loaded.text);
    expect((await requestCount(key)).count).to.equal(2);
  });

  it('sends no credentials to another origin; to its own, the mode a preload matches', async () => {
    const original = window.fetch;
    const inits: (RequestInit | undefined)[] = [];
    window.fetch = (input, i) => (inits.push(i), original(input, i));
    const other = new URL(abs(docUrl('news.json', { key: uniqueKey() })));
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    try {
      await load(abs(docUrl('news.json', { key: uniqueKey() })));
      await load(other.href).catch(() => {}); // the test server sends no CORS: only the request's mode matters here
    } finally {
      window.fetch = original;
    }
    expect(inits[0]?.credentials).to.equal('same-origin');
    expect(inits.at(-1)?.credentials).to.equal('omit');
  });
});

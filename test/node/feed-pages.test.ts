/**
 * A paged feed's `next_url` chain (src/core/feed-pages.ts) over real HTTP: it
 * ends at a page that adds no new item or points back to a page already loaded,
 * so a feed whose pages repeat costs one further request, not fifty per call.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { newsDocument, newsSetting } from '../../src/core/documents/news.js';
import { loadPages } from '../../src/core/feed-pages.js';
import { resetStore } from '../../src/core/feed-store.js';
import type { Feed } from '../../src/core/model.js';

const hits = new Map<string, number>();
let server: Server;
let base = '';

/** A JSON Feed page: the items `ids`, and `next` as its next_url. */
const page = (ids: string[], next?: string) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Trang',
    next_url: next,
    items: ids.map((id) => ({ id, title: `Tin ${id}`, url: `https://tin.example/${id}`, date_published: '2024-04-19T08:00:00+07:00' })),
  });

/** The pages: /same?page=n always the same three items; /a → /b → /a with new items on /b; /c1 → /c2 → /c3 with new items on each. */
function answer(path: string): string {
  const url = new URL(path, base);
  const n = Number(url.searchParams.get('page') ?? 1);
  switch (url.pathname) {
    case '/same':
      return page(['x1', 'x2', 'x3'], `/same?page=${n + 1}`);
    case '/a':
      return page(['a1', 'a2'], '/b');
    case '/b':
      return page(['b1', 'b2'], '/a');
    default:
      return page([`c${n}`], n < 3 ? `/c?page=${n + 1}` : undefined);
  }
}

before(async () => {
  server = createServer((req, res) => {
    const key = new URL(req.url!, 'http://x').pathname;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    res.setHeader('content-type', 'application/feed+json');
    res.end(answer(req.url!));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());
beforeEach(() => {
  hits.clear();
  resetStore();
});

/** The first page as a widget has it (read from `path`), its further pages not loaded. */
async function firstPage(path: string): Promise<Feed> {
  const text = await (await fetch(base + path)).text();
  hits.clear();
  return newsDocument.parse(text, base + path, newsSetting());
}

const all = () => false; // load every page: what a query or the list of months asks

test('pages that repeat the first page’s items: one further request, and no next page left', async () => {
  const feed = await firstPage('/same');
  const pages = await loadPages(feed, all);
  assert.equal(hits.get('/same'), 1);
  assert.deepEqual(pages.items.map((i) => i.id), ['x1', 'x2', 'x3']);
  assert.equal(pages.nextUrl, undefined, 'no "Xem thêm" that would do nothing');
  await loadPages(feed, all);
  assert.equal(hits.get('/same'), 1, 'a second call ("Xem thêm") loads nothing');
});

test('a cycle A → B → A: B is loaded once, A not again', async () => {
  const feed = await firstPage('/a');
  const pages = await loadPages(feed, all);
  assert.deepEqual(pages.items.map((i) => i.id), ['a1', 'a2', 'b1', 'b2']);
  assert.equal(hits.get('/b'), 1);
  assert.ok((hits.get('/a') ?? 0) <= 1, `A loaded ${hits.get('/a')} times`);
  assert.equal(pages.nextUrl, undefined);
  await loadPages(feed, all);
  assert.equal(hits.get('/b'), 1);
});

test('a chain of new items is followed to its end', async () => {
  const feed = await firstPage('/c?page=1');
  const pages = await loadPages(feed, all);
  assert.deepEqual(pages.items.map((i) => i.id), ['c1', 'c2', 'c3']);
  assert.equal(hits.get('/c'), 2);
  assert.equal(pages.nextUrl, undefined);
});

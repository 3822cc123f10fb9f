/**
 * Parsing a 10,000-item JSON Feed, and rendering 20 and 200 items with
 * <portal-news-list> beside hand-written DOM code for the same list, measured
 * in the same run (this machine is noisy: the ratio is what counts).
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { CSSResult } from 'lit';
import { PortalNewsList } from '../src/components/news-list/news-list.js';
import { dayKey, formatDate } from '../src/core/dates.js';
import { resetStore } from '../src/core/feed-store.js';
import { parseNews } from '../src/core/formats/news.js';
import type { NewsItem } from '../src/core/model.js';
import { measure, record, report, syntheticFeed } from './bench-kit.js';

/** The same list, written by hand: one shadow root with the widget's own styles, ul > li > a + time + p. */
function handWritten(items: NewsItem[]): HTMLElement {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = PortalNewsList.elementStyles.map((s) => (s as CSSResult).styleSheet!);
  const ul = document.createElement('ul');
  ul.className = 'list';
  for (const item of items) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.className = 'title';
    a.href = item.url!;
    a.textContent = item.title;
    const time = document.createElement('time');
    time.dateTime = dayKey(item.published!);
    time.textContent = formatDate(item.published!, 'vi');
    const p = document.createElement('p');
    p.className = 'summary';
    p.textContent = item.summary!;
    li.append(a, time, p);
    ul.append(li);
  }
  root.append(ul);
  document.body.append(host);
  void host.offsetHeight; // layout, as the widget's figure includes it
  return host;
}

async function widget(items: NewsItem[]): Promise<HTMLElement> {
  const el = document.createElement('portal-news-list') as PortalNewsList;
  el.items = items;
  el.limit = items.length;
  el.showDate = true;
  el.showSummary = true;
  document.body.append(el);
  await el.updateComplete;
  void el.offsetHeight;
  return el;
}

/** The nodes beyond elements a rendered list holds: comments (Lit's part markers) and white-space-only text nodes. */
function census(host: Element): { comments: number; blankText: number; elements: number } {
  const counts = { comments: 0, blankText: 0, elements: 0 };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.COMMENT_NODE) counts.comments++;
      else if (child.nodeType === Node.TEXT_NODE && !child.textContent!.trim()) counts.blankText++;
      else if (child.nodeType === Node.ELEMENT_NODE) counts.elements++;
      walk(child);
    }
  };
  walk(host.shadowRoot!);
  return counts;
}

/** Bytes in use after a garbage collection (V8 and Blink's heap, over CDP); false outside Chromium. */
const heapNow = () => executeServerCommand<number | false, { action: string }>('heap', { action: 'measure' });

it('news list: nodes and heap at 200 items', async function () {
  this.timeout(120_000);
  const text = syntheticFeed(200);
  const feed = await parseNews(text, location.href);
  for (const [name, host] of [
    ['hand-written DOM', handWritten(feed.items)],
    ['<portal-news-list>', await widget(feed.items)],
  ] as const) {
    const c = census(host);
    record(`${name}, 200 items: elements`, c.elements, 'nodes');
    record(`${name}, 200 items: comments (markers)`, c.comments, 'nodes');
    record(`${name}, 200 items: white-space text`, c.blankText, 'nodes');
    host.remove();
  }
  // Heap retained with the feed read from a URL, as a page does: the widget through its store, the baseline by
  // fetch + JSON.parse. Each measured 5 times, alternated; the median is reported.
  if ((await heapNow()) === false) return report('news-list nodes and heap');
  const hand: number[] = [];
  const lit: number[] = [];
  for (let run = 0; run < 5; run++) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/feed+json' }));
    let before = (await heapNow()) as number;
    const list = handWritten((await parseNews(await (await fetch(url)).text(), url)).items);
    hand.push((((await heapNow()) as number) - before) / 1024);
    list.remove();
    before = (await heapNow()) as number;
    const el = document.createElement('portal-news-list') as PortalNewsList;
    el.src = url;
    el.limit = 200;
    el.showDate = true;
    el.showSummary = true;
    const loaded = new Promise((resolve) => el.addEventListener('portal-load', resolve, { once: true }));
    document.body.append(el);
    await loaded;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the work scheduled after the first render
    lit.push((((await heapNow()) as number) - before) / 1024);
    el.remove();
    resetStore();
    URL.revokeObjectURL(url);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1];
  record('hand-written DOM, 200 items from a URL: heap retained', median(hand), 'KB');
  record('<portal-news-list>, 200 items from a URL: heap retained', median(lit), 'KB', 'hand-written DOM, 200 items from a URL: heap retained');
  record('the feed text (UTF-16), for scale', (text.length * 2) / 1024, 'KB');
  await report('news-list nodes and heap');
});

it('news list: parse and render', async function () {
  this.timeout(300_000);
  const text = syntheticFeed(10_000);
  let feed = await parseNews(text, location.href);
  await measure('parse + normalize 10,000-item JSON Feed', async () => (feed = await parseNews(text, location.href)), {
    runs: 20,
    goal: '≤ 60 ms',
  });
  for (const n of [20, 200]) {
    const items = feed.items.slice(0, n);
    await measure(`hand-written DOM, ${n} items`, () => handWritten(items).remove(), { runs: 60, warmup: 10 });
    await measure(`<portal-news-list>, ${n} items`, async () => (await widget(items)).remove(), {
      runs: 60,
      warmup: 10,
      baseline: `hand-written DOM, ${n} items`,
      goal: '≤ 1.5× baseline',
    });
  }
  await report('news-list');
});

/**
 * Parsing a 10,000-item JSON Feed, and rendering 20 and 200 items with
 * <portal-news-list> beside hand-written DOM code for the same list, measured
 * in the same run (this machine is noisy: the ratio is what counts).
 */
import type { CSSResult } from 'lit';
import { PortalNewsList } from '../src/components/news-list/news-list.js';
import { dayKey, formatDate } from '../src/core/dates.js';
import { parseNews } from '../src/core/formats/news.js';
import type { NewsItem } from '../src/core/model.js';
import { measure, report, syntheticFeed } from './bench-kit.js';

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

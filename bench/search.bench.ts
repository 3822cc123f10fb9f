/**
 * Search and calendar on a 10,000-item feed: building the search index once,
 * then the time each keystroke's query takes (typing real queries letter by
 * letter) beside a naive search that folds every item on every query, measured
 * in the same run; and rendering one month of <portal-news-archive>.
 */
import '../src/components/news-archive/news-archive.js';
import type { PortalNewsArchive } from '../src/components/news-archive/news-archive.component.js';
import { countByDay } from '../src/core/calendar.js';
import { parseNews } from '../src/core/formats/news.js';
import type { NewsItem } from '../src/core/model.js';
import { foldVietnamese, queryWords, SearchIndex } from '../src/core/text.js';
import { measure, report, syntheticFeed } from './bench-kit.js';

/** What a search without an index does: fold every item's fields for every query. */
function naiveSearch(items: readonly NewsItem[], query: string): NewsItem[] {
  const words = queryWords(query).map(foldVietnamese);
  return items.filter((item) => {
    const text = foldVietnamese(`${item.title} ${item.summary ?? ''} ${item.contentText ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

/** Every prefix of each query, as typed: one query per keystroke. */
const QUERIES = ['hội nghị giao ban', 'duong le loi', 'chuyen doi so', 'Thừa Thiên Huế', 'nong thon moi', 'van hoa du lich'];
const keystrokes = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

it('search and calendar: 10,000 items', async function () {
  this.timeout(600_000);
  const feed = await parseNews(syntheticFeed(10_000), location.href);
  const items = feed.items;
  let index!: SearchIndex;
  await measure('search index build, 10,000 items', () => (index = new SearchIndex(items)), { runs: 10, warmup: 2 });

  // One index, the queries typed in order: each figure is one keystroke.
  let k = 0;
  await measure('naive: fold every item, per keystroke', () => naiveSearch(items, keystrokes[k++ % keystrokes.length]), {
    runs: keystrokes.length,
    warmup: 3,
  });
  k = 0;
  await measure('indexed search, per keystroke', () => index.search(keystrokes[k++ % keystrokes.length]), {
    runs: keystrokes.length * 3,
    warmup: keystrokes.length,
    baseline: 'naive: fold every item, per keystroke',
    goal: '≤ 5 ms p95',
  });
  // Worst case for narrowing: every query from scratch (a fresh word each time).
  let q = 0;
  const fresh = ['hoi', 'duong', 'xa hoi', 'du lich', 'thanh nien', 'nhiem ky', 'an sinh', 'van hoa'];
  await measure('indexed search, unrelated queries (no narrowing)', () => index.search(fresh[q++ % fresh.length]), {
    runs: 80,
    warmup: 8,
    baseline: 'naive: fold every item, per keystroke',
    goal: '≤ 5 ms p95',
  });

  await measure('count news per day, 10,000 items', () => countByDay(items.slice(), 'Asia/Ho_Chi_Minh'), { runs: 10, warmup: 2 });
  const archive = document.createElement('portal-news-archive') as PortalNewsArchive;
  archive.items = items;
  document.body.append(archive);
  await archive.updateComplete;
  const next = archive.shadowRoot!.querySelector<HTMLButtonElement>('[part~="prev"]')!;
  await measure('archive: render the previous month (click to layout)', async () => {
    next.click();
    await archive.updateComplete;
    void archive.offsetHeight;
  }, { runs: 60, warmup: 5, goal: '≤ 16 ms' });
  archive.remove();
  await report('search and calendar');
});

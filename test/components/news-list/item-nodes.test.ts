import { expect, fixture } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';

const item = (i: number, extra: Partial<NewsItem> = {}): NewsItem => ({
  id: `tin-${i}`,
  title: `Tin số ${i}`,
  url: `https://example.vn/tin/${i}.html`,
  summary: `Tóm tắt tin ${i}`,
  image: `https://example.vn/anh/${i}.jpg`,
  published: new Date(Date.UTC(2024, 3, 19 - i, 1)),
  authors: [],
  tags: [],
  attachments: [],
  ...extra,
});
const items = (n: number) => Array.from({ length: n }, (_, i) => item(i + 1));
const lis = (el: PortalNewsList) => [...el.shadowRoot!.querySelectorAll('li')];

async function list(given: NewsItem[], attributes = ''): Promise<PortalNewsList> {
  const el = document.createElement('portal-news-list');
  for (const [, name, value] of attributes.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) el.setAttribute(name, value ?? '');
  el.items = given;
  el.limit = given.length;
  await fixture(el);
  await el.updateComplete;
  return el;
}

/** Every node under `root`, as a TreeWalker meets them. */
function allNodes(root: Node): Node[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const found: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n);
  return found;
}

describe('news list: items written as DOM (no template instances)', () => {
  it('writes each item with no comment marker and no white space, the same elements, parts and attributes as before', async () => {
    const el = await list([item(1, { imageAlt: 'Ảnh hội nghị' })], 'show-date show-summary show-image heading-level="3"');
    const ul = el.shadowRoot!.querySelector('ul')!;
    expect(allNodes(ul).filter((n) => n.nodeType === Node.COMMENT_NODE)).to.have.length(0);
    const [li] = lis(el);
    expect(li.getAttribute('part')).to.equal('item');
    expect([...li.children].map((c) => c.localName)).to.deep.equal(['img', 'div', 'time', 'p']);
    expect([...li.childNodes].every((n) => n.nodeType === Node.ELEMENT_NODE)).to.equal(true);
    const img = li.querySelector('img')!;
    expect(['part', 'src', 'alt', 'loading', 'decoding'].map((a) => img.getAttribute(a))).to.deep.equal(['image', 'https://example.vn/anh/1.jpg', 'Ảnh hội nghị', 'lazy', 'async']);
    const heading = li.querySelector('[role="heading"]')!;
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(heading.hasAttribute('part')).to.equal(false);
    const a = heading.querySelector('a')!;
    expect([a.getAttribute('part'), a.className, a.getAttribute('href'), a.textContent]).to.deep.equal(['title link', 'title', 'https://example.vn/tin/1.html', 'Tin số 1']);
    const time = li.querySelector('time')!;
    expect([time.getAttribute('part'), time.getAttribute('datetime'), time.textContent, time.className]).to.deep.equal(['date', '2024-04-18', '18/04/2024', '']);
    const summary = li.querySelector('p')!;
    expect([summary.getAttribute('part'), summary.className, summary.textContent]).to.deep.equal(['summary', 'summary', 'Tóm tắt tin 1']);
  });

  it('keeps feed text as text, and gives no link for a URL outside the allow-list', async () => {
    const el = await list([item(1, { title: '<img src=x onerror="window.__hit=1">', url: 'javascript:alert(1)', image: 'data:image/png;base64,AAAA' })], 'show-image');
    const [li] = lis(el);
    expect(li.querySelector('a')).to.equal(null);
    expect(li.querySelector('img')).to.equal(null); // the data: image is refused as well
    const title = li.querySelector('span.title') as HTMLElement;
    expect([title.getAttribute('part'), title.tabIndex, title.textContent]).to.deep.equal(['title', -1, '<img src=x onerror="window.__hit=1">']);
  });

  it('a re-render with the same items reuses every node, and the focus stays on the title it was on', async () => {
    const given = items(30);
    const el = await list(given);
    const before = lis(el);
    expect(before).to.have.length(30);
    const link = before[7].querySelector('a')!;
    link.focus();
    el.requestUpdate();
    await el.updateComplete;
    const after = lis(el);
    expect(after.every((li, i) => li === before[i])).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(link);
    // Fewer items: the first ones stay, the others go.
    el.limit = 10;
    await el.updateComplete;
    expect(lis(el)).to.deep.equal(before.slice(0, 10));
  });

  it('writes the items again when a setting that shapes them changes, and for new item objects', async () => {
    const given = items(3);
    const el = await list(given);
    const before = lis(el);
    expect(el.shadowRoot!.querySelector('time')).to.equal(null);
    el.showDate = true;
    await el.updateComplete;
    expect(lis(el).some((li, i) => li === before[i])).to.equal(false);
    expect(lis(el).map((li) => li.querySelector('time')?.textContent)).to.deep.equal(['18/04/2024', '17/04/2024', '16/04/2024']);
    el.lang = 'en';
    await el.updateComplete;
    expect(lis(el)[0].querySelector('time')!.textContent).to.equal('Apr 18, 2024');
    // A feed read again: the same ids, a changed title.
    el.items = [{ ...given[0], title: 'Tin số 1 (đã sửa)' }, given[1], given[2]];
    await el.updateComplete;
    expect(lis(el).map((li) => li.querySelector('.title')!.textContent)).to.deep.equal(['Tin số 1 (đã sửa)', 'Tin số 2', 'Tin số 3']);
  });

  it('one listener for every title: portal-select names the item clicked, and only a title link fires it', async () => {
    const given = items(5);
    const el = await list(given, 'show-date item-href="/bai-viet.html?id={id}"');
    const seen: string[] = [];
    el.addEventListener('portal-select', (e) => {
      seen.push((e as CustomEvent<{ item: NewsItem }>).detail.item.id);
      e.preventDefault();
    });
    const [, , third] = lis(el);
    expect(third.querySelector('a')!.getAttribute('href')).to.equal('/bai-viet.html?id=tin-3');
    third.querySelector('time')!.click();
    expect(seen).to.deep.equal([]);
    third.querySelector('a')!.click();
    expect(seen).to.deep.equal(['tin-3']);
  });
});

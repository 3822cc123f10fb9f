import { expect, fixture } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';
import { captureWarnings, until } from '../../helpers.js';

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

/**
 * The items are rendered without a URL check of their own (./item-nodes.ts):
 * every way an item reaches the list must have allow-listed its URLs before.
 */
describe('news list: a URL outside the allow-list never becomes a link or a picture', () => {
  // Schemes a browser would run or load, written as feeds and pages write them (case, white space, a tab inside).
  const hostileUrls = ['javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'java\tscript:alert(3)', 'data:text/html,<b>4</b>', 'vbscript:msgbox(5)', '\u0001javascript:alert(6)'];
  /** Every href and src in the list, and the titles that are links. */
  const urlsOf = (el: PortalNewsList) => ({
    urls: [...el.shadowRoot!.querySelectorAll('li [href], li [src]')].map((n) => n.getAttribute('href') ?? n.getAttribute('src')),
    links: [...el.shadowRoot!.querySelectorAll('li a')].map((a) => a.textContent),
  });
  const base64url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const served = (body: string, type: string) => `/test-api/echo?type=${encodeURIComponent(type)}&b64=${base64url(body)}`;
  // XML 1.0 has no U+0001 (not even as a reference): the XML feeds leave that one out.
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '&#9;').replace(/[^\t\x20-\uffff]/g, '');

  async function shown(el: PortalNewsList, count: number): Promise<ReturnType<typeof urlsOf>> {
    await until(() => lis(el).length === count, 5000, `${count} items`);
    return urlsOf(el);
  }

  it('given items: none of those URLs is rendered; a relative one is rendered absolute, as the list did', async () => {
    const given = hostileUrls.map((url, i) => item(i + 1, { url, image: url }));
    given.push(item(9, { url: ' /tin/9.html ', image: '/anh/9.jpg' }));
    const el = await list(given, 'show-image');
    const { urls, links } = await shown(el, given.length);
    const page = new URL(location.href);
    expect(urls).to.deep.equal([`${page.origin}/anh/9.jpg`, `${page.origin}/tin/9.html`]);
    expect(links).to.deep.equal(['Tin số 9']);
    // `{url}` is filled with the same absolute URL.
    el.itemHref = '/di.html?u={url}';
    await el.updateComplete;
    expect(lis(el)[given.length - 1].querySelector('a')!.getAttribute('href')).to.equal(`/di.html?u=${encodeURIComponent(`${page.origin}/tin/9.html`)}`);
  });

  const feeds: [string, string, string, string?][] = [
    [
      'JSON Feed',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Tin',
        items: [...hostileUrls.map((url, i) => ({ id: `x${i}`, title: `Xấu ${i}`, url, image: url })), { id: 'ok', title: 'Tốt', url: 'https://tin.example/tot.html', image: 'https://tin.example/tot.jpg' }],
      }),
      'application/feed+json',
    ],
    [
      'RSS',
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin</title>${hostileUrls
        .map((url, i) => `<item><title>Xấu ${i}</title><guid isPermaLink="false">x${i}</guid><link>${escapeXml(url)}</link><enclosure url="${escapeXml(url)}" type="image/jpeg" length="1"/></item>`)
        .join('')}<item><title>Tốt</title><link>https://tin.example/tot.html</link><enclosure url="https://tin.example/tot.jpg" type="image/jpeg" length="1"/></item></channel></rss>`,
      'application/rss+xml; charset=utf-8',
    ],
    [
      'Atom',
      `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title><id>urn:tin</id><updated>2024-04-19T00:00:00Z</updated>${hostileUrls
        .map((url, i) => `<entry><title>Xấu ${i}</title><id>urn:x${i}</id><updated>2024-04-19T00:00:00Z</updated><link href="${escapeXml(url)}"/><link rel="enclosure" type="image/jpeg" href="${escapeXml(url)}"/></entry>`)
        .join('')}<entry><title>Tốt</title><id>urn:ok</id><updated>2024-04-19T00:00:00Z</updated><link href="https://tin.example/tot.html"/><link rel="enclosure" type="image/jpeg" href="https://tin.example/tot.jpg"/></entry></feed>`,
      'application/atom+xml; charset=utf-8',
    ],
    [
      'a CMS JSON read through a map',
      JSON.stringify({ data: [...hostileUrls.map((url, i) => ({ ma: `x${i}`, ten: `Xấu ${i}`, lienKet: url, anh: url })), { ma: 'ok', ten: 'Tốt', lienKet: 'https://tin.example/tot.html', anh: 'https://tin.example/tot.jpg' }] }),
      'application/json',
      JSON.stringify({ items: 'data', id: 'ma', title: 'ten', url: 'lienKet', image: 'anh' }),
    ],
  ];
  for (const [name, body, type, map] of feeds) {
    it(`fed items (${name}): none of those URLs is rendered, the good item's are`, async () => {
      const el = document.createElement('portal-news-list');
      el.setAttribute('show-image', '');
      el.setAttribute('limit', '20');
      if (map) el.setAttribute('map', map);
      el.src = served(body, type);
      let found!: ReturnType<typeof urlsOf>;
      const warnings = await captureWarnings(async () => {
        await fixture(el);
        found = await shown(el, hostileUrls.length + 1);
      });
      const { urls, links } = found;
      expect(warnings.filter((w) => w.includes('URL not allowed')).length).to.be.at.least(hostileUrls.length); // dropped by the reader, which says so
      expect(urls).to.deep.equal(['https://tin.example/tot.jpg', 'https://tin.example/tot.html']);
      expect(links).to.deep.equal(['Tốt']);
    });
  }
});

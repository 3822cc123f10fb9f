/** The copy saved on the device is the last one that parsed: a 200 body that does not parse never replaces it. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../src/components/news-list/news-list.component.js';
import { resetStore } from '../../src/core/feed-store.js';
import { docUrl, requestCount, resetFeeds, uniqueKey, until, untilSaved } from '../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const titles = (el: Element) => [...shadow(el).querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
const savedText = async (part: string) => {
  const cache = await caches.open('portal-widgets-v1');
  const key = (await cache.keys()).find((r) => r.url.includes(part));
  return key && (await (await cache.match(key))!.text());
};

describe('the last good copy', () => {
  beforeEach(resetFeeds);

  it('good → a maintenance page served 200 → offline: the third visit still shows the good items, marked as the saved copy', async () => {
    const key = uniqueKey('lastgood');
    // One URL whose answers change between visits: the feed, then an HTML page with status 200, then no connection.
    const src = docUrl('news.json', { key, seq: 'none,html,reset' });
    const visit = async () => {
      resetStore(); // a new page: only the device's saved copy is left
      return fixture<PortalNewsList>(html`<portal-news-list src=${src}></portal-news-list>`);
    };

    const first = await visit();
    await until(() => titles(first).length > 0, 8000, 'items of the first visit');
    const count = titles(first).length;
    await untilSaved(key);
    first.remove();

    const second = await visit();
    await until(() => (shadow(second).querySelector('[part="error"]')?.textContent ?? '').includes('bản lưu'), 8000, 'the error over the saved copy');
    expect(titles(second)).to.have.length(count);
    second.remove();
    await new Promise((r) => setTimeout(r, 1200)); // past when the store would save what it read (once the page is idle, 500 ms at most)
    expect(await savedText(key)).to.match(/^\{/, 'the saved copy is still the feed');

    const third = await visit();
    await until(() => !!shadow(third).querySelector('[part="error"]') && titles(third).length > 0, 15000, 'the saved copy offline');
    await third.updateComplete;
    expect(titles(third)).to.have.length(count);
    expect(shadow(third).querySelector('[part="error"]')!.textContent).to.include('Đang hiển thị bản lưu trước đó.');
    expect((await requestCount(key)).count).to.be.at.least(3);
  });
});

/**
 * A feed merged by the hub: the source per item, `hide-source`, the stale
 * note; and a cross-origin feed that fails while online: the `blocked` error.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import { docUrl, resetFeeds, uniqueKey, until } from '../../helpers.js';

const parts = (el: Element, part: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((e) => e.textContent!.trim());
const loaded = (el: PortalNewsList) => until(() => parts(el, 'title').length > 0, 8000, 'items');
/** The sources module loads on demand, after the items. */
const withSources = (el: PortalNewsList) => until(() => parts(el, 'source').length > 0, 8000, 'sources');

describe('<portal-news-list> reading through the hub', () => {
  beforeEach(resetFeeds);

  it('shows each item’s source when the hub merged several, and the note for a stale source', async () => {
    const el = await fixture<PortalNewsList>(html`<portal-news-list src=${docUrl('hub-merged.json', { key: uniqueKey() })}></portal-news-list>`);
    await withSources(el);
    expect(parts(el, 'source')).to.deep.equal(['Cổng tỉnh', 'Sở Giáo dục']);
    expect(parts(el, 'stale')).to.deep.equal(['Sở Giáo dục: tin cập nhật lúc 08:30 20/04/2024']);
    await expect(el).to.be.accessible();
  });

  it('says it in English too', async () => {
    const el = await fixture<PortalNewsList>(html`<portal-news-list lang="en" src=${docUrl('hub-merged.json', { key: uniqueKey() })}></portal-news-list>`);
    await withSources(el);
    expect(parts(el, 'stale')).to.deep.equal(['Sở Giáo dục: news updated at 08:30 AM Apr 20, 2024']);
  });

  it('hide-source turns the sources off; a plain feed’s article sources are not shown', async () => {
    const hidden = await fixture<PortalNewsList>(html`<portal-news-list hide-source src=${docUrl('hub-merged.json', { key: uniqueKey() })}></portal-news-list>`);
    await until(() => parts(hidden, 'stale').length > 0, 8000, 'the sources module');
    expect(parts(hidden, 'source')).to.deep.equal([]);
    const plain = await fixture<PortalNewsList>(html`<portal-news-list src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-list>`);
    await loaded(plain);
    expect(parts(plain, 'source')).to.deep.equal([]);
    expect(parts(plain, 'stale')).to.deep.equal([]);
  });

  it('a cross-origin feed that fails while online is "blocked", not "offline"', async () => {
    // The same test server under its other name: another origin, and it sends no CORS headers.
    const other = new URL(docUrl('news.json', { key: uniqueKey() }), location.href);
    other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const el = await fixture<PortalNewsList>(html`<portal-news-list src=${other.href}></portal-news-list>`);
    let code = '';
    el.addEventListener('portal-error', (e) => (code = (e as CustomEvent<{ error: { code: string } }>).detail.error.code));
    await until(() => parts(el, 'error').length > 0, 8000, 'error');
    expect(code).to.equal('blocked');
    expect(parts(el, 'error')[0]).to.match(/Máy chủ không cho phép trang này đọc dữ liệu/);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { Feed, NewsItem } from '../../../src/core/model.js';

const item = (id: string): NewsItem => ({ id, title: `Tin ${id}`, authors: [], tags: [], attachments: [] });
/** The feed the widget renders: its controller's value. */
const feedOf = (el: PortalNewsList) => (el as unknown as { doc: { value?: Feed } }).doc.value;

describe('news widgets: items given as a property', () => {
  it('make one feed per array, the same value from render to render', async () => {
    const items = [item('1'), item('2')];
    const el = await fixture<PortalNewsList>(html`<portal-news-list .items=${items}></portal-news-list>`);
    const first = feedOf(el);
    expect(first!.items).to.equal(items);
    el.limit = 1;
    await el.updateComplete;
    expect(feedOf(el)).to.equal(first);
    el.items = [item('3')];
    await el.updateComplete;
    expect(feedOf(el)).not.to.equal(first);
    expect(feedOf(el)!.items).to.equal(el.items);
  });

});

/**
 * Items a page gives that are not quite NewsItems (a JSON Feed's items, dates as
 * text or milliseconds, no arrays) render as a feed's would (core/given-items.ts):
 * they once threw in the render and left the widget blank.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsArchive } from '../../../src/components/news-archive/news-archive.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';
import { until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;

/** Copied from a JSON Feed, and written by hand: neither has `authors`, `tags` nor `attachments` arrays. */
const loose = () =>
  [
    { id: 'tin-1', title: 'Hội nghị giao ban quý I', content_html: '<p>Nội dung</p>', date_published: '2024-04-19T08:00:00+07:00', published: '2024-04-19T08:00:00+07:00' },
    { id: 2, title: 'Tập huấn công tác Mặt trận', published: Date.parse('2024-04-12T09:00:00+07:00') },
    { title: 'Thông báo lịch tiếp dân', published: 'không rõ ngày' },
    { summary: 'neither title nor id: skipped' },
  ] as unknown as NewsItem[];

describe('news list and archive: given items not quite NewsItems', () => {
  it('<portal-news-list> shows their titles and dates', async () => {
    const el = await fixture<PortalNewsList>(html`<portal-news-list show-date .items=${loose()}></portal-news-list>`);
    await until(() => !!shadow(el).querySelector('[part~="title"]'), 5000, 'the items');
    await el.updateComplete;
    const titles = [...shadow(el).querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
    expect(titles).to.deep.equal(['Hội nghị giao ban quý I', 'Tập huấn công tác Mặt trận', 'Thông báo lịch tiếp dân']);
    expect([...shadow(el).querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal(['2024-04-19', '2024-04-12']);
  });

  it('<portal-news-archive> marks their days', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${loose()}></portal-news-archive>`);
    await until(() => !!shadow(el).querySelector('table'), 5000, 'the calendar');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="title"]')!.textContent!.trim()).to.equal('Tháng 4 năm 2024');
    const marked = [...shadow(el).querySelectorAll('td[part~="has-news"]')].map((td) => td.querySelector('span')!.textContent);
    expect(marked).to.deep.equal(['12', '19']);
  });
});

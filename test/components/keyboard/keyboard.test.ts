/**
 * Focus as keyboard and screen-reader users meet it (issue 14): after each
 * action, `document.activeElement` (followed through shadow roots) is a
 * sensible element, never `<body>`; the filter in force is visible and can be
 * cleared; messages are announced. Real keys (sendKeys), feeds over HTTP.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article/article.js';
import '../../../src/components/link-directory/link-directory.js';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import '../../../src/components/news-search/news-search.js';
import '../../../src/components/video-list/video-list.js';
import type { PortalNewsArchive } from '../../../src/components/news-archive/news-archive.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { PortalNewsSearch } from '../../../src/components/news-search/news-search.component.js';
import { docUrl, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, sel: string) => shadow(el).querySelector<T>(sel)!;

/** The focused element, followed into shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
const notBody = () => expect(deepActive(), 'focus never falls to <body>').to.exist.and.not.equal(document.body);
const titles = (list: Element) => [...shadow(list).querySelectorAll('[part~="title"]')];
const status = (list: Element) => $(list, '[part="status"]');
const rendered = (el: Element) => until(() => !!el.shadowRoot?.querySelector('ul, table, select, article, [part="player"]'), 8000, 'content');

async function withAddress(search: string, run: () => Promise<void>): Promise<void> {
  history.replaceState(null, '', `${location.pathname}${search}`);
  try {
    await run();
  } finally {
    history.replaceState(null, '', location.pathname);
  }
}

describe('keyboard and focus', () => {
  it('news list: after each "Xem thêm" focus is on the first new item, also after the last one, when the button is gone', async () => {
    const list = await fixture<PortalNewsList>(html`<portal-news-list limit="3" src=${docUrl('news-page1.json', { key: uniqueKey() })}></portal-news-list>`);
    await rendered(list);
    for (let shown = 3; ; shown += 3) {
      const more = $<HTMLButtonElement>(list, '[part="more-button"]');
      if (!more) break;
      more.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => titles(list).length > shown, 5000, 'more items');
      await until(() => deepActive() === titles(list)[shown], 3000, `focus on item ${shown + 1}`);
    }
    expect($(list, '[part="more-button"]')).to.equal(null);
    notBody();
    expect(deepActive()!.textContent!.trim()).to.equal(titles(list)[9].textContent!.trim());
  });

  it('news list: the filter is shown ("1 tin cho «hoi nghi»") and "Xem tất cả" clears it, the address, the search box and the calendar; focus goes to the first item', async () => {
    await withAddress('?q=hoi+nghi&date=2024-04-19&x=1', async () => {
      const src = docUrl('news.json', { key: uniqueKey() });
      const wrap = await fixture(html`<div>
        <portal-news-search for="kb-list" action="/tin-tuc.html"></portal-news-search>
        <portal-news-archive for="kb-list" src=${src}></portal-news-archive>
        <portal-news-list id="kb-list" sync-url src=${src}></portal-news-list>
      </div>`);
      const [search, archive, list] = ['portal-news-search', 'portal-news-archive', 'portal-news-list'].map((t) => wrap.querySelector(t)!) as [
        PortalNewsSearch,
        PortalNewsArchive,
        PortalNewsList,
      ];
      await rendered(list);
      await until(() => status(list).textContent === '1 tin cho «hoi nghi» ngày 19/04/2024', 5000, 'the result line');
      expect(status(list).className, 'visible while filtered').to.equal('');
      // The search box and the calendar say what the address asked for.
      expect($<HTMLInputElement>(search, 'input').value).to.equal('hoi nghi');
      await rendered(archive);
      expect($(archive, '[part="title"]').textContent!.trim()).to.equal('Tháng 4 năm 2024');
      expect($(archive, 'td[aria-selected="true"] span').textContent).to.equal('19');
      expect($<HTMLInputElement>(archive, '[part="date-input"]').value).to.equal('19/04/2024');
      const clear = $<HTMLButtonElement>(list, '[part="clear-filter"]');
      expect(clear.textContent!.trim()).to.equal('Xem tất cả');
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !$(list, '[part="clear-filter"]'), 3000, 'the filter cleared');
      await until(() => deepActive() === titles(list)[0], 3000, 'focus on the first item');
      expect(titles(list).length).to.equal(10);
      expect(status(list).className).to.equal('visually-hidden');
      expect(location.search, 'the filter left the address; other parameters stay').to.equal('?x=1');
      await search.updateComplete;
      await archive.updateComplete;
      expect($<HTMLInputElement>(search, 'input').value).to.equal('');
      expect(shadow(archive).querySelector('td[aria-selected="true"]')).to.equal(null);
      expect($<HTMLInputElement>(archive, '[part="date-input"]').value).to.equal('');
    });
  });

  it('news list: a query puts the list in relevance order and says so', async () => {
    const list = await fixture<PortalNewsList>(html`<portal-news-list src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-list>`);
    await rendered(list);
    await list.filter({ query: 'mat tran' });
    expect(status(list).textContent).to.match(/^\d+ tin cho «mat tran», xếp theo mức độ phù hợp$/);
    list.setAttribute('lang', 'en');
    await list.filter({});
    expect(status(list).textContent).to.match(/^\d+ articles for “mat tran”, most relevant first$/);
  });

  it('search: Enter filters the list on this page in place (no navigation, even with action); focus stays in the box', async () => {
    const src = docUrl('news.json', { key: uniqueKey() });
    const wrap = await fixture(html`<div>
      <portal-news-search for="kb-list2" action="/tin-tuc-khac.html" debounce="5000"></portal-news-search>
      <portal-news-list id="kb-list2" src=${src}></portal-news-list>
    </div>`);
    const search = wrap.querySelector('portal-news-search')!;
    const list = wrap.querySelector<PortalNewsList>('portal-news-list')!;
    await rendered(list);
    const before = location.href;
    $(search, 'input').focus();
    await sendKeys({ type: 'hoi nghi' });
    await sendKeys({ press: 'Enter' });
    await until(() => titles(list).length === 1, 5000, 'the list filtered');
    expect(location.href).to.equal(before);
    expect(deepActive()).to.equal($(search, 'input'));
    // The button: focus stays on it.
    $(search, '[part="button"]').focus();
    await sendKeys({ press: 'Enter' });
    await list.updateComplete;
    expect(deepActive()).to.equal($(search, '[part="button"]'));
  });

  it('archive: choosing a day by click, by keyboard, and "Xem" keep focus on the control used', async () => {
    const src = docUrl('news.json', { key: uniqueKey() });
    const wrap = await fixture(html`<div>
      <portal-news-archive for="kb-list3" value="2024-04-19" src=${src}></portal-news-archive>
      <portal-news-list id="kb-list3" src=${src}></portal-news-list>
    </div>`);
    const archive = wrap.querySelector<PortalNewsArchive>('portal-news-archive')!;
    const list = wrap.querySelector<PortalNewsList>('portal-news-list')!;
    await rendered(archive);
    await rendered(list);
    const cell = (d: number) => [...shadow(archive).querySelectorAll<HTMLElement>('td[tabindex]')].find((td) => td.querySelector('span')!.textContent === String(d))!;
    cell(15).click();
    cell(15).focus(); // a click focuses a focusable cell; headless pages do it only for real pointers
    await until(() => status(list).textContent!.includes('15/04/2024'), 3000, 'filtered by the 15th');
    notBody();
    expect(deepActive()).to.equal(cell(15));
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(list).textContent!.includes('16/04/2024'), 3000, 'filtered by the 16th');
    expect(deepActive()).to.equal(cell(16));
    const input = $<HTMLInputElement>(archive, '[part="date-input"]');
    input.focus();
    input.select();
    await sendKeys({ type: '19/04/2024' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(list).textContent!.includes('19/04/2024'), 3000, 'filtered by the typed day');
    expect(deepActive()).to.equal(input);
    $(archive, '[part="date-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await archive.updateComplete;
    expect(deepActive()).to.equal($(archive, '[part="date-button"]'));
  });

  it('link directory: "Đi" with nothing chosen says why and sends focus to the drop-down', async () => {
    const el = await fixture(html`<portal-link-directory src=${docUrl('links.json', { key: uniqueKey() })}></portal-link-directory>`);
    await rendered(el);
    $(el, '[part="go-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el).querySelector('[part="go-error"]'), 3000, 'the message');
    const select = $<HTMLSelectElement>(el, '#s0');
    const message = $(el, '[part="go-error"]');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal('Hãy chọn một liên kết trong danh sách, rồi bấm «Đi».');
    expect(deepActive()).to.equal(select);
    expect(select.getAttribute('aria-describedby')).to.equal(message.id);
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change'));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).querySelector('[part="go-error"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('link directory: the filter matches word starts ("huong" finds Hương, not Thương)', async () => {
    const groups = [{ title: 'Huyện, thị xã', links: Array.from({ length: 22 }, (_, i) => ({ title: i ? `Xã số ${i}` : 'Thị xã Hương Trà', url: `https://example.gov.vn/${i}` })) }];
    groups[0].links[1] = { title: 'Sở Công Thương', url: 'https://example.gov.vn/ct' };
    const el = await fixture(html`<portal-link-directory mode="list" .data=${{ groups, warnings: [] }}></portal-link-directory>`);
    const input = $<HTMLInputElement>(el, '[part="filter"]');
    input.focus();
    await sendKeys({ type: 'huong' });
    await until(() => shadow(el).querySelectorAll('[part="link"]').length === 1, 8000, 'one link');
    expect($(el, '[part="link"]').textContent).to.include('Hương Trà');
  });

  it('article: A− and A+ announce the new size and keep focus; a summary that repeats the body is not shown', async () => {
    localStorage.removeItem('portal-widgets:article-text-size');
    const el = await fixture(html`<portal-article item-id="lap" related-limit="0" src=${docUrl('article-summary.json', { key: uniqueKey() })}></portal-article>`);
    await until(() => !!shadow(el).querySelector('[part="body"] p'), 8000, 'the body');
    expect(shadow(el).querySelector('[part="summary"]'), 'the summary is the start of the body').to.equal(null);
    const larger = $(el, '[part~="larger"]');
    larger.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part="status"]').textContent === 'Cỡ chữ 112,5%', 3000, 'the new size announced');
    expect(deepActive()).to.equal(larger);
    $(el, '[part~="smaller"]').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part="status"]').textContent === 'Cỡ chữ 100%', 3000, 'back to the page size');
    const other = await fixture(html`<portal-article item-id="rieng" related-limit="0" src=${docUrl('article-summary.json', { key: uniqueKey() })}></portal-article>`);
    await until(() => !!shadow(other).querySelector('[part="body"] p'), 8000, 'the body');
    expect($(other, '[part="summary"]').textContent).to.equal('Một tóm tắt khác nội dung.');
    localStorage.removeItem('portal-widgets:article-text-size');
  });

  it('video list: the play button’s focus ring is drawn inside the clipping player; heading-level="none" drops the inner heading', async () => {
    const el = await fixture(html`<portal-video-list heading-level="none" src=${docUrl('videos.json', { key: uniqueKey() })}></portal-video-list>`);
    await rendered(el);
    expect(shadow(el).querySelector('[part="heading"]')).to.equal(null);
    const button = $(el, '[part="play-button"]');
    button.focus();
    await sendKeys({ press: 'Shift' }); // keyboard modality: :focus-visible
    const style = getComputedStyle(button);
    expect(parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth), 'the ring ends inside the box').to.be.at.most(0);
    const plain = await fixture(html`<portal-video-list src=${docUrl('videos.json', { key: uniqueKey() })}></portal-video-list>`);
    await rendered(plain);
    expect($(plain, '[part="heading"]').textContent).to.equal('Video khác');
  });

  it('language: no empty lang attribute on widgets; the feed’s language on its text where the page is English', async () => {
    const wrap = await fixture(html`<div lang="en"><portal-news-list src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-list></div>`);
    const list = wrap.querySelector('portal-news-list')!;
    await rendered(list);
    expect(list.hasAttribute('lang'), 'no lang="" (unknown language)').to.equal(false);
    expect(list.matches(':lang(en)')).to.equal(true);
    expect($(list, 'ul').getAttribute('lang')).to.equal('vi');
    expect($(list, '[part="status"]').closest('[lang]')).to.equal(null); // the widget's own words follow the page
  });
});

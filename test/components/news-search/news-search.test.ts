import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/news-list/news-list.js';
import '../../../src/components/news-search/news-search.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { PortalNewsSearch } from '../../../src/components/news-search/news-search.component.js';
import type { NewsItem } from '../../../src/core/model.js';
import { captureWarnings, docUrl, nextEvent, requestCount, resetFeeds, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const input = (el: PortalNewsSearch) => shadow(el).querySelector('input')!;
const results = (el: PortalNewsSearch) => [...shadow(el).querySelectorAll('[part="link"]')].map((a) => a.textContent!.trim());
const marks = (el: PortalNewsSearch) => [...shadow(el).querySelectorAll('mark')].map((m) => m.textContent);
const status = (el: PortalNewsSearch) => shadow(el).querySelector('[part="status"]')?.textContent ?? '';
const listTitles = (el: PortalNewsList) => [...shadow(el).querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
const item = (id: string, title: string, summary?: string): NewsItem => ({ id, title, summary, url: `https://example.gov.vn/${id}`, authors: [], tags: [], attachments: [] });

async function type(el: PortalNewsSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}

describe('<portal-news-search>', () => {
  beforeEach(resetFeeds);

  it('is a labelled search box with a button', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-search>`);
    expect(shadow(el).querySelector('form')!.getAttribute('role')).to.equal('search');
    expect(shadow(el).querySelector('label[for="q"]')!.textContent).to.equal('Tìm kiếm tin tức');
    expect(shadow(el).querySelector('[part="button"]')!.textContent).to.equal('Tìm');
    await expect(el).to.be.accessible();
  });

  it('shows results as the reader types, debounced, matched words highlighted, count announced', async () => {
    // A pause longer than the gaps between keystrokes on a loaded machine (each key is a round trip
    // to the browser), so "one search per word" tests the debounce, not the machine's speed.
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search debounce="600" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-search>`);
    const events: { query: string; count?: number }[] = [];
    el.addEventListener('portal-search', (e) => events.push((e as CustomEvent).detail));
    await until(() => !shadow(el).querySelector('[part="skeleton"]'), 5000, 'feed');
    await type(el, 'hoi nghi');
    await until(() => results(el).length > 0, 3000, 'results');
    expect(results(el)[0]).to.equal('Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024');
    expect(marks(el).slice(0, 2)).to.deep.equal(['Hội', 'nghị']);
    expect(status(el)).to.equal(`Tìm thấy ${results(el).length} tin`);
    // One search for the whole word, not one per keystroke.
    expect(events).to.deep.equal([{ query: 'hoi nghi', count: results(el).length }]);
    expect(shadow(el).querySelector('[part="link"]')!.getAttribute('href')).to.equal(new URL('/bai-viet/tin-100.html', location.href).href);
  });

  it('finds "Đường" from "duong" and shows no match clearly', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search value="duong" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-search>`);
    await until(() => results(el).length > 0, 5000, 'results');
    expect(results(el)).to.deep.equal(['Đường Lê Lợi được chỉnh trang trước mùa Festival']);
    expect(marks(el)).to.deep.equal(['Đường']);
    await el.search('khong co tu nay');
    expect(shadow(el).querySelector('[part="empty"]')!.textContent).to.equal('Không có tin phù hợp.');
    expect(status(el)).to.equal('Không tìm thấy tin nào');
  });

  it('renders feed text as text: markup in a title is not HTML', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search value="hoi" .items=${[item('x', '<img src=x onerror=alert(1)> Hội <b>nghị</b>')]}></portal-news-search>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="results"] img, [part="results"] b')).to.equal(null);
    expect(results(el)[0]).to.equal('<img src=x onerror=alert(1)> Hội <b>nghị</b>');
    expect(marks(el)).to.deep.equal(['Hội']);
  });

  it('Escape clears the box and the results', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search .items=${[item('a', 'Hội nghị'), item('b', 'Đường Lê Lợi')]}></portal-news-search>`);
    await type(el, 'duong');
    await until(() => results(el).length === 1, 3000, 'results');
    const cleared = nextEvent<{ query: string }>(el, 'portal-search');
    await sendKeys({ press: 'Escape' });
    expect((await cleared).detail.query).to.equal('');
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(results(el)).to.deep.equal([]);
    expect(status(el)).to.equal('');
  });

  it('follows item-href, limits the results, shows summaries', async () => {
    const items = Array.from({ length: 15 }, (_, i) => item(`tin-${i}`, `Hội nghị số ${i}`, `Tóm tắt hội nghị ${i}`));
    const el = await fixture<PortalNewsSearch>(
      html`<portal-news-search value="hoi nghi" limit="5" show-summary item-href="/bai-viet.html?id={id}" action="/tim-kiem.html" .items=${items}></portal-news-search>`,
    );
    await el.updateComplete;
    expect(results(el)).to.have.length(5);
    expect(shadow(el).querySelector('[part="link"]')!.getAttribute('href')).to.equal('/bai-viet.html?id=tin-0');
    expect(shadow(el).querySelector('[part="summary"] mark')!.textContent).to.equal('hội');
    const all = shadow(el).querySelector('[part="all-link"]')!;
    expect(all.textContent).to.equal('Xem tất cả 15 kết quả');
    expect(all.getAttribute('href')).to.equal(new URL('/tim-kiem.html?q=hoi+nghi', location.href).href);
  });

  it('action: Enter goes to the results page with ?q= (portal-search is cancelable)', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search action="/tim-kiem.html" debounce="5000" .items=${[item('a', 'Hội nghị')]}></portal-news-search>`);
    // A long pause: on a loaded machine slow typing must not settle a search before Enter.
    el.addEventListener('portal-search', (e) => e.preventDefault());
    const searched = nextEvent<{ query: string; href: string }>(el, 'portal-search');
    await type(el, 'hội nghị');
    await sendKeys({ press: 'Enter' });
    const { detail } = await searched;
    expect(detail.query).to.equal('hội nghị');
    expect(detail.href).to.equal(new URL(`/tim-kiem.html?q=${encodeURIComponent('hội nghị').replace(/%20/g, '+')}`, location.href).href);
  });

  for (const action of ['http://[bad', 'javascript:alert(1)']) {
    it(`action="${action}" (no http(s) URL): results still show, no link, Enter searches here, one config warning, not one per render`, async () => {
      const items = Array.from({ length: 15 }, (_, i) => item(`tin-${i}`, `Hội nghị số ${i}`));
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
      try {
        let el!: PortalNewsSearch;
        const warnings = await captureWarnings(async () => {
          el = await fixture<PortalNewsSearch>(html`<portal-news-search value="hoi nghi" limit="3" action=${action} .items=${items}></portal-news-search>`);
          await el.updateComplete;
        });
        expect(results(el)).to.have.length(3);
        expect(shadow(el).querySelector('[part="all-link"]')).to.equal(null);
        expect(warnings.filter((w) => w.includes('config: action: not a URL'))).to.have.length(1, warnings.join('\n'));
        const searched = nextEvent<{ query: string; href?: string }>(el, 'portal-search');
        input(el).value = 'số 1';
        shadow(el).querySelector<HTMLButtonElement>('[part="button"]')!.click();
        const { detail } = await searched;
        expect(detail.href).to.equal(undefined);
        await el.updateComplete;
        expect(results(el)[0]).to.equal('Hội nghị số 1');
        expect(shadow(el).querySelector('[part="skeleton"]')).to.equal(null);
        expect(location.protocol).to.match(/^https?:$/);
        expect(errors).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onError);
      }
    });
  }

  it('limit of 0, -1 or abc: the default (10) results with a config warning, not none or all but the last', async () => {
    const items = Array.from({ length: 12 }, (_, i) => item(`tin-${i}`, `Tin số ${i}`));
    for (const limit of ['0', '-1', 'abc']) {
      let el!: PortalNewsSearch;
      const warnings = await captureWarnings(async () => {
        el = await fixture<PortalNewsSearch>(html`<portal-news-search value="tin" limit=${limit} .items=${items}></portal-news-search>`);
        await el.updateComplete;
      });
      expect(results(el), limit).to.have.length(10);
      expect(warnings.some((w) => w.includes(`config: limit="${limit}"`))).to.equal(true, warnings.join('\n'));
    }
  });

  it('for: filters the list on the page instead, and fetches nothing itself', async () => {
    const key = uniqueKey();
    const wrap = await fixture(html`<div>
      <portal-news-search for="search-list" debounce="50" src=${docUrl('news.json', { key: `${key}-search` })}></portal-news-search>
      <portal-news-list id="search-list" src=${docUrl('news.json', { key })}></portal-news-list>
    </div>`);
    const el = wrap.querySelector('portal-news-search')!;
    const list = wrap.querySelector('portal-news-list')!;
    await until(() => listTitles(list).length === 10, 5000, 'list');
    await type(el, 'duong le loi');
    await until(() => listTitles(list).length === 1, 3000, 'filtered list');
    expect(listTitles(list)).to.deep.equal(['Đường Lê Lợi được chỉnh trang trước mùa Festival']);
    expect(shadow(el).querySelector('[part="results"]')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => listTitles(list).length === 10, 3000, 'list cleared');
    expect((await requestCount(`${key}-search`)).count).to.equal(0);
  });

  it('shares the feed request with a list on the page', async () => {
    const key = uniqueKey();
    const src = docUrl('news.json', { key });
    const wrap = await fixture(html`<div>
      <portal-news-search value="hoi" src=${src}></portal-news-search>
      <portal-news-list src=${src}></portal-news-list>
    </div>`);
    await until(() => results(wrap.querySelector('portal-news-search')!).length > 0, 5000, 'results');
    expect((await requestCount(key)).count).to.equal(1);
  });

  it('shows a loading state and a localized error once something is typed', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search value="hoi" src=${docUrl('news.json', { key: uniqueKey(), fault: '500' })}></portal-news-search>`);
    expect(shadow(el).querySelector('[part="skeleton"]')).to.exist;
    await until(() => !!shadow(el).querySelector('[part="error"]'), 8000, 'error');
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.match(/Máy chủ trả lỗi\./);
    expect(input(el)).to.exist;
  });

  it('speaks English', async () => {
    const el = await fixture<PortalNewsSearch>(html`<portal-news-search lang="en" value="duong" .items=${[item('b', 'Đường Lê Lợi')]}></portal-news-search>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('label')!.textContent).to.equal('Search news');
    expect(status(el)).to.equal('1 article found');
  });

  for (const lang of ['vi', 'en']) {
    it(`is accessible in every state (${lang})`, async function () {
      this.timeout(60000);
      const src = () => docUrl('news.json', { key: uniqueKey() });
      const states = [
        html`<portal-news-search lang=${lang} src=${src()}></portal-news-search>`,
        html`<portal-news-search lang=${lang} value="hoi nghi" show-summary src=${src()}></portal-news-search>`,
        html`<portal-news-search lang=${lang} value="xyz" src=${src()}></portal-news-search>`,
        html`<portal-news-search lang=${lang} value="hoi" src=${docUrl('news.json', { key: uniqueKey(), fault: '404' })}></portal-news-search>`,
        html`<portal-news-search lang=${lang} value="hoi" src=${docUrl('news.json', { key: uniqueKey(), fault: 'slow', ms: 3000 })}></portal-news-search>`,
      ];
      for (const state of states) {
        const el = await fixture<PortalNewsSearch>(state);
        await new Promise((r) => setTimeout(r, 300));
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
    });
  }
});

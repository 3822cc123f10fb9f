import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsArchive } from '../../../src/components/news-archive/news-archive.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';
import { captureWarnings, docUrl, nextEvent, requestCount, resetFeeds, uniqueKey, until } from '../../helpers.js';
import { setReaderClock } from '../../core/reader-clock.js';

const shadow = (el: Element) => el.shadowRoot!;
const title = (el: PortalNewsArchive) => shadow(el).querySelector('[part="title"]')!.textContent!.trim();
/** A day cell's accessible name (its visually hidden text: the visible number and count are aria-hidden). */
const name = (td: Element | null) => td?.querySelector('.visually-hidden')?.textContent;
const day = (el: PortalNewsArchive, d: number) => [...shadow(el).querySelectorAll<HTMLElement>('td[tabindex]')].find((td) => td.querySelector('span')!.textContent === String(d))!;
const focused = (el: PortalNewsArchive) => name(shadow(el).activeElement);
const tabStops = (el: PortalNewsArchive) => [...shadow(el).querySelectorAll('td[tabindex="0"]')].map(name);
const listTitles = (el: PortalNewsList) => [...shadow(el).querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
const yearOptions = (el: PortalNewsArchive) => [...shadow(el).querySelectorAll('select')[1].options].map((o) => o.text);
const thisYear = new Date().getFullYear();
const at = (iso: string, id: string): NewsItem => ({ id, title: `Tin ${id}`, published: new Date(iso), authors: [], tags: [], attachments: [] });

async function loaded(el: PortalNewsArchive) {
  await until(() => !!shadow(el).querySelector('table, [part="months"], [part="empty"]'), 8000, 'calendar');
  await el.updateComplete;
}

describe('<portal-news-archive>', () => {
  beforeEach(resetFeeds);

  it('opens on the newest item’s month, days with news marked and counted in their names', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    expect(title(el)).to.equal('Tháng 4 năm 2024');
    expect(name(day(el, 19))).to.equal('19 tháng 4 năm 2024, 1 tin');
    expect(day(el, 19).getAttribute('part')).to.contain('has-news');
    expect(name(day(el, 20))).to.equal('20 tháng 4 năm 2024');
    expect(day(el, 20).getAttribute('part')).not.to.contain('has-news');
    // One tab stop: the newest day with news (today is not in this month).
    expect(tabStops(el)).to.deep.equal(['19 tháng 4 năm 2024, 1 tin']);
    // Monday first in Vietnamese.
    expect(shadow(el).querySelector('th')!.getAttribute('abbr')).to.equal('Thứ hai');
  });

  it('says "3 tin" / "3 articles" for a day with three items, and opens on the chosen date', async () => {
    const items = [at('2024-04-19T08:00:00+07:00', 'a'), at('2024-04-19T09:00:00+07:00', 'b'), at('2024-04-19T23:30:00+07:00', 'c'), at('2024-06-01T08:00:00+07:00', 'd')];
    const vi = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${items} value="2024-04-19"></portal-news-archive>`);
    await loaded(vi);
    expect(title(vi)).to.equal('Tháng 4 năm 2024');
    expect(name(day(vi, 19))).to.equal('19 tháng 4 năm 2024, 3 tin');
    expect(day(vi, 19).getAttribute('aria-selected')).to.equal('true');
    expect(day(vi, 19).querySelector('[part="count"]')!.textContent).to.equal('3');
    const en = await fixture<PortalNewsArchive>(html`<portal-news-archive lang="en" .items=${items} value="2024-04-19"></portal-news-archive>`);
    await loaded(en);
    expect(title(en)).to.equal('April 2024');
    expect(name(day(en, 19))).to.equal('April 19, 2024, 3 articles');
    expect(shadow(en).querySelector('th')!.getAttribute('abbr')).to.equal('Sunday');
    const newest = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${items}></portal-news-archive>`);
    await loaded(newest);
    expect(title(newest)).to.equal('Tháng 6 năm 2024');
  });

  describe('date-grid keys', () => {
    let el: PortalNewsArchive;
    beforeEach(async () => {
      el = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
      await loaded(el);
      day(el, 19).focus();
    });
    const press = async (key: string) => {
      const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
      if (modifier) await sendKeys({ down: modifier });
      await sendKeys({ press: main });
      if (modifier) await sendKeys({ up: modifier });
      await el.updateComplete;
    };
    const cases: [string, string, string][] = [
      ['ArrowRight', '20 tháng 4 năm 2024', 'Tháng 4 năm 2024'],
      ['ArrowLeft', '18 tháng 4 năm 2024, 1 tin', 'Tháng 4 năm 2024'],
      ['ArrowDown', '26 tháng 4 năm 2024', 'Tháng 4 năm 2024'],
      ['ArrowUp', '12 tháng 4 năm 2024, 1 tin', 'Tháng 4 năm 2024'],
      ['Home', '15 tháng 4 năm 2024, 1 tin', 'Tháng 4 năm 2024'],
      ['End', '21 tháng 4 năm 2024', 'Tháng 4 năm 2024'],
      ['PageDown', '19 tháng 5 năm 2024', 'Tháng 5 năm 2024'],
      ['PageUp', '19 tháng 3 năm 2024', 'Tháng 3 năm 2024'],
      ['Shift+PageDown', '19 tháng 4 năm 2025', 'Tháng 4 năm 2025'],
      ['Shift+PageUp', '19 tháng 4 năm 2023', 'Tháng 4 năm 2023'],
    ];
    for (const [key, name, month] of cases) {
      it(`${key} moves the focus and the one tab stop`, async () => {
        await press(key);
        expect(focused(el)).to.equal(name);
        expect(tabStops(el)).to.deep.equal([name]);
        expect(title(el)).to.equal(month);
      });
    }
    it('keys and buttons stop at the news years: the last day of 2100, the first of 1990, the year select showing it', async () => {
      const year = () => shadow(el).querySelectorAll('select')[1].value;
      for (const [value, keys, name, month] of [
        ['2100-12-15', ['Shift+PageDown', 'PageDown', 'ArrowDown', 'ArrowRight', 'End'], '31 tháng 12 năm 2100', 'Tháng 12 năm 2100'],
        ['1990-01-05', ['Shift+PageUp', 'PageUp', 'ArrowUp', 'ArrowLeft', 'Home'], '1 tháng 1 năm 1990', 'Tháng 1 năm 1990'],
      ] as const) {
        el.value = value;
        await el.updateComplete;
        shadow(el).querySelector<HTMLElement>('td[tabindex="0"]')!.focus();
        for (const key of keys) {
          await press(key);
          expect(focused(el), `${value} ${key}`).to.equal(name);
          expect(title(el), `${value} ${key}`).to.equal(month);
          expect(year(), `${value} ${key}`).to.equal(value.slice(0, 4));
        }
        shadow(el).querySelector<HTMLButtonElement>(value < '2000' ? '[part~="prev"]' : '[part~="next"]')!.click();
        await el.updateComplete;
        expect(title(el)).to.equal(month);
      }
    });

    it('arrows cross into the next month', async () => {
      for (let i = 0; i < 11; i++) await press('ArrowRight');
      expect(focused(el)).to.equal('30 tháng 4 năm 2024');
      await press('ArrowRight');
      expect(focused(el)).to.equal('1 tháng 5 năm 2024');
      expect(title(el)).to.equal('Tháng 5 năm 2024');
    });
    for (const key of ['Enter', ' ']) {
      it(`${key === ' ' ? 'Space' : key} chooses the focused day`, async () => {
        await press('ArrowLeft');
        const chosen = nextEvent<{ date: string; count: number }>(el, 'portal-date-select');
        await press(key);
        expect((await chosen).detail).to.deep.equal({ date: '2024-04-18', count: 1 });
        expect(day(el, 18).getAttribute('aria-selected')).to.equal('true');
      });
    }
    it('Tab leaves the grid: one tab stop', async () => {
      await press('Tab');
      expect(shadow(el).activeElement!.id).to.equal('date');
    });
    it('focus is visible on the focused day', async function () {
      // :focus matches only in a focused window: a headless Firefox window may not be.
      if (!document.hasFocus()) this.skip();
      await press('ArrowRight');
      const style = getComputedStyle(shadow(el).activeElement!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  it('Home goes to Sunday in English', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive lang="en" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    day(el, 19).focus();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)).to.equal('April 14, 2024, 1 article');
  });

  it('previous/next month buttons and the month and year jump', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    shadow(el).querySelector<HTMLButtonElement>('[part~="prev"]')!.click();
    await el.updateComplete;
    expect(title(el)).to.equal('Tháng 3 năm 2024');
    shadow(el).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    shadow(el).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    expect(title(el)).to.equal('Tháng 5 năm 2024');
    const [month, year] = shadow(el).querySelectorAll('select');
    month.value = '01';
    month.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(title(el)).to.equal('Tháng 1 năm 2024');
    year.value = '2025';
    year.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(title(el)).to.equal('Tháng 1 năm 2025');
    expect(tabStops(el)).to.deep.equal(['1 tháng 1 năm 2025']);
  });

  it('filters the <portal-news-list> named by for, and a cancelled portal-date-select does not', async () => {
    const src = docUrl('news.json', { key: uniqueKey() });
    const wrap = await fixture(html`<div>
      <portal-news-archive for="archive-list" src=${src}></portal-news-archive>
      <portal-news-list id="archive-list" src=${src}></portal-news-list>
    </div>`);
    const el = wrap.querySelector('portal-news-archive')!;
    const list = wrap.querySelector('portal-news-list')!;
    await loaded(el);
    await until(() => listTitles(list).length === 10, 5000, 'list');
    day(el, 18).click();
    await until(() => listTitles(list).length === 1, 3000, 'filtered list');
    expect(listTitles(list)).to.deep.equal(['Đường Lê Lợi được chỉnh trang trước mùa Festival']);
    el.addEventListener('portal-date-select', (e) => e.preventDefault(), { once: true });
    day(el, 17).click();
    await new Promise((r) => setTimeout(r, 100));
    expect(listTitles(list)).to.deep.equal(['Đường Lê Lợi được chỉnh trang trước mùa Festival']);
  });

  it('goes to list-href with {date}', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive list-href="#ngay={date}" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    try {
      day(el, 19).click();
      await until(() => location.hash === '#ngay=2024-04-19', 2000, 'hash');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('list-href="http://[bad?date={date}" (no URL): choosing a day goes nowhere and throws nothing; the month list has buttons, not links', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      const src = docUrl('news.json', { key: uniqueKey() });
      const el = await fixture<PortalNewsArchive>(html`<portal-news-archive list-href="http://[bad?date={date}" src=${src}></portal-news-archive>`);
      await loaded(el);
      const warnings = await captureWarnings(async () => {
        const chosen = nextEvent(el, 'portal-date-select');
        day(el, 19).click();
        await chosen;
        await new Promise((r) => setTimeout(r, 100));
      });
      expect(warnings.some((w) => w.includes('config: list-href: not a URL'))).to.equal(true, warnings.join('\n'));
      expect(el.value).to.equal('2024-04-19');
      el.mode = 'months';
      await captureWarnings(() => el.updateComplete.then(() => {}));
      expect(shadow(el).querySelector('a[part="month-link"]')).to.equal(null);
      expect(shadow(el).querySelectorAll('button[part="month-link"]').length).to.be.above(0);
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
  });

  it('mode="months": months with counts, newest first, as links to list-href (yyyy-MM) or buttons', async () => {
    const items = [at('2024-04-19T08:00:00+07:00', 'a'), at('2024-04-01T00:10:00+07:00', 'b'), at('2024-03-31T23:50:00+07:00', 'c'), at('2023-12-05T08:00:00+07:00', 'd')];
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive mode="months" list-href="/tin-tuc.html?date={date}" .items=${items}></portal-news-archive>`);
    await loaded(el);
    const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part="month-link"]')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Tháng 4/2024 (2)', 'Tháng 3/2024 (1)', 'Tháng 12/2023 (1)']);
    expect(links[0].getAttribute('href')).to.equal('/tin-tuc.html?date=2024-04');
    el.addEventListener('portal-date-select', (e) => e.preventDefault(), { once: true });
    const chosen = nextEvent<{ date: string; count: number }>(el, 'portal-date-select');
    links[1].click();
    expect((await chosen).detail).to.deep.equal({ date: '2024-03', count: 1 });
    const en = await fixture<PortalNewsArchive>(html`<portal-news-archive lang="en" mode="months" .items=${items}></portal-news-archive>`);
    await loaded(en);
    const buttons = [...shadow(en).querySelectorAll<HTMLButtonElement>('button[part="month-link"]')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['April 2024 (2)', 'March 2024 (1)', 'December 2023 (1)']);
  });

  it('a month filters the for list', async () => {
    const src = docUrl('news.json', { key: uniqueKey() });
    const wrap = await fixture(html`<div>
      <portal-news-archive mode="months" for="month-list" src=${src}></portal-news-archive>
      <portal-news-list id="month-list" limit="3" src=${src}></portal-news-list>
    </div>`);
    const el = wrap.querySelector('portal-news-archive')!;
    const list = wrap.querySelector('portal-news-list')!;
    await loaded(el);
    shadow(el).querySelector<HTMLButtonElement>('[part="month-link"]')!.click();
    await until(() => shadow(list).querySelector('[part="status"]')!.textContent === '12 tin tháng 4/2024', 3000, 'month filter');
  });

  it('reads a typed date, and explains "31/02/2024" and "abc"', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    const input = shadow(el).querySelector('input')!;
    const error = () => shadow(el).querySelector('[part="date-error"]')!.textContent!.trim();
    expect(shadow(el).querySelector('label[for="date"]')!.textContent).to.equal('Nhập ngày (dd/mm/yyyy)');
    const submit = async (text: string) => {
      input.value = text;
      shadow(el).querySelector<HTMLButtonElement>('[part="date-button"]')!.click();
      await el.updateComplete;
    };
    await submit('31/02/2024');
    expect(error()).to.equal('Không có ngày 31/02/2024 trong lịch: hãy kiểm tra ngày và tháng.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await submit('abc');
    expect(error()).to.equal('Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 19/04/2024.');
    await expect(el).to.be.accessible();
    const chosen = nextEvent<{ date: string }>(el, 'portal-date-select');
    await submit('9/3/2024');
    expect((await chosen).detail.date).to.equal('2024-03-09');
    expect(error()).to.equal('');
    expect(title(el)).to.equal('Tháng 3 năm 2024');
    expect(input.value).to.equal('09/03/2024');
  });

  for (const date of ['19/04/2024', '2024-13-45', '2024-02-30', '9999-12-31']) {
    it(`ignores ?date=${date} (no real day of a news year): the list shows every item, the calendar its newest month`, async () => {
      const page = location.href;
      history.replaceState(null, '', `${location.pathname}?date=${encodeURIComponent(date)}`);
      try {
        const src = docUrl('news.json', { key: uniqueKey() });
        const wrap = await fixture(html`<div>
          <portal-news-archive for="bad-date-list" src=${src}></portal-news-archive>
          <portal-news-list id="bad-date-list" sync-url src=${src}></portal-news-list>
        </div>`);
        const el = wrap.querySelector('portal-news-archive')!;
        const list = wrap.querySelector('portal-news-list')!;
        await loaded(el);
        await until(() => listTitles(list).length === 10, 5000, 'every item');
        expect(title(el)).to.equal('Tháng 4 năm 2024');
        expect(shadow(el).querySelector('[aria-selected="true"]')).to.equal(null);
        expect(yearOptions(el)).to.deep.equal(Array.from({ length: thisYear - 2024 + 1 }, (_, i) => String(2024 + i)));
        expect(shadow(list).textContent).not.to.match(/Invalid|NaN|undefined/);
      } finally {
        history.replaceState(null, '', page);
      }
    });
  }

  it('a list’s filter({date}) with no real day ignores the date with a config warning, never says "Invalid Date"', async () => {
    const list = await fixture<PortalNewsList>(html`<portal-news-list src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-list>`);
    await until(() => listTitles(list).length === 10, 5000, 'every item');
    const warnings = await captureWarnings(async () => {
      await list.filter({ date: '19/04/2024', query: 'hội nghị' });
      await list.updateComplete;
    });
    expect(warnings.some((w) => w.includes('config: date: "19/04/2024"'))).to.equal(true, warnings.join('\n'));
    expect(list.active.date).to.equal(undefined);
    expect(shadow(list).textContent).to.match(/cho «hội nghị»/);
    expect(shadow(list).textContent).not.to.match(/Invalid|NaN|undefined/);
  });

  for (const value of ['abc', '2024-99', '2024-04-31']) {
    it(`ignores value="${value}" with a config warning, opening on the newest month`, async () => {
      let el!: PortalNewsArchive;
      const warnings = await captureWarnings(async () => {
        el = await fixture<PortalNewsArchive>(html`<portal-news-archive value=${value} src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
        await loaded(el);
      });
      expect(title(el)).to.equal('Tháng 4 năm 2024');
      expect(shadow(el).textContent).not.to.match(/NaN|undefined/);
      expect(el.value).to.equal(undefined);
      expect(warnings.some((w) => w.includes(`config: value: "${value}"`))).to.equal(true, warnings.join('\n'));
      el.mode = 'months';
      el.value = value;
      await el.updateComplete;
      expect(shadow(el).querySelector('[aria-pressed="true"]')).to.equal(null);
    });
  }

  it('an item dated 8024 (a typo) neither opens the calendar in 8024 nor fills the year list', async () => {
    const el = await fixture<PortalNewsArchive>(
      html`<portal-news-archive .items=${[at('2024-04-19T08:00:00+07:00', 'ok'), at('8024-04-19T08:00:00+07:00', 'typo')]}></portal-news-archive>`,
    );
    await loaded(el);
    expect(title(el)).to.equal('Tháng 4 năm 2024');
    expect(yearOptions(el)).to.deep.equal(Array.from({ length: thisYear - 2024 + 1 }, (_, i) => String(2024 + i)));
    el.value = '2024-04-19';
    await el.updateComplete;
    // Typed, a far year is no day of the calendar either.
    const input = shadow(el).querySelector('input')!;
    input.value = '19/04/9999';
    shadow(el).querySelector<HTMLButtonElement>('[part="date-button"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="date-error"]')!.textContent).to.match(/Không có ngày 19\/04\/9999/);
    expect(yearOptions(el).length).to.be.below(thisYear - 2024 + 3);
  });

  it('with the reader’s clock at 2019 (a flat battery), a 2026 feed still shows and value="2026-11-05" still opens it', async () => {
    const items = [at('2026-11-19T08:00:00+07:00', 'a'), at('2026-11-05T08:00:00+07:00', 'b'), at('2026-10-05T08:00:00+07:00', 'c')];
    const restore = setReaderClock('2019-06-01T08:00:00+07:00');
    try {
      const newest = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${items}></portal-news-archive>`);
      await loaded(newest);
      expect(title(newest)).to.equal('Tháng 11 năm 2026');
      expect(name(day(newest, 19))).to.equal('19 tháng 11 năm 2026, 1 tin');
      expect(yearOptions(newest)).to.include('2026');
      expect(shadow(newest).querySelectorAll('select')[1].value).to.equal('2026');
      let chosen!: PortalNewsArchive;
      const warnings = await captureWarnings(async () => {
        chosen = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${items} value="2026-11-05"></portal-news-archive>`);
        await loaded(chosen);
      });
      expect(warnings.filter((w) => w.includes('config:'))).to.deep.equal([]);
      expect(chosen.value).to.equal('2026-11-05');
      expect(day(chosen, 5).getAttribute('aria-selected')).to.equal('true');
      chosen.mode = 'months';
      await chosen.updateComplete;
      expect([...shadow(chosen).querySelectorAll('[part="month-link"]')].map((b) => b.textContent!.trim())).to.have.length(2);
    } finally {
      restore();
    }
  });

  it('reads MM/dd/yyyy in English', async () => {
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive lang="en" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
    await loaded(el);
    const input = shadow(el).querySelector('input')!;
    input.value = '02/31/2024';
    shadow(el).querySelector<HTMLButtonElement>('[part="date-button"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="date-error"]')!.textContent!.trim()).to.equal('There is no date 02/31/2024: check the day and the month.');
    input.value = '04/18/2024';
    const chosen = nextEvent<{ date: string }>(el, 'portal-date-select');
    shadow(el).querySelector<HTMLButtonElement>('[part="date-button"]')!.click();
    expect((await chosen).detail.date).to.equal('2024-04-18');
  });

  it('follows next_url pages until the month shown is complete', async () => {
    const key = uniqueKey();
    const el = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news-page1.json', { key })}></portal-news-archive>`);
    await loaded(el);
    await until(() => name(day(el, 8)) === '8 tháng 4 năm 2024, 1 tin', 5000, 'second page');
    expect((await requestCount('news-page2.json')).count).to.be.at.least(1);
    // May is after every item: no further page is needed for it.
    const before = (await requestCount('news-page2.json')).count;
    shadow(el).querySelector<HTMLButtonElement>('[part~="next"]')!.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect((await requestCount('news-page2.json')).count).to.equal(before);
  });

  it('keeps the fallback while loading, shows a localized error with retry, never throws', async () => {
    const slow = await fixture<PortalNewsArchive>(
      html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey(), fault: 'slow', ms: 500 })}><a href="/tin-tuc">Tin theo ngày</a></portal-news-archive>`,
    );
    expect(shadow(slow).querySelector('slot')!.assignedElements()[0].textContent).to.equal('Tin theo ngày');
    expect(shadow(slow).querySelector('input')).to.exist; // the typed date field is always there
    await expect(slow).to.be.accessible();
    const failed = await fixture<PortalNewsArchive>(html`<portal-news-archive src=${docUrl('news.json', { key: uniqueKey(), fault: '404' })}></portal-news-archive>`);
    await until(() => !!shadow(failed).querySelector('[part="error"]'), 5000, 'error');
    expect(shadow(failed).querySelector('[part="error"]')!.textContent).to.match(/Máy chủ trả lỗi\./);
    expect(shadow(failed).querySelector('[part="retry"]')).to.exist;
  });

  for (const lang of ['vi', 'en']) {
    it(`is accessible in every state (${lang})`, async function () {
      this.timeout(60000);
      const days = await fixture<PortalNewsArchive>(html`<portal-news-archive lang=${lang} value="2024-04-18" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
      await loaded(days);
      await expect(days).to.be.accessible();
      const months = await fixture<PortalNewsArchive>(html`<portal-news-archive lang=${lang} mode="months" list-href="?date={date}" src=${docUrl('news.json', { key: uniqueKey() })}></portal-news-archive>`);
      await loaded(months);
      await expect(months).to.be.accessible();
      const empty = await fixture<PortalNewsArchive>(html`<portal-news-archive lang=${lang} mode="months" src=${docUrl('empty.json', { key: uniqueKey() })}></portal-news-archive>`);
      await loaded(empty);
      await expect(empty).to.be.accessible();
      const emptyDays = await fixture<PortalNewsArchive>(html`<portal-news-archive lang=${lang} src=${docUrl('empty.json', { key: uniqueKey() })}></portal-news-archive>`);
      await loaded(emptyDays);
      await expect(emptyDays).to.be.accessible();
      const failed = await fixture<PortalNewsArchive>(html`<portal-news-archive lang=${lang} src=${docUrl('news.json', { key: uniqueKey(), fault: '500' })}></portal-news-archive>`);
      await until(() => !!shadow(failed).querySelector('[part="error"]'), 8000, 'error');
      await expect(failed).to.be.accessible();
    });
  }

  describe('with the browser in America/Los_Angeles', () => {
    let emulated = false;
    before(async function () {
      emulated = (await executeServerCommand('emulate-timezone', { zone: 'America/Los_Angeles' })) === true;
      // Firefox through WebDriver BiDi may not emulate time zones: nothing to test there.
      if (!emulated) this.skip();
    });
    after(async () => {
      if (emulated) await executeServerCommand('emulate-timezone', {});
    });

    it('counts an item at 23:30 on 19/04 in Huế on 19/04, and 00:30 on 20/04 on 20/04', async () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/Los_Angeles');
      const items = [at('2024-04-19T23:30:00+07:00', 'late'), at('2024-04-20T00:30:00+07:00', 'after-midnight')];
      // The reader's own clock puts both on 19/04 (09:30 and 10:30 in Los Angeles).
      expect(items.map((i) => i.published!.getDate())).to.deep.equal([19, 19]);
      const el = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${items}></portal-news-archive>`);
      await loaded(el);
      expect(name(day(el, 19))).to.equal('19 tháng 4 năm 2024, 1 tin');
      expect(name(day(el, 20))).to.equal('20 tháng 4 năm 2024, 1 tin');
      const chosen = nextEvent<{ date: string; count: number }>(el, 'portal-date-select');
      day(el, 19).click();
      expect((await chosen).detail).to.deep.equal({ date: '2024-04-19', count: 1 });
    });

    it('moves across the daylight-saving change without skipping or repeating a day', async () => {
      const el = await fixture<PortalNewsArchive>(html`<portal-news-archive .items=${[at('2024-03-09T12:00:00+07:00', 'x')]}></portal-news-archive>`);
      await loaded(el);
      day(el, 9).focus();
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'ArrowRight' });
        await el.updateComplete;
        seen.push(focused(el)!);
      }
      expect(seen).to.deep.equal(['10 tháng 3 năm 2024', '11 tháng 3 năm 2024', '12 tháng 3 năm 2024']);
      expect(shadow(el).querySelectorAll('td[tabindex]')).to.have.length(31);
    });
  });
});

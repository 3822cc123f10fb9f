/**
 * `sync-url` as a reader meets it: each change of the filter is one history
 * entry (a query typed is one, not one per pause), Back and Forward show what
 * their entry showed, in the list and in the search and archive `for` it, a
 * reload shows the same, and nothing is added when nothing changed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import '../../../src/components/news-search/news-search.js';
import type { PortalNewsArchive } from '../../../src/components/news-archive/news-archive.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { PortalNewsSearch } from '../../../src/components/news-search/news-search.component.js';
import { docUrl, resetFeeds, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const titles = (list: PortalNewsList) => [...shadow(list).querySelectorAll('[part~="title"]')].map((t) => t.textContent!.trim());
const line = (list: PortalNewsList) => shadow(list).querySelector('[part="status"]')!.textContent!.trim();
/** The address's filter parameters, and the others it keeps. */
const address = () => Object.fromEntries(new URLSearchParams(location.search));
const box = (search: PortalNewsSearch) => shadow(search).querySelector('input')!;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The entries the page added, counted as they are pushed: `history.length`
 * stops at the browser's cap (50 in Chromium and Firefox), which a full run,
 * every test file in one tab, has reached by the time this file runs.
 */
let pushes = 0;
const push = history.pushState.bind(history);

/** Goes Back (or Forward) and waits for the list to show that entry's filter. */
async function go(step: -1 | 1, list: PortalNewsList): Promise<void> {
  const popped = new Promise((r) => addEventListener('popstate', r, { once: true }));
  history.go(step);
  await popped;
  await pause(50);
  await list.updateComplete;
}

/**
 * A list with `sync-url`, a search and an archive `for` it, on a page whose
 * address is `?page=tin&` + `query`: a new entry, the last (a test before may
 * have gone Back), and `start`, the entries pushed until then.
 */
async function page(query = '') {
  push(null, '', `${location.pathname}?page=tin${query && `&${query}`}`);
  const start = pushes;
  const src = docUrl('news.json', { key: uniqueKey() });
  const wrap = await fixture(html`<div>
    <portal-news-search for="synced" debounce="50"></portal-news-search>
    <portal-news-archive for="synced" value="2024-04" src=${src}></portal-news-archive>
    <portal-news-list id="synced" sync-url src=${src}></portal-news-list>
  </div>`);
  const list = wrap.querySelector<PortalNewsList>('portal-news-list')!;
  await until(() => !!shadow(list).querySelector('ul, [part="empty"]') && !!shadow(wrap.querySelector('portal-news-archive')!).querySelector('td'), 8000, 'list and calendar');
  return { start, list, search: wrap.querySelector<PortalNewsSearch>('portal-news-search')!, archive: wrap.querySelector<PortalNewsArchive>('portal-news-archive')! };
}

describe('<portal-news-list sync-url> and the history', () => {
  before(() => (history.pushState = (...args: Parameters<History['pushState']>) => (pushes++, push(...args))));
  after(() => delete (history as Partial<History>).pushState);
  beforeEach(resetFeeds);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('each reader action is one entry; Back and Forward show what was shown; a reload the same', async function () {
    this.timeout(20000);
    const { start, list, search, archive } = await page();
    const all = titles(list).length;

    // Typed with pauses (the search filters at each): one entry.
    box(search).focus();
    await sendKeys({ type: 'mat' });
    await pause(200);
    await sendKeys({ type: ' tran' });
    await until(() => list.active.query === 'mat tran', 3000, 'the typed query');
    await list.updateComplete;
    expect(address()).to.deep.equal({ page: 'tin', q: 'mat tran' });
    expect(pushes - start, 'entries after typing').to.equal(1);
    const searched = { titles: titles(list), line: line(list) };

    // A day of the archive: a second entry, with the query kept.
    [...shadow(archive).querySelectorAll<HTMLElement>('td[tabindex]')].find((td) => td.querySelector('span')!.textContent === '19')!.click();
    await until(() => !!list.active.date, 3000, 'the day');
    await list.updateComplete;
    const date = list.active.date!;
    expect(address()).to.deep.equal({ page: 'tin', q: 'mat tran', date });
    expect(pushes - start).to.equal(2);
    const both = { titles: titles(list), line: line(list) };
    expect(both.titles.length, 'the day narrows the search').to.be.within(1, searched.titles.length - 1);

    // "Xem tất cả": a third, the other parameter kept.
    shadow(list).querySelector<HTMLButtonElement>('[part="clear-filter"]')!.click();
    await until(() => titles(list).length === all, 3000, 'every item again');
    expect(address()).to.deep.equal({ page: 'tin' });
    expect(pushes - start).to.equal(3);

    // The same filter again adds nothing.
    await list.filter({ query: '', date: '' });
    expect(pushes - start, 'a filter that changes nothing').to.equal(3);

    await go(-1, list);
    expect(address()).to.deep.equal({ page: 'tin', q: 'mat tran', date });
    expect({ titles: titles(list), line: line(list) }).to.deep.equal(both);
    await until(() => box(search).value === 'mat tran' && archive.value === date, 2000, 'the search and the archive show the filter');

    await go(-1, list);
    expect(address()).to.deep.equal({ page: 'tin', q: 'mat tran' });
    expect({ titles: titles(list), line: line(list) }).to.deep.equal(searched);
    await until(() => box(search).value === 'mat tran' && archive.value === undefined, 2000, 'the archive shows no day');

    await go(1, list);
    expect({ titles: titles(list), line: line(list) }).to.deep.equal(both);
    expect(pushes - start, 'Back and Forward add nothing').to.equal(3);

    // A reload: the same address shows the same list.
    const again = await page(new URLSearchParams({ q: 'mat tran', date }).toString());
    expect({ titles: titles(again.list), line: line(again.list) }).to.deep.equal(both);
  });

  it('reading the address on load adds no entry, nor does a date that is no day', async () => {
    for (const query of ['q=mat+tran', 'q=mat%20tran&tag=M%E1%BA%B7t+tr%E1%BA%ADn', 'date=19%2F04%2F2024&q=mat+tran']) {
      const { start, list } = await page(query);
      await until(() => list.active.query === 'mat tran', 3000, 'the query read');
      await list.updateComplete;
      expect(pushes, query).to.equal(start);
    }
  });

  it('a new query after a while is a new entry, clearing the box one more', async function () {
    this.timeout(20000);
    const { start, list, search } = await page();
    await search.search('hoi nghi');
    await pause(2100);
    await search.search('duong le loi');
    expect(address().q).to.equal('duong le loi');
    await search.search('');
    expect(address()).to.deep.equal({ page: 'tin' });
    expect(pushes - start).to.equal(3);
    await go(-1, list);
    expect(list.active.query).to.equal('duong le loi');
    await go(-1, list);
    expect(list.active.query).to.equal('hoi nghi');
  });
});

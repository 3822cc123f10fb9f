/**
 * Every widget keeps one box from the page's first paint to its data: before
 * its tag is defined (the fallback children under dist/portal-widgets.css's
 * rules, adopted here from the same source), while it loads (its skeleton, the
 * feed held back by the test server), and, for the widgets whose size does not
 * follow their data (banner, search, counter), once shown. The widget modules
 * are imported only inside each test, so each tag is still undefined when its
 * fallback is measured; a test that finds it already defined fails.
 */
import { expect } from '@open-wc/testing';
import { widgetsCss } from '../../build/widgets-css.js';
import { docUrl, resetFeeds, uniqueKey, until } from '../helpers.js';

/** The page: the shipped rules, a portal's text settings, a sidebar-wide column. */
const page = new CSSStyleSheet();
page.replaceSync(`${widgetsCss()} body{font:16px/1.5 sans-serif} .column{inline-size:22rem}`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

/** The feed held back this long: the skeleton is on screen while it waits. */
const HOLD_MS = 1500;
const height = (el: Element) => el.getBoundingClientRect().height;
const skeleton = (el: Element) => el.shadowRoot?.querySelector('[part="skeleton"]');

interface Heights {
  fallback: number;
  loading: number;
  shown: number;
}

/** Puts `markup` in a column, measures it undefined, then defines it (`load`), measures the skeleton, then the shown widget. */
async function threeStates(markup: string, tag: string, load: () => Promise<unknown>, hasSkeleton = true): Promise<Heights> {
  expect(customElements.get(tag), `${tag} is still undefined`).to.equal(undefined);
  const column = document.createElement('div');
  column.className = 'column';
  column.innerHTML = markup;
  document.body.append(column);
  const el = column.firstElementChild!;
  try {
    const fallback = height(el);
    await load();
    await customElements.whenDefined(tag);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    if (hasSkeleton) expect(skeleton(el), `${tag} shows its skeleton while the feed is held`).to.exist;
    const loading = height(el);
    await until(() => !!el.shadowRoot?.childElementCount && !skeleton(el), HOLD_MS + 8000, `${tag} shown`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return { fallback, loading, shown: height(el) };
  } finally {
    column.remove();
  }
}

const held = (file: string) => docUrl(file, { key: uniqueKey(), fault: 'slow', ms: HOLD_MS });
/** Sub-pixel rounding of em figures. */
const near = (a: number, b: number, what: string) => expect(Math.abs(a - b), `${what}: ${a.toFixed(1)} vs ${b.toFixed(1)} px`).to.be.below(1.5);

describe('reserved boxes (no layout shift)', () => {
  beforeEach(resetFeeds);

  it('the banner is one line high undefined, loading and shown (its text would wrap to three lines)', async () => {
    const h = await threeStates(
      `<portal-banner src="${held('banner.json')}"><span>Nhiệt liệt chào mừng Đại hội đại biểu Mặt trận Tổ quốc Việt Nam các cấp tỉnh Thừa Thiên Huế nhiệm kỳ 2024 - 2029, lần thứ XI</span></portal-banner>`,
      'portal-banner',
      () => import('../../src/components/banner/banner.js'),
    );
    near(h.loading, h.fallback, 'loading vs fallback');
    near(h.shown, h.fallback, 'shown vs fallback');
  });

  it('a news list reserves its limit of items, and its skeleton is as tall', async () => {
    const h = await threeStates(
      `<portal-news-list src="${held('news.json')}" limit="6" show-date><a href="/tin-tuc">Tin tức</a></portal-news-list>`,
      'portal-news-list',
      () => import('../../src/components/news-list/news-list.js'),
    );
    const typedAttr = CSS.supports('x: attr(x type(<number>), 1)');
    // Without typed attr() (Firefox ESR today) the undefined box is the default limit's, 10 items.
    if (typedAttr) near(h.loading, h.fallback, 'loading vs fallback');
    const item = (h.loading - 24) / 6;
    expect(item, 'an item skeleton is at least an item of one-line title and date').to.be.above(3 * 16);
    // Titles of one to three lines: the shown list is within an item's height per three items of its reserve.
    expect(Math.abs(h.shown - h.loading), `shown ${h.shown} vs reserved ${h.loading}`).to.be.below(2 * item);
  });

  it('an article reserves a screen, undefined and loading', async () => {
    const h = await threeStates(
      `<portal-article src="${held('article.json')}" item-id="tin-200"><h1>Hội nghị</h1><p>Ngày cập nhật 19/04/2024</p></portal-article>`,
      'portal-article',
      () => import('../../src/components/article/article.js'),
    );
    near(h.fallback, innerHeight, 'fallback vs the screen');
    near(h.loading, h.fallback, 'loading vs fallback');
  });

  it('the search box is the same height undefined and shown', async () => {
    const h = await threeStates(
      `<portal-news-search src="${docUrl('news.json', { key: uniqueKey() })}"><form><label>Từ khóa <input type="search" name="q" /></label> <button>Tìm</button></form></portal-news-search>`,
      'portal-news-search',
      () => import('../../src/components/news-search/news-search.js'),
      false,
    );
    near(h.shown, h.fallback, 'shown vs fallback');
  });

  it('the archive keeps a six-week calendar box undefined and loading, and shows within one week of it', async () => {
    const h = await threeStates(
      `<portal-news-archive src="${held('news.json')}"><form><label>Ngày <input type="date" name="date" /></label> <button>Xem</button></form></portal-news-archive>`,
      'portal-news-archive',
      () => import('../../src/components/news-archive/news-archive.js'),
    );
    near(h.loading, h.fallback, 'loading vs fallback');
    expect(h.shown, 'no taller than the six weeks reserved').to.be.below(h.fallback + 1.5);
    expect(h.fallback - h.shown, 'a five-week month at most one row shorter').to.be.below(2.25 * 16 + 1.5);
  });

  it('the video list and the link directory keep their box from undefined to loading', async () => {
    const videos = await threeStates(
      `<portal-video-list src="${held('videos.json')}" limit="3"><a href="/video">Video</a></portal-video-list>`,
      'portal-video-list',
      () => import('../../src/components/video-list/video-list.js'),
    );
    near(videos.loading, videos.fallback, 'videos: loading vs fallback');
    const links = await threeStates(
      `<portal-link-directory src="${held('links.json')}"><ul><li><a href="/">Tỉnh ủy</a></li></ul></portal-link-directory>`,
      'portal-link-directory',
      () => import('../../src/components/link-directory/link-directory.js'),
    );
    near(links.loading, links.fallback, 'links: loading vs fallback');
  });

  it('the visit counter is the same height undefined, loading and shown (with and without today)', async () => {
    const src = (extra: string) => `/test-api/visits?key=${uniqueKey('visits')}&fault=slow&ms=${HOLD_MS}${extra}`;
    const column = document.createElement('div');
    column.className = 'column';
    column.innerHTML = `<portal-visit-counter src="${src('')}"><p>Thống kê truy cập</p></portal-visit-counter>`;
    document.body.append(column);
    const plain = height(column.firstElementChild!);
    column.remove();
    const h = await threeStates(
      `<portal-visit-counter src="${src('')}" show-today><p>Thống kê truy cập</p></portal-visit-counter>`,
      'portal-visit-counter',
      () => import('../../src/components/visit-counter/visit-counter.js'),
    );
    near(h.loading, h.fallback, 'today: loading vs fallback');
    near(h.shown, h.fallback, 'today: shown vs fallback');
    expect(plain, 'two rows reserve less than three').to.be.below(h.fallback - 16);
  });
});

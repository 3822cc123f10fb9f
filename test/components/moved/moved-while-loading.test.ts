/**
 * A widget moved or re-inserted while its document loads (tabs, accordions,
 * jQuery's appendTo, a CMS editor re-parenting content) still shows its data:
 * the disconnect cuts the run, and the reconnect must start it again.
 */
import { expect } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import '../../../src/components/banner/banner.js';
import '../../../src/components/link-directory/link-directory.js';
import '../../../src/components/news-archive/news-archive.js';
import '../../../src/components/news-list/news-list.js';
import '../../../src/components/video-list/video-list.js';
import '../../../src/components/visit-counter/visit-counter.js';
import { docUrl, resetFeeds, uniqueKey, until } from '../../helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each widget with a slow document (the answer comes 600 ms after the request). */
const widgets: [tag: string, file: string, attrs?: Record<string, string>][] = [
  ['portal-news-list', 'news.json'],
  ['portal-article', 'news.json', { 'item-id': 'tin-100', 'related-limit': '0' }],
  ['portal-news-archive', 'news.json', { value: '2024-04' }],
  ['portal-video-list', 'videos.json'],
  ['portal-link-directory', 'links.json'],
  ['portal-banner', 'banner.json'],
];

function make(tag: string, file: string, attrs: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.setAttribute('src', docUrl(file, { key: uniqueKey(), fault: 'slow', ms: 600 }));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.textContent = 'fallback';
  return el;
}

const settled = (el: HTMLElement) => !!el.shadowRoot && !el.shadowRoot.querySelector('[part="skeleton"]') && (el.shadowRoot.textContent ?? '').trim() !== '';

describe('a widget moved or re-inserted while it loads', () => {
  let a: HTMLElement;
  let b: HTMLElement;
  beforeEach(async () => {
    await resetFeeds();
    a = document.body.appendChild(document.createElement('div'));
    b = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => (a.remove(), b.remove()));

  for (const [tag, file, attrs] of widgets) {
    it(`${tag}: moved to another parent mid-load, it shows its data`, async () => {
      const el = a.appendChild(make(tag, file, attrs));
      await sleep(150); // the request is in flight
      expect(el.shadowRoot?.querySelector('[part="skeleton"]'), 'loading before the move').to.exist;
      b.append(el);
      await until(() => settled(el), 8000, `${tag} shows its data after the move`);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });

    it(`${tag}: removed mid-load and added again later, it shows its data`, async () => {
      const el = a.appendChild(make(tag, file, attrs));
      await sleep(150);
      el.remove();
      await sleep(100);
      b.append(el);
      await until(() => settled(el), 8000, `${tag} shows its data after it is added again`);
    });
  }

  it('a list moved after its data arrived keeps its items (no skeleton in between)', async () => {
    const el = a.appendChild(make('portal-news-list', 'news.json'));
    await until(() => settled(el), 8000, 'loaded');
    const before = el.shadowRoot!.querySelectorAll('li').length;
    b.append(el);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('li').length).to.equal(before);
  });
});

/**
 * A feed that could not be read (unreachable, HTTP 500, unparseable) says so, as
 * in every widget: the article may be in what failed, so "not found" is only for
 * a feed that loaded and has no such item.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import type { PortalArticle } from '../../../src/components/article/article.component.js';
import { resetStore } from '../../../src/core/feed-store.js';
import { docUrl, requestCount, resetFeeds, uniqueKey, until, untilSaved } from '../../helpers.js';

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: PortalArticle) => until(() => !!$(el, 'article, [part="not-found"], [part="error"]'), 8000, 'the article, not found or the error');

/** Each fault of the test server, and the reason the reader is told. */
const faults = [
  ['500', 'Máy chủ trả lỗi'],
  ['reset', 'Không kết nối được máy chủ'],
  ['malformed', 'Dữ liệu bị hỏng, không đọc được'],
];

/** A first page served as it is, one item on it, whose `next_url` is `next`. */
function firstPage(next: string): string {
  const page = { version: 'https://jsonfeed.org/version/1.1', title: 'Tin tuc', items: [{ id: 'tin-1', title: 'Tin 1', content_text: 'Tin 1' }], next_url: new URL(next, location.href).href };
  const b64 = btoa(JSON.stringify(page)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `/test-api/echo?type=${encodeURIComponent('application/feed+json')}&b64=${b64}`;
}

/** Waits for the error box, and checks it is the failure's, with the fallback and no "not found". */
async function failed(el: PortalArticle, reason: string, codes: string[]) {
  await settled(el);
  await el.updateComplete;
  expect(text($(el, '[part="error"]'))).to.equal(`Không tải được tin: ${reason}. Thử lại`);
  expect($(el, '[part="not-found"]')).to.equal(null);
  expect(el.shadowRoot!.querySelector('slot')!.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Đọc bài trên trang cũ']);
  expect(codes).not.to.include('not-found');
}

const errorCodes = (el: PortalArticle) => {
  const codes: string[] = [];
  el.addEventListener('portal-error', (e) => codes.push((e as CustomEvent<{ error: { code: string } }>).detail.error.code));
  return codes;
};

/** Presses retry and waits until it has read `key` again, if given (the store's own retries included), and settled. */
async function retried(el: PortalArticle, key?: string) {
  const count = async () => (key ? (await requestCount(key)).count : 0);
  const before = await count();
  $(el, '[part="retry"]')!.click();
  const end = performance.now() + 8000;
  while (key && (await count()) <= before) {
    if (performance.now() > end) throw new Error(`the retry did not read ${key} again`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 1500)); // the store's own retries, 300 and 600 ms apart (±50 %)
  await settled(el);
}

describe('<portal-article> of a feed that failed', () => {
  beforeEach(resetFeeds);

  for (const [fault, reason] of faults) {
    it(`a further page that fails (${fault}): its failure, not "not found", again on retry`, async () => {
      const key = uniqueKey();
      const el = await fixture<PortalArticle>(
        html`<portal-article item-id="tin-105" src=${firstPage(docUrl('news-page2.json', { key, fault }))}>Đọc bài trên trang cũ</portal-article>`,
      );
      const codes = errorCodes(el);
      await failed(el, reason, codes);
      expect(codes).to.have.length(1);
      // A further page that came but did not parse is this page's copy: the store does not read it again (core/feed-pages.ts).
      await retried(el, fault === 'malformed' ? undefined : key);
      await failed(el, reason, codes);
    });

    it(`a saved copy without the item and a fresh copy that fails (${fault}): its failure, not "not found", again on retry`, async () => {
      const key = uniqueKey();
      const src = docUrl('article.json', { key, seq: `none,${fault}` });
      const first = await fixture<PortalArticle>(html`<portal-article item-id="tin-200" src=${src}></portal-article>`);
      await settled(first);
      await untilSaved(key);
      resetStore(); // another page of the site: the saved copy, no fetched one
      const el = await fixture<PortalArticle>(html`<portal-article item-id="khong-co" src=${src}>Đọc bài trên trang cũ</portal-article>`);
      const codes = errorCodes(el);
      await failed(el, reason, codes);
      await retried(el, key);
      await failed(el, reason, codes);
    });
  }

  it('a saved copy without the item: "not found" only once the fresh copy has loaded without it', async () => {
    const key = uniqueKey();
    const src = docUrl('article.json', { key, seq: 'none,slow', ms: 600 });
    const first = await fixture<PortalArticle>(html`<portal-article item-id="tin-200" src=${src}></portal-article>`);
    await settled(first);
    await untilSaved(key);
    resetStore();
    const el = await fixture<PortalArticle>(html`<portal-article item-id="khong-co" src=${src}></portal-article>`);
    const codes = errorCodes(el);
    await new Promise((r) => setTimeout(r, 300)); // the saved copy is shown, the fresh one still on its way
    expect([$(el, '[part="skeleton"]') !== null, $(el, '[part="not-found"]'), codes]).to.deep.equal([true, null, []]);
    await settled(el);
    expect(text($(el, '[part="not-found"]'))).to.equal('Không tìm thấy bài viết.');
    expect(codes).to.deep.equal(['not-found']);
  });
});

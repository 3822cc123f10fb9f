import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';
import { docUrl, uniqueKey } from '../../helpers.js';

const items = (n: number): NewsItem[] => Array.from({ length: n }, (_, i) => ({ id: `${i}`, title: `Tin số ${i}`, authors: [], tags: [], attachments: [] }));
const count = (el: PortalNewsList) => el.shadowRoot!.querySelectorAll('li').length;
/**
 * Appends a list and counts its items as the frame that paints its first render paints them: in a
 * ResizeObserver's callback, after that frame's layout, before its paint (observing once the render
 * has written its items, so after the list's own observer). `written` runs then, before the frame.
 */
async function firstFrame(list: PortalNewsList, written?: () => void): Promise<number> {
  document.body.append(list);
  // Mutation observers run at the end of the render's task, before any frame.
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => (observer.disconnect(), resolve()));
    observer.observe(list.shadowRoot!, { childList: true, subtree: true });
  });
  written?.();
  return new Promise((resolve) => {
    const observer = new ResizeObserver(() => (observer.disconnect(), resolve(count(list))));
    observer.observe(list);
  });
}

describe('news list: the first screenful first', () => {
  afterEach(() => document.querySelectorAll('portal-news-list').forEach((el) => el.remove()));

  it('paints 24 items first when they reach below the viewport, then the rest; updateComplete waits for them', async () => {
    const list = document.createElement('portal-news-list');
    list.limit = 80;
    list.items = items(80);
    expect(await firstFrame(list)).to.equal(24);
    await list.updateComplete;
    expect(count(list)).to.equal(80);
    // Later renders write every item at once.
    list.limit = 40;
    await list.updateComplete;
    expect(count(list)).to.equal(40);
    list.limit = 80;
    await list.updateComplete;
    expect(count(list)).to.equal(80);
  });

  it('writes every item before the paint when a screenful does not fill the viewport', async () => {
    // Items of no height (a page's own rule): 24 end far above the viewport's bottom, so the rest would move what follows the list.
    await fixture(html`<style>
      .flat::part(item) {
        display: none;
      }
    </style>`);
    const list = document.createElement('portal-news-list');
    list.className = 'flat';
    list.limit = 30;
    list.items = items(30);
    expect(await firstFrame(list)).to.equal(30);
  });

  it('tells a full viewport from the layout of the frame that paints the items, not from one forced when they are written', async () => {
    // A page's rule that applies after the render wrote the items, before the frame (a style sheet that came meanwhile):
    // in that frame the items have no height, so all of them are written before its paint.
    const list = document.createElement('portal-news-list');
    list.className = 'late';
    list.limit = 80;
    list.items = items(80);
    const style = document.createElement('style');
    style.textContent = '.late::part(item) { display: none; }';
    try {
      expect(await firstFrame(list, () => document.head.append(style))).to.equal(80);
    } finally {
      style.remove();
    }
  });

  it('writes every item before the paint of a short screenful rendered in an animation frame callback, the frame that paints it', async () => {
    const style = document.createElement('style');
    style.textContent = '.flat::part(item) { display: none; }';
    document.head.append(style);
    const list = document.createElement('portal-news-list');
    list.className = 'flat';
    list.limit = 30;
    list.items = items(30);
    try {
      expect(await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(firstFrame(list))))).to.equal(30);
    } finally {
      style.remove();
    }
  });

  it('stands for at most a screenful while loading: a skeleton bar per item up to 24', async () => {
    const bars = (el: PortalNewsList) => el.shadowRoot!.querySelectorAll('[part="skeleton"] span[aria-hidden]').length;
    const list = document.createElement('portal-news-list');
    list.src = docUrl('news.json', { key: uniqueKey(), fault: 'slow', ms: 3000 }); // still loading while counted
    list.limit = 200;
    document.body.append(list);
    await new Promise(requestAnimationFrame);
    expect(bars(list)).to.equal(24);
    list.limit = 8;
    await new Promise(requestAnimationFrame);
    expect(bars(list)).to.equal(8);
  });

  it('writes a short list whole', async () => {
    const list = document.createElement('portal-news-list');
    list.items = items(12);
    list.limit = 12;
    expect(await firstFrame(list)).to.equal(12);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/news-list/news-list.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import type { NewsItem } from '../../../src/core/model.js';

const items = (n: number): NewsItem[] => Array.from({ length: n }, (_, i) => ({ id: `${i}`, title: `Tin số ${i}`, authors: [], tags: [], attachments: [] }));
const count = (el: PortalNewsList) => el.shadowRoot!.querySelectorAll('li').length;
/** Appends a list and, in the first frame after its first render (before the list's own callback), counts its items. */
async function firstFrame(list: PortalNewsList): Promise<number> {
  document.body.append(list);
  return new Promise((resolve) => requestAnimationFrame(() => resolve(count(list))));
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

  it('writes a short list whole', async () => {
    const list = document.createElement('portal-news-list');
    list.items = items(12);
    list.limit = 12;
    expect(await firstFrame(list)).to.equal(12);
  });
});

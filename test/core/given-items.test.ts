/**
 * Items given as a property are not parsed: their URLs go through the same
 * allow-list as a feed's (core/given-items.ts), in every news widget.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/article/article.js';
import '../../src/components/news-list/news-list.js';
import '../../src/components/news-search/news-search.js';
import '../../src/components/video-list/video-list.js';
import { safeItems } from '../../src/core/given-items.js';
import type { NewsItem } from '../../src/core/model.js';
import { until } from '../helpers.js';

const hostile = (): NewsItem[] => [
  {
    id: '1',
    title: 'Hội nghị',
    url: 'javascript:alert(document.domain)',
    image: 'javascript:1',
    published: new Date('2024-04-19T01:00:00Z'),
    tags: [],
    authors: [{ name: 'Tác giả', url: 'javascript:alert(2)' }],
    attachments: [
      { url: 'javascript:alert(3)', mimeType: 'application/pdf', title: 'tệp' },
      { url: 'data:video/webm;base64,AAAA', mimeType: 'video/webm' },
      { url: 'https://tin.example/tai-lieu.pdf', mimeType: 'application/pdf', title: 'Tài liệu' },
    ],
    source: { name: 'Nguồn', url: 'vbscript:msgbox(4)' },
  },
  {
    id: '2',
    title: 'Video hội nghị',
    url: 'javascript:alert(5)',
    image: 'javascript:6',
    tags: [],
    authors: [],
    attachments: [
      { url: 'https://tin.example/video.webm', mimeType: 'video/webm' },
      { url: 'javascript:alert(7)', mimeType: 'text/vtt' },
    ],
  },
];

/** Every URL the widget's shadow DOM holds, in any attribute. */
const urls = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[href], [src], [poster]')].flatMap((n) => ['href', 'src', 'poster'].map((a) => n.getAttribute(a)).filter((u): u is string => !!u));

describe('items given as a property', () => {
  it('safeItems: the same array when every URL is http(s), items without the others when not', () => {
    const fine = [{ ...hostile()[0], url: 'https://tin.example/1', image: undefined, authors: [], attachments: [], source: undefined }];
    expect(safeItems(fine)).to.equal(fine);
    const [first, second] = safeItems(hostile());
    expect([first.url, first.image, first.authors[0].url, first.source!.url, second.url, second.image]).to.deep.equal(Array(6).fill(undefined));
    expect(first.attachments.map((a) => a.url)).to.deep.equal(['https://tin.example/tai-lieu.pdf']);
    expect(second.attachments.map((a) => a.url)).to.deep.equal(['https://tin.example/video.webm']);
    expect([first.title, first.authors[0].name, first.source!.name]).to.deep.equal(['Hội nghị', 'Tác giả', 'Nguồn']);
  });

  for (const tag of ['portal-news-list', 'portal-news-search', 'portal-article', 'portal-video-list']) {
    it(`<${tag}> renders no javascript:, data: or vbscript: URL from them`, async () => {
      const el = await fixture(
        tag === 'portal-news-list'
          ? html`<portal-news-list show-image show-date .items=${hostile()}></portal-news-list>`
          : tag === 'portal-news-search'
            ? html`<portal-news-search value="hoi nghi" .items=${hostile()}></portal-news-search>`
            : tag === 'portal-article'
              ? html`<portal-article item-id="1" related-limit="0" .items=${hostile()}></portal-article>`
              : html`<portal-video-list .items=${hostile()}></portal-video-list>`,
      );
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await until(() => !!el.shadowRoot!.querySelector('[part~="title"], [part="link"], [part="player"], [part="result"], h1, [role="heading"]'), 5000, 'content');
      if (tag === 'portal-video-list') {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
      const found = urls(el);
      expect(found.filter((u) => !/^(https?:|\/|#|\?)/.test(u))).to.deep.equal([]);
      if (tag === 'portal-article') expect(found).to.include('https://tin.example/tai-lieu.pdf');
      if (tag === 'portal-video-list') expect(found).to.include('https://tin.example/video.webm');
    });
  }
});

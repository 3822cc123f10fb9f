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
import { captureWarnings, until } from '../helpers.js';

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

  it('safeItems: items not quite NewsItems made the model\'s: arrays, dates, id and title', async () => {
    // What a page writes by hand or copies from a JSON Feed: no arrays, dates as text or milliseconds.
    const loose = [
      { id: 'a', title: 'Tin A', content_html: '<p>A</p>', date_published: '2024-04-19T01:00:00Z', published: '2024-04-19T01:00:00Z' },
      { id: 7, title: 'Tin B', published: Date.UTC(2024, 3, 18), modified: 'hôm qua' },
      { title: 'Tin C', published: new Date('không phải ngày'), tags: ['Hội nghị'] },
      { id: 'd', summary: 'Không có tiêu đề' },
      { summary: 'neither title nor id' },
      null,
    ] as unknown as NewsItem[];
    let out: NewsItem[] = [];
    const warnings = await captureWarnings(() => void (out = safeItems(loose)));
    expect(out.map((i) => [i.id, i.title])).to.deep.equal([['a', 'Tin A'], ['7', 'Tin B'], ['Tin C', 'Tin C'], ['d', 'd']]);
    for (const item of out) for (const list of [item.authors, item.tags, item.attachments]) expect(list).to.be.an('array');
    expect(out[2].tags).to.deep.equal(['Hội nghị']);
    expect(out[0].published!.toISOString()).to.equal('2024-04-19T01:00:00.000Z');
    expect(out[1].published!.toISOString()).to.equal('2024-04-18T00:00:00.000Z');
    expect([out[1].modified, out[2].published, out[3].published]).to.deep.equal([undefined, undefined, undefined]);
    expect((out[0] as unknown as { content_html: string }).content_html).to.equal('<p>A</p>'); // the rest of an item as given
    expect(warnings).to.deep.equal(['[portal-widgets] config: items: 2 without title or id skipped']);
    expect(safeItems(out)).to.equal(out); // made so once, they need nothing more
  });

  it('safeItems: a value that is no array is no items, with a warning', async () => {
    for (const items of [{ items: [] }, 'tin', 3]) {
      let out: NewsItem[] | undefined;
      const warnings = await captureWarnings(() => void (out = safeItems(items as unknown as NewsItem[])));
      expect(out).to.deep.equal([]);
      expect(warnings).to.deep.equal(['[portal-widgets] config: items: not an array']);
    }
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

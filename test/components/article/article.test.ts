import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article/article.js';
import type { PortalArticle } from '../../../src/components/article/article.component.js';
import type { PortalNewsList } from '../../../src/components/news-list/news-list.component.js';
import { fileTypeLabel, formatFileSize, relatedItems } from '../../../src/core/article.js';
import { parseNews } from '../../../src/core/formats/news.js';
import type { NewsItem } from '../../../src/core/model.js';
import { docUrl, nextEvent, requestCount, resetFeeds, uniqueKey, until } from '../../helpers.js';

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const related = (el: PortalArticle) => $<PortalNewsList>(el, 'portal-news-list');
const relatedTitles = (el: PortalArticle) => [...shadow(related(el)!).querySelectorAll('[part~="title"]')].map((t) => text(t));

/** Waits for the article, the not-found box or the error box. */
async function settled(el: PortalArticle) {
  await until(() => !!$(el, 'article, [part="not-found"], [part="error"]'), 8000, 'the article');
  await el.updateComplete;
  const list = related(el);
  if (list) await list.updateComplete;
}

const articleFeed = () => docUrl('article.json', { key: uniqueKey() });

describe('<portal-article>', () => {
  beforeEach(resetFeeds);

  it('shows title, dates, authors, image, summary, sanitized body, source, tags and attachments', async () => {
    const el = await fixture<PortalArticle>(html`<portal-article src=${articleFeed()} item-id="tin-200"></portal-article>`);
    await settled(el);
    const title = $(el, 'h1[part="title"]')!;
    expect(text(title)).to.equal('Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024');
    expect($(el, 'article')!.getAttribute('aria-labelledby')).to.equal(title.id);
    // Published and modified on different days: both are shown.
    expect(text($(el, '[part="meta"]'))).to.equal('Ngày đăng 18/04/2024 Ngày cập nhật 19/04/2024 Tác giả: Ban biên tập, Minh Anh');
    expect([...shadow(el).querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal(['2024-04-18', '2024-04-19']);
    expect($(el, '[part="authors"] a')!.getAttribute('href')).to.equal('https://example.gov.vn/tac-gia/minh-anh');
    const image = $<HTMLImageElement>(el, 'img[part="image"]')!;
    expect(image.alt).to.equal('Đồng chí Phan Ngọc Thọ phát biểu tại hội nghị');
    expect(image.src).to.equal(new URL('/test/fixtures/img/anh-1.svg', location.href).href);
    expect(text($(el, '[part="summary"]'))).to.match(/^Chiều 15\/4, Thường trực Tỉnh ủy/);

    const body = $(el, '[part="body"]')!;
    expect(body.querySelector('strong')!.textContent).to.equal('Mặt trận Tổ quốc');
    expect(body.querySelectorAll('h2, ul li, figure figcaption, blockquote, table caption, th[scope="col"]')).to.have.length(8);
    const bodyImage = body.querySelector('img')!;
    expect(bodyImage.getAttribute('src')).to.equal(new URL('/test/fixtures/img/anh-2.svg', location.href).href);
    expect(bodyImage.getAttribute('loading')).to.equal('lazy');
    const [external, internal] = body.querySelectorAll('a');
    expect([external.target, external.rel]).to.deep.equal(['_blank', 'noopener noreferrer']);
    expect(internal.getAttribute('href')).to.equal(new URL('/tin-tuc.html', location.href).href);
    expect(internal.hasAttribute('target')).to.equal(false);

    expect(text($(el, '[part="source"]'))).to.equal('Nguồn: Tinhuytthue.vn');
    expect($(el, '[part="source"] a')!.getAttribute('href')).to.equal('https://tinhuytthue.vn/');
    expect([...shadow(el).querySelectorAll('[part="tags"] li')].map(text)).to.deep.equal(['Mặt trận', 'Hội nghị']);
    expect(text($(el, '[part="attachments-heading"]'))).to.equal('Tệp đính kèm');
    expect($(el, '[part="attachments-heading"]')!.tagName).to.equal('H2');
    const files = [...shadow(el).querySelectorAll('[part="attachments"] li')].map(text);
    expect(files).to.deep.equal(['Báo cáo quý I/2024 (PDF, 1,2 MB)', 'ke-hoach quy-2.docx (DOCX, 48 kB)']);
    expect($(el, '[part="attachment"]')!.hasAttribute('download')).to.equal(true);
  });

  it('lists "Các tin khác" through the news list: same tag first, then newest, without itself, from one request', async () => {
    const key = uniqueKey();
    const el = await fixture<PortalArticle>(html`<portal-article src=${docUrl('article.json', { key })} item-id="tin-200"></portal-article>`);
    await settled(el);
    expect(text($(el, '[part="related-heading"]'))).to.equal('Các tin khác');
    expect(relatedTitles(el)).to.deep.equal([
      'Đại hội Mặt trận Tổ quốc Việt Nam các cấp nhiệm kỳ 2024 - 2029', // Mặt trận, 17/04
      'Tập huấn nghiệp vụ công tác Mặt trận cơ sở', // Mặt trận, 10/04
      'Hội nghị tổng kết công tác dân vận năm 2023', // Hội nghị, 12/01
      'Đường Lê Lợi được chỉnh trang trước mùa Festival', // newest of the rest, 20/04
      'Tỉnh ủy triển khai Nghị quyết về chuyển đổi số', // 16/04
    ]);
    expect(related(el)!.exclude).to.equal('tin-200');
    expect(shadow(related(el)!).querySelector('[part="more-button"]')).to.equal(null);
    // item-id is set, so "Các tin khác" links to each item's own page.
    expect(shadow(related(el)!).querySelector('a')!.getAttribute('href')).to.equal(new URL('/bai-viet/tin-201.html', location.href).href);
    expect((await requestCount(key)).count).to.equal(1);

    el.relatedLimit = 2;
    await el.updateComplete;
    await related(el)!.updateComplete;
    expect(relatedTitles(el)).to.have.length(2);
    el.relatedLimit = 0;
    await el.updateComplete;
    expect($(el, '[part="related"]')).to.equal(null);
  });

  it('reads the id from the address (id-param) and links "Các tin khác" back to this page', async () => {
    history.replaceState(null, '', `${location.pathname}?bai=tin-201`);
    try {
      const el = await fixture<PortalArticle>(html`<portal-article src=${articleFeed()} id-param="bai"></portal-article>`);
      await settled(el);
      expect(text($(el, '[part="title"]'))).to.equal('Đại hội Mặt trận Tổ quốc Việt Nam các cấp nhiệm kỳ 2024 - 2029');
      expect(shadow(related(el)!).querySelector('a')!.getAttribute('href')).to.equal('?bai=tin-200');
    } finally {
      history.replaceState(null, '', location.pathname);
    }
  });

  it('renders content_text as paragraphs, one date when both fall on a day, and the feed as the source', async () => {
    const el = await fixture<PortalArticle>(html`<portal-article src=${articleFeed()} item-id="tin-201"></portal-article>`);
    await settled(el);
    expect([...$(el, '[part="body"]')!.querySelectorAll('p')].map(text)).to.deep.equal([
      'Đại hội đại biểu Mặt trận Tổ quốc Việt Nam tỉnh lần thứ XII khai mạc sáng nay.',
      'Đại hội bầu Ủy ban MTTQ Việt Nam tỉnh khóa mới.',
      'Đại hội thông qua chương trình hành động nhiệm kỳ 2024 - 2029.',
    ]);
    expect(text($(el, '[part="meta"]'))).to.equal('Ngày cập nhật 17/04/2024');
    expect(text($(el, '[part="source"]'))).to.equal('Nguồn: Cổng thông tin Ủy ban MTTQ tỉnh');
    expect($(el, '[part="source"] a')!.getAttribute('href')).to.equal('https://example.gov.vn/');
    expect($(el, '[part="image"], [part="attachments"], [part="summary"]')).to.equal(null);
  });

  it('shows "article not found" with a link back, and fires portal-error', async () => {
    const el = await fixture<PortalArticle>(
      html`<portal-article src=${articleFeed()} item-id="khong-co" list-href="/tin-tuc.html"></portal-article>`,
    );
    const event = nextEvent<{ error: { code: string } }>(el, 'portal-error');
    await settled(el);
    expect(text($(el, '[part="not-found"] p'))).to.equal('Không tìm thấy bài viết.');
    expect($(el, '[part="back-link"]')!.getAttribute('href')).to.equal(new URL('/tin-tuc.html', location.href).href);
    expect((await event).detail.error.code).to.equal('not-found');
    // No id at all: the same state, at once.
    const none = await fixture<PortalArticle>(html`<portal-article lang="en" src=${articleFeed()}></portal-article>`);
    expect(text($(none, '[part="not-found"] p'))).to.equal('Article not found.');
    expect($(none, '[part="back-link"]')).to.equal(null);
  });

  it('keeps the fallback children while loading and shows a localized error with retry', async () => {
    const slow = await fixture<PortalArticle>(
      html`<portal-article item-id="tin-200" src=${docUrl('article.json', { key: uniqueKey(), fault: 'slow', ms: 500 })}
        ><a href="/bai-viet/tin-200.html">Đọc bài</a></portal-article
      >`,
    );
    expect($<HTMLSlotElement>(slow, 'slot')!.assignedElements()[0].textContent).to.equal('Đọc bài');
    await expect(slow).to.be.accessible();
    await settled(slow);
    expect($(slow, 'article')).to.exist;
    const broken = await fixture<PortalArticle>(
      html`<portal-article item-id="tin-200" src=${docUrl('article.json', { key: uniqueKey(), fault: '404' })}>Đọc bài</portal-article>`,
    );
    await settled(broken);
    expect(text($(broken, '[part="error"]'))).to.match(/Không tải được tin: Máy chủ trả lỗi\./);
    expect($(broken, '[part="retry"]')).to.exist;
    await expect(broken).to.be.accessible();
  });

  it('follows heading-level and update-title, and changes nothing on the page otherwise', async () => {
    const before = document.title;
    const el = await fixture<PortalArticle>(html`<portal-article heading-level="2" src=${articleFeed()} item-id="tin-200"></portal-article>`);
    await settled(el);
    expect($(el, '[part="title"]')!.tagName).to.equal('H2');
    expect($(el, '[part="related-heading"]')!.tagName).to.equal('H3');
    expect(document.title).to.equal(before);
    try {
      el.updateTitle = true;
      await el.updateComplete;
      expect(document.title).to.equal('Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024');
    } finally {
      document.title = before;
    }
  });

  it('A−/A+ change the text size, remembered on the device, and keyboard reaches every tool', async () => {
    localStorage.removeItem('portal-widgets:article-text-size');
    const wrap = await fixture(html`<div>
      <button id="before">before</button>
      <portal-article src=${articleFeed()} item-id="tin-201" related-limit="0"></portal-article>
    </div>`);
    const el = wrap.querySelector('portal-article')!;
    await settled(el);
    const article = () => $(el, 'article')!;
    const size = () => parseFloat(getComputedStyle(article()).fontSize);
    const base = size();
    expect(article().classList.contains('size-1')).to.equal(true);

    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const reached: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      reached.push(shadow(el).activeElement?.getAttribute('part') ?? '');
    }
    expect(reached).to.deep.equal(['tool print', 'tool smaller', 'tool larger', 'tool share']);
    // Enter on A+ (focused last but one) makes the text larger.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(size()).to.be.above(base);
    expect(localStorage.getItem('portal-widgets:article-text-size')).to.equal('2');
    for (let i = 0; i < 5; i++) $<HTMLButtonElement>(el, '[part~="larger"]')!.click();
    await el.updateComplete;
    expect($(el, '[part~="larger"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('tool larger'); // focus is not lost at the end

    const next = await fixture<PortalArticle>(html`<portal-article src=${articleFeed()} item-id="tin-201"></portal-article>`);
    await settled(next);
    expect($(next, 'article')!.classList.contains('size-4')).to.equal(true);
    for (let i = 0; i < 6; i++) $<HTMLButtonElement>(next, '[part~="smaller"]')!.click();
    await next.updateComplete;
    expect($(next, 'article')!.classList.contains('size-0')).to.equal(true);
    expect(parseFloat(getComputedStyle($(next, 'article')!).fontSize)).to.be.below(base);
    localStorage.removeItem('portal-widgets:article-text-size');
  });

  it('copies the link where there is no share sheet, announced politely', async () => {
    const share = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    if (share) delete (Navigator.prototype as Partial<Navigator>).share;
    const copied: string[] = [];
    const writeText = Object.getOwnPropertyDescriptor(navigator.clipboard, 'writeText');
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (t: string) => void copied.push(t) });
    try {
      const el = await fixture<PortalArticle>(html`<portal-article lang="en" src=${articleFeed()} item-id="tin-201"></portal-article>`);
      await settled(el);
      const button = $<HTMLButtonElement>(el, '[part~="share"]')!;
      expect(text(button)).to.equal('Copy link');
      button.click();
      await until(() => text($(el, '[part="status"]')) !== '', 2000, 'the announcement');
      expect(copied).to.deep.equal([location.href]);
      expect($(el, '[part="status"]')!.getAttribute('role')).to.equal('status');
      expect(text($(el, '[part="status"]'))).to.equal('Link to the article copied.');
    } finally {
      if (writeText) Object.defineProperty(navigator.clipboard, 'writeText', writeText);
      else delete (navigator.clipboard as Partial<Clipboard>).writeText;
      if (share) Object.defineProperty(Navigator.prototype, 'share', share);
    }
  });

  it('shares through navigator.share where it exists', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (d: ShareData) => void shared.push(d) });
    try {
      const el = await fixture<PortalArticle>(html`<portal-article src=${articleFeed()} item-id="tin-201"></portal-article>`);
      await settled(el);
      const button = $<HTMLButtonElement>(el, '[part~="share"]')!;
      expect(text(button)).to.equal('Chia sẻ');
      button.click();
      await until(() => shared.length === 1, 2000, 'share');
      expect(shared[0]).to.deep.equal({ title: 'Đại hội Mặt trận Tổ quốc Việt Nam các cấp nhiệm kỳ 2024 - 2029', url: location.href });
    } finally {
      delete (navigator as Partial<Navigator>).share;
    }
  });

  it('prints the article alone: the rest of the page is hidden for the print dialog only', async () => {
    const wrap = await fixture(html`<div>
      <p id="other">Other content of the host page</p>
      <section><portal-article src=${articleFeed()} item-id="tin-200"></portal-article></section>
    </div>`);
    const el = wrap.querySelector('portal-article')!;
    await settled(el);
    const other = wrap.querySelector('#other')!;
    const section = wrap.querySelector('section')!;
    // Print media is emulated where the browser offers it (Chromium's CDP); elsewhere the
    // print-only rule is checked by matching its selector.
    const emulate = !navigator.userAgent.includes('Firefox');
    const hiddenForPrint = (node: Element) => {
      if (emulate) return getComputedStyle(node).display === 'none';
      const media = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).find((r) => r instanceof CSSMediaRule) as CSSMediaRule | undefined;
      return !!media && media.media.mediaText === 'print' && node.matches((media.cssRules[0] as CSSStyleRule).selectorText);
    };
    const originalPrint = window.print;
    let seen: Record<string, boolean> | undefined;
    let printed = 0;
    window.print = () => {
      printed++;
      seen = {
        marked: el.hasAttribute('data-portal-print'),
        other: hiddenForPrint(other),
        ancestor: hiddenForPrint(section),
        article: hiddenForPrint(el),
        fallbackInside: hiddenForPrint(el.appendChild(document.createElement('span'))),
      };
      el.lastElementChild!.remove();
    };
    try {
      if (emulate) {
        await emulateMedia({ media: 'print' });
        // The browser's own print: tools and "Các tin khác" left out, the page untouched.
        expect(getComputedStyle($(el, '[part="tools"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="related"]')!).display).to.equal('none');
        expect(getComputedStyle(other).display).to.equal('block');
      }
      $<HTMLButtonElement>(el, '[part~="print"]')!.click();
      dispatchEvent(new Event('afterprint'));
      expect(hiddenForPrint(other)).to.equal(false);
    } finally {
      window.print = originalPrint;
      if (emulate) await emulateMedia({ media: 'screen' });
    }
    expect(printed).to.equal(1);
    expect(seen).to.deep.equal({ marked: true, other: true, ancestor: false, article: false, fallbackInside: false });
    expect(el.hasAttribute('data-portal-print')).to.equal(false);
    expect(document.adoptedStyleSheets).to.have.length(0);
  });

  it('is accessible with and without image, attachments and related list, and not found, in vi and en', async () => {
    for (const lang of ['vi', 'en']) {
      const full = await fixture<PortalArticle>(html`<portal-article lang=${lang} src=${articleFeed()} item-id="tin-200"></portal-article>`);
      await settled(full);
      expect(related(full)).to.exist;
      expect($(full, '[part="image"]')).to.exist;
      await expect(full).to.be.accessible();
      const bare = await fixture<PortalArticle>(
        html`<portal-article lang=${lang} src=${articleFeed()} item-id="tin-201" related-limit="0"></portal-article>`,
      );
      await settled(bare);
      expect($(bare, '[part="image"], [part="attachments"], [part="related"]')).to.equal(null);
      await expect(bare).to.be.accessible();
      const missing = await fixture<PortalArticle>(
        html`<portal-article lang=${lang} src=${articleFeed()} item-id="x" list-href="/tin-tuc.html"></portal-article>`,
      );
      await settled(missing);
      await expect(missing).to.be.accessible();
    }
    const en = await fixture<PortalArticle>(html`<portal-article lang="en" src=${articleFeed()} item-id="tin-200"></portal-article>`);
    await settled(en);
    expect(text($(en, '[part="meta"]'))).to.equal('Published Apr 18, 2024 Updated Apr 19, 2024 By: Ban biên tập, Minh Anh');
    expect(text($(en, '[part="related-heading"]'))).to.equal('Other news');
    expect([...shadow(en).querySelectorAll('[part="attachments"] li')].map(text)).to.deep.equal([
      'Báo cáo quý I/2024 (PDF, 1.2 MB)',
      'ke-hoach quy-2.docx (DOCX, 48 kB)',
    ]);
    expect(shadow(related(en)!).querySelector('time')!.textContent).to.equal('Apr 17, 2024');
  });

  it('takes items as a property', async () => {
    const feed = await parseNews(await (await fetch('/test/fixtures/article.json')).text(), location.href);
    const el = await fixture<PortalArticle>(html`<portal-article .items=${feed.items} item-id="tin-202"></portal-article>`);
    await settled(el);
    expect(text($(el, '[part="title"]'))).to.equal('Đường Lê Lợi được chỉnh trang trước mùa Festival');
    expect($(el, '[part="source"]')).to.equal(null); // no feed, no source
  });
});

describe('article helpers', () => {
  const item = (id: string, tags: string[], day?: string): NewsItem => ({
    id,
    title: id,
    tags,
    authors: [],
    attachments: [],
    published: day ? new Date(`${day}T08:00:00+07:00`) : undefined,
  });

  it('orders related items: same tag first, then newest, undated last', () => {
    const current = item('a', ['x', 'y']);
    const items = [current, item('b', [], '2024-04-20'), item('c', ['y'], '2024-01-01'), item('d', ['x'], '2024-03-01'), item('e', []), item('f', [], '2024-04-21')];
    expect(relatedItems(items, current, 10).map((i) => i.id)).to.deep.equal(['d', 'c', 'f', 'b', 'e']);
    expect(relatedItems(items, current, 2).map((i) => i.id)).to.deep.equal(['d', 'c']);
    expect(relatedItems(items, current, 0)).to.deep.equal([]);
    expect(items.map((i) => i.id)).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']); // not reordered in place
  });

  it('describes attachments in the reader’s language', () => {
    expect(formatFileSize(512, 'vi')).to.equal('512 byte');
    expect(formatFileSize(2_595_954, 'vi')).to.equal('2,5 MB');
    expect(formatFileSize(2_595_954, 'en')).to.equal('2.5 MB');
    expect(formatFileSize(3 * 1024 ** 3, 'en')).to.equal('3 GB');
    expect(fileTypeLabel({ url: 'https://a.vn/x/bang-gia.xlsx', mimeType: 'application/octet-stream' })).to.equal('XLSX');
    expect(fileTypeLabel({ url: 'https://a.vn/x', mimeType: 'image/jpeg' })).to.equal('JPEG');
    expect(fileTypeLabel({ url: 'https://a.vn/x', mimeType: 'application/pdf' })).to.equal('PDF');
  });
});

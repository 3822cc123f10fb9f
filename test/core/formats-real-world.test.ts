/**
 * Feeds as real publishers serve them (issue 11), each quirk in a fixture of our
 * own under test/fixtures/real-world/, fetched over HTTP through the feed store
 * (so bytes are decoded as served) and read with the widgets' parsers. Every test
 * asserts what was read: items, titles, links, dates — not only "no error".
 */
import { expect } from '@open-wc/testing';
import { load } from '../../src/core/feed-store.js';
import { parseNews } from '../../src/core/formats/news.js';
import { warningText } from '../../src/core/formats/warnings.js';
import type { Feed } from '../../src/core/model.js';
import { searchIndex } from '../../src/core/text.js';
import { docUrl, resetFeeds, uniqueKey } from '../helpers.js';

/** Loads `file` (a fixture of real-world/) as the server sends it and parses it. */
async function read(file: string, type?: string, timeZone?: string): Promise<Feed> {
  const url = new URL(docUrl(`real-world/${file}`, { key: uniqueKey(), ...(type ? { type } : {}) }), location.href).href;
  const loaded = await load(url);
  return parseNews(loaded.text, loaded.url, undefined, { timeZone });
}

const iso = (d?: Date) => d?.toISOString();
const rows = (feed: Feed) => feed.items.map((i) => [i.title, i.url, iso(i.published)]);

describe('real-world feeds', () => {
  beforeEach(resetFeeds);

  it('RSS 1.0 (RDF): items beside <channel>, dc:date, dc:creator', async () => {
    const feed = await read('rss1-rdf.xml');
    expect(feed.title).to.equal('Sở Thông tin - RSS 1.0');
    expect(rows(feed)).to.deep.equal([
      ['Hội nghị chuyển đổi số cấp tỉnh', 'https://so-ttt.example.gov.vn/tin/1.html', '2024-04-19T01:30:00.000Z'],
      // A bare day is midnight in Huế.
      ['Tập huấn an toàn thông tin', 'https://so-ttt.example.gov.vn/tin/2.html', '2024-04-17T17:00:00.000Z'],
    ]);
    expect(feed.items[0].authors).to.deep.equal([{ name: 'Văn phòng Sở' }]);
    expect(feed.warnings).to.deep.equal([]);
  });

  it('RSS 0.91 with a DOCTYPE, items without dates or guids', async () => {
    const feed = await read('rss091.xml');
    expect(rows(feed)).to.deep.equal([
      ['Lịch tiếp công dân tháng 5', 'https://phongdien.example.gov.vn/lich-tiep-cong-dan', undefined],
      ['Thông báo tuyển dụng', 'https://phongdien.example.gov.vn/tuyen-dung', undefined],
    ]);
    expect(feed.items[0].id).to.equal('https://phongdien.example.gov.vn/lich-tiep-cong-dan');
    expect(feed.language).to.equal('vi');
  });

  it('Atom 0.3: issued/modified dates, escaped HTML content, protocol-relative picture', async () => {
    const feed = await read('atom03.xml');
    expect(rows(feed)).to.deep.equal([
      ['Khai mạc lễ hội mùa hè', 'https://atom03.example.vn/le-hoi.html', '2024-04-19T02:00:00.000Z'],
      ['Bản tin cuối ngày', 'https://atom03.example.vn/ban-tin.html', '2024-04-18T13:00:00.000Z'],
    ]);
    expect(iso(feed.items[0].modified)).to.equal('2024-04-19T05:00:00.000Z');
    expect(feed.items[0].contentHtml).to.contain('<b>khai mạc</b>');
    expect(feed.items[0].image).to.equal(`${location.protocol}//cdn.atom03.example.vn/le-hoi.jpg`);
    expect(feed.items[0].authors).to.deep.equal([{ name: 'Phóng viên', url: 'https://atom03.example.vn/pv' }]);
  });

  it('RSS links: a permalink guid stands in for <link>, xml:base is honoured, javascript: is dropped', async () => {
    const feed = await read('links.rss.xml');
    expect(feed.items.map((i) => i.url)).to.deep.equal([
      'https://links.example.gov.vn/tin/guid-mac-dinh.html',
      'https://links.example.gov.vn/tin/guid-tuong-doi.html',
      undefined, // isPermaLink="false"
      undefined, // a guid that is no URL
      'https://links.example.gov.vn/tin/bai-viet-3.html', // the text <link>, not the atom:link before it
      undefined,
    ]);
    expect(feed.items.map((i) => i.id).slice(2, 5)).to.deep.equal(['https://links.example.gov.vn/tin/khong-phai.html', 'so-12345', 'so-3']);
    expect(feed.warnings).to.deep.equal([{ path: 'items[5].link', problem: 'url-not-allowed', effect: 'drop-field', value: 'javascript:alert(1)' }]);
  });

  it('Atom links: rel="alternate" of type text/html, else no rel; xml:base of feed and entry; href="" is no link', async () => {
    const feed = await read('links.atom.xml');
    expect(feed.homePageUrl).to.equal('https://atom.example.gov.vn/');
    expect(rows(feed)).to.deep.equal([
      ['Chọn rel alternate kiểu text/html', 'https://atom.example.gov.vn/tin/bai-1.html', '2024-04-19T08:00:00.000Z'],
      ['Link không có rel, xml:base của entry', 'https://atom.example.gov.vn/chuyen-muc/bai-2.html', '2024-04-18T08:00:00.000Z'],
      ['href rỗng thì không có link', undefined, '2024-04-17T08:00:00.000Z'],
      ['Chỉ có link enclosure', undefined, '2024-04-16T08:00:00.000Z'],
    ]);
    expect(feed.items[3].image).to.equal('https://atom.example.gov.vn/tin/anh-4.jpg');
  });

  describe('character sets, decoded from the bytes', () => {
    it('windows-1258 from the XML declaration, NFC-normalized so search finds it', async () => {
      const feed = await read('charset-1258.xml', 'application/rss+xml');
      expect(feed.title).to.equal('Bảng mã windows-1258');
      const [item] = feed.items;
      expect(item.title).to.equal('Hội nghị tổng kết công tác năm');
      expect(item.title).to.equal(item.title.normalize('NFC'));
      expect(item.summary).to.equal('Đại biểu dự hội nghị.');
      expect(iso(item.published)).to.equal('2024-04-19T01:00:00.000Z');
      expect(searchIndex(feed.items).search('Hội nghị').map((i) => i.id)).to.deep.equal([item.id]);
      expect(searchIndex(feed.items).search('hoi nghi')).to.have.length(1);
    });

    it('ISO-8859-1 from the Content-Type charset', async () => {
      const feed = await read('charset-latin1.xml', 'application/rss+xml; charset=iso-8859-1');
      expect(rows(feed)).to.deep.equal([['Élection à Noël', 'https://latin1.example.fr/1.html', '2024-04-19T06:00:00.000Z']]);
      expect(feed.title).to.equal('Café Nouvelles');
    });

    it('GB2312 from the XML declaration', async () => {
      const feed = await read('charset-gb2312.xml', 'application/xml');
      expect(feed.title).to.equal('新闻频道');
      expect(rows(feed)).to.deep.equal([['越南顺化省新闻', 'https://gb.example.cn/1.html', '2024-04-19T00:00:00.000Z']]);
    });

    it('a byte-order mark wins over a wrong Content-Type charset (UTF-16)', async () => {
      const feed = await read('charset-utf16-bom.xml', 'application/rss+xml; charset=iso-8859-1');
      expect(rows(feed)).to.deep.equal([['Tin mã UTF-16', 'https://utf16.example.vn/1.html', undefined]]);
    });

    it('NFD text in UTF-8 comes out NFC', async () => {
      const feed = await read('nfd.json', 'application/feed+json');
      expect(feed.items[0].title).to.equal('Hội nghị giao ban'.normalize('NFC'));
      expect(feed.items[0].tags).to.deep.equal(['Mặt trận'.normalize('NFC')]);
    });
  });

  describe('broken XML that readers recover, with one warning', () => {
    it('HTML named entities without a DTD, a bare & in a URL, a BOM in the middle of text', async () => {
      const feed = await read('broken-entities.xml');
      expect(feed.title).to.equal('Thực thể HTML không khai báo'); // a title's white space, &nbsp; too, is collapsed
      expect(rows(feed)).to.deep.equal([
        ['Café sáng – bản tin', 'https://broken.example.vn/tin?id=1&page=2', '2024-04-19T01:00:00.000Z'],
        ['Văn bản có BOM ở giữa & dấu & trần', 'https://broken.example.vn/tin?id=2&page=3', '2024-04-18T01:00:00.000Z'],
      ]);
      expect(feed.items[0].summary).to.equal('Giá 5 000 đồng © Báo');
      expect(feed.items[1].contentHtml).to.equal('<p>Trong CDATA: &nbsp; & giữ nguyên</p>');
      expect(feed.warnings).to.deep.equal([{ path: '', problem: 'xml-repaired', effect: 'repair' }]);
    });

    it("junk before the root element (a browser's banner, white space, a BOM) is still XML", async () => {
      const feed = await read('junk-before-root.xml', 'text/plain');
      expect(feed.title).to.equal('Rác trước gốc');
      expect(rows(feed)).to.deep.equal([
        ['Tin sau dòng rác', 'https://junk.example.vn/1.html', '2024-04-19T01:00:00.000Z'],
        ['Tin thứ hai', 'https://junk.example.vn/2.html', '2024-04-18T01:00:00.000Z'],
      ]);
      expect(feed.warnings.map(warningText)).to.deep.equal(['XML repaired']);
    });
  });

  it('dates: RFC 822 variants, ISO 8601 without seconds or offset, Vietnamese forms; an unreadable one drops the date only', async () => {
    const feed = await read('dates.rss.xml');
    expect(feed.items.map((i) => [i.title, iso(i.published)])).to.deep.equal([
      ['rfc822', '2024-04-19T01:00:00.000Z'],
      ['gmt+7', '2024-04-19T01:00:00.000Z'],
      ['colon offset', '2024-04-19T01:00:00.000Z'],
      ['full month', '2024-04-19T08:00:00.000Z'],
      ['month first pm', '2023-12-16T07:02:33.000Z'],
      ['no weekday', '2024-04-19T08:00:00.000Z'],
      ['two-digit year', '2024-04-19T08:00:00.000Z'],
      ['EST', '2024-04-19T13:00:00.000Z'],
      ['PST', '2024-04-19T16:00:00.000Z'],
      ['ICT', '2024-04-19T01:00:00.000Z'],
      ['iso no seconds', '2024-04-19T01:00:00.000Z'],
      ['iso no offset', '2024-04-19T01:00:00.000Z'],
      ['slashes', '2020-01-10T07:33:00.000Z'],
      ['vn dd/MM/yyyy HH:mm', '2024-04-19T01:30:00.000Z'],
      ['vn weekday', '2024-04-19T01:30:00.000Z'],
      ['vn dashes', '2024-04-18T17:00:00.000Z'],
      ['unreadable', undefined],
      ['none', undefined],
    ]);
    expect(feed.warnings).to.deep.equal([{ path: 'items[16].pubDate', problem: 'not-a-date', effect: 'drop-field' }]);
  });

  it('a date without an offset is wall time in the widget’s time zone, whatever the device says', async () => {
    const feed = await read('dates.rss.xml', undefined, 'Europe/Paris');
    const at = (title: string) => iso(feed.items.find((i) => i.title === title)!.published);
    expect(at('iso no offset')).to.equal('2024-04-19T06:00:00.000Z'); // 08:00 in Paris (summer time)
    expect(at('vn dd/MM/yyyy HH:mm')).to.equal('2024-04-19T06:30:00.000Z');
    expect(at('rfc822')).to.equal('2024-04-19T01:00:00.000Z'); // an offset wins
  });

  it('titles are text: HTML, escaped tags and double-escaped entities shown as their text, white space collapsed', async () => {
    const feed = await read('titles.rss.xml');
    expect(feed.items.map((i) => i.title)).to.deep.equal([
      'Giá vàng ₹ tăng',
      'Tin nóng hôm nay',
      'Tom & Jerry "mới"',
      'Nhiều khoảng trắng',
      '5 < 6 vẫn là chữ',
      'Không có tiêu đề, lấy từ mô tả',
    ]);
    expect(feed.items[4].authors).to.deep.equal([{ name: 'Phóng viên' }]);
    expect(feed.warnings).to.deep.equal([{ path: 'items[6].title', problem: 'missing', effect: 'skip-item' }]);
  });

  it('images: media:content, media:thumbnail, enclosure, itunes:image, else the first <img> of the description; protocol-relative resolved', async () => {
    const feed = await read('images.rss.xml');
    const p = location.protocol;
    expect(feed.items.map((i) => [i.title, i.image])).to.deep.equal([
      ['media:content', 'https://images.example.vn/1.jpg'],
      ['media:thumbnail', `${p}//cdn.images.example.vn/2.jpg`],
      ['enclosure ảnh', 'https://images.example.vn/3.png'],
      ['itunes:image', 'https://images.example.vn/4.jpg'],
      ['img trong CDATA', `${p}//cdn.images.example.vn/5.jpg`],
      ['img trong content:encoded, bỏ điểm ảnh theo dõi', `${location.origin}/anh/6.jpg`],
      ['media:group, video', 'https://images.example.vn/7.jpg'],
      ['không có ảnh', undefined],
    ]);
    expect(feed.items[6].attachments).to.deep.equal([{ url: 'https://images.example.vn/7.mp4', mimeType: 'video/mp4', sizeInBytes: undefined, durationInSeconds: 65 }]);
  });

  it('Vietnamese news RSS: picture inside CDATA, "Thứ năm, 18/04/2024 - 16:00"', async () => {
    const feed = await read('vn-news.rss.xml');
    expect(feed.items.map((i) => [i.title, i.url, iso(i.published), i.image])).to.deep.equal([
      ['Hội nghị giao ban Mặt trận quý I/2024', 'https://tinh.example.gov.vn/tin/hoi-nghi-1.html', '2024-04-19T01:30:00.000Z', `${location.protocol}//img.tinh.example.gov.vn/2024/04/hoi-nghi_180x108.jpg`],
      ['Thông báo lịch tiếp công dân', 'https://tinh.example.gov.vn/tin/lich-2.html', '2024-04-18T09:00:00.000Z', 'https://img.tinh.example.gov.vn/2024/04/lich_180x108.jpg'],
    ]);
    expect(feed.items[0].summary).to.equal('Sáng 19/4, Ủy ban MTTQ tỉnh tổ chức hội nghị giao ban.');
  });

  it('JSON Feed: one bad optional field drops that field, never the item; ids fall back to url, then a hash', async () => {
    const feed = await read('bad-fields.json', 'application/feed+json');
    expect(feed.items.map((i) => [i.id.replace(/^hash-[\da-f]{8}$/, 'hash'), i.title, i.url, iso(i.published)])).to.deep.equal([
      ['f1', 'Thẻ là chuỗi', undefined, '2024-04-19T01:00:00.000Z'],
      ['f2', 'Ảnh không phải URL', 'https://fields.example.vn/2.html', undefined],
      ['f3', 'Tác giả là chuỗi', undefined, undefined],
      ['f4', 'Tóm tắt là đối tượng', undefined, undefined],
      ['f5', 'Ngày hỏng', undefined, undefined],
      ['f7', 'Chỉ có tóm tắt', undefined, undefined],
      ['https://fields.example.vn/9.html', 'Không có id, có url', 'https://fields.example.vn/9.html', undefined],
      ['hash', 'Không có id, không có url', undefined, '2024-04-18T01:00:00.000Z'],
    ]);
    expect(feed.items[0].tags).to.deep.equal(['Mặt trận', 'Thanh niên']);
    expect(feed.items[1].image).to.equal(undefined);
    expect(feed.items[3].contentHtml).to.equal('<p>Nội dung</p>');
    expect(feed.warnings.map((w) => `${w.path} ${w.problem} ${w.effect}`)).to.deep.equal([
      'items[0].tags not-an-array repair',
      'items[1].image not-a-string drop-field',
      'items[2].authors not-an-array drop-field',
      'items[3].summary not-a-string drop-field',
      'items[4].date_published not-a-date drop-field',
      'items[5] not-an-object skip-item',
      'items[7].title missing skip-item',
      'items[8].id id-from-url repair',
      'items[9].id id-from-hash repair',
    ]);
    // The hash is stable: the same item gets the same id on every read.
    const again = await parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ title: 'Không có id, không có url', date_published: '2024-04-18T08:00:00+07:00' }] }), location.href);
    expect(again.items[0].id).to.equal(feed.items[7].id);
  });
});

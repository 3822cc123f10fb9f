import { expect } from '@open-wc/testing';
import { PortalError } from '../../src/core/errors.js';
import { parseDate } from '../../src/core/formats/date-text.js';
import { parseFieldMap } from '../../src/core/formats/field-map.js';
import { getPath, parseNews } from '../../src/core/formats/news.js';
import { warningText } from '../../src/core/formats/warnings.js';

const BASE = 'https://example.gov.vn/feeds/news.json';
const fixture = async (name: string) => (await fetch(`/test/fixtures/${name}`)).text();

async function expectError(fn: () => unknown, code: string, detail?: RegExp) {
  try {
    await fn();
  } catch (e) {
    expect(e).to.be.instanceOf(PortalError);
    expect((e as PortalError).code).to.equal(code);
    if (detail) expect((e as PortalError).detail).to.match(detail);
    return;
  }
  expect.fail(`expected a ${code} error`);
}

describe('parseNews: JSON Feed', () => {
  it('reads JSON Feed 1.1, dropping an unreadable date (not the item) with a warning naming the field path', async () => {
    const feed = await parseNews(await fixture('news.json'), BASE);
    expect(feed.title).to.equal('Tin tức - Ủy ban MTTQ Việt Nam tỉnh');
    expect(feed.items).to.have.length(13);
    expect(feed.items[3]).to.include({ id: 'bad-1', title: 'Ngày sai', published: undefined });
    expect(feed.warnings).to.deep.equal([{ path: 'items[3].date_published', problem: 'not-a-date', effect: 'drop-field', value: 'ngày 19 tháng 4' }]);
    expect(feed.warnings.map(warningText)).to.deep.equal(['items[3].date_published: not a date (ngày 19 tháng 4)']);
    const first = feed.items[0];
    expect(first.url).to.equal('https://example.gov.vn/bai-viet/tin-100.html');
    expect(first.published!.toISOString()).to.equal('2024-04-19T16:30:00.000Z');
    expect(first.source).to.deep.equal({ name: 'Tinhuytthue.vn', url: 'https://tinhuytthue.vn/' });
    expect(first.tags).to.deep.equal(['Mặt trận']);
  });

  it('reads JSON Feed 1.0 (author, no authors)', async () => {
    const feed = await parseNews(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        items: [{ id: 1, content_text: 'Xin chào', author: { name: 'Tòa soạn' } }],
      }),
      BASE,
    );
    expect(feed.items[0].id).to.equal('1');
    expect(feed.items[0].title).to.equal('Xin chào');
    expect(feed.items[0].authors).to.deep.equal([{ name: 'Tòa soạn', url: undefined }]);
  });

  it('titles an item that has only content_html with the start of its text', async () => {
    const feed = await parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'h', content_html: '<p>Hội nghị <b>giao ban</b>&nbsp;quý I</p>' }] }), BASE);
    expect(feed.items[0].title).to.equal('Hội nghị giao ban quý I');
  });

  it('drops disallowed URLs with a warning but keeps the item', async () => {
    const feed = await parseNews(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: 'a', title: 'T', url: 'javascript:alert(1)', image: ' data:image/png;base64,AAAA' }],
      }),
      BASE,
    );
    expect(feed.items).to.have.length(1);
    expect(feed.items[0].url).to.equal(undefined);
    expect(feed.items[0].image).to.equal(undefined);
    expect(feed.warnings.map(warningText).join('\n')).to.match(/items\[0\]\.url: URL not allowed/).and.match(/items\[0\]\.image/);
    expect(feed.warnings.map((w) => w.effect)).to.deep.equal(['drop-field', 'drop-field']);
  });

  it('names the wrong field type; skips only an item with no title and no content, or not an object', async () => {
    const feed = await parseNews(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        items: [{ id: 'a', title: 42 }, { id: 'b', title: ['x'] }, 'x', { title: 'no id' }, { id: 'c', title: ['x'], content_text: 'Nội dung' }],
      }),
      BASE,
    );
    expect(feed.items.map((i) => [i.id, i.title])).to.deep.equal([
      ['a', '42'],
      ['hash-' + feed.items[1].id.slice(5), 'no id'],
      ['c', 'Nội dung'],
    ]);
    expect(feed.warnings.map(warningText)).to.deep.equal([
      'items[1].title: not a string',
      'items[1].title: missing',
      'items[2]: not an object',
      'items[3].id: id from hash',
      'items[4].title: not a string',
    ]);
    expect(feed.warnings.map((w) => w.effect)).to.deep.equal(['drop-field', 'skip-item', 'skip-item', 'repair', 'drop-field']);
  });

  it('refuses unknown versions, non-feeds, HTML pages and broken JSON with a clear code', async () => {
    await expectError(() => parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/2', items: [] }), BASE), 'version', /version\/2/);
    await expectError(() => parseNews('{"hello": "world"}', BASE), 'format');
    await expectError(() => parseNews('[1, 2]', BASE), 'format');
    await expectError(() => parseNews('<!DOCTYPE html><html><body>Trang chủ</body></html>', BASE), 'format', /HTML/);
    await expectError(() => parseNews('{"version": "https://jsonfeed.org/version/1.1", "items": [', BASE), 'parse');
    await expectError(() => parseNews('', BASE), 'parse');
    await expectError(() => parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: {} }), BASE), 'format', /items/);
  });

  it('tolerates a byte-order mark', async () => {
    const feed = await parseNews('\uFEFF' + JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [] }), BASE);
    expect(feed.items).to.deep.equal([]);
  });
});

describe('parseNews: JSON Feed titles', () => {
  it('decodes the character references in titles, as the RSS and Atom readers do (WordPress writes them in JSON too)', async () => {
    const text = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Blog &#8211; InfluxData',
      items: [
        { id: '1', title: 'Hội nghị &amp; Đại hội &quot;X&quot;' },
        { id: '2', title: 'I&#039;m &#8211; &nbsp;&#x1F600;' },
        { id: '3', title: 'Tom & Jerry; &bogus; stays' },
        { id: '4', summary: 'Chỉ có tóm tắt &amp; không có tiêu đề' },
      ],
    });
    const feed = await parseNews(text, BASE);
    expect(feed.title).to.equal('Blog – InfluxData');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Hội nghị & Đại hội "X"', "I'm – \u00a0😀", 'Tom & Jerry; &bogus; stays', 'Chỉ có tóm tắt & không có tiêu đề']);
  });
});

describe('parseNews: RSS 2.0', () => {
  it('reads items, CDATA, content:encoded, media:thumbnail, enclosure, RFC 822 dates, BOM', async () => {
    const feed = await parseNews(await fixture('news.rss.xml'), BASE);
    expect(feed.title).to.equal('Tin tức RSS');
    expect(feed.items).to.have.length(6);
    expect(feed.items[5]).to.include({ title: 'Ngày hỏng', published: undefined });
    expect(feed.warnings).to.deep.equal([{ path: 'items[5].pubDate', problem: 'not-a-date', effect: 'drop-field' }]);
    const [first, second] = feed.items;
    expect(first.id).to.equal('tin-100');
    expect(first.published!.toISOString()).to.equal('2024-04-19T16:30:00.000Z');
    expect(first.summary).to.equal('Tóm tắt: Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024.');
    expect(first.contentHtml).to.contain('<p>');
    expect(first.image).to.equal('https://example.gov.vn/test/fixtures/img/anh-1.svg');
    expect(first.authors[0].name).to.equal('Ban biên tập');
    expect(second.attachments).to.deep.equal([
      { url: 'https://example.gov.vn/media/clip.mp4', mimeType: 'video/mp4', sizeInBytes: 123456, durationInSeconds: undefined },
    ]);
  });

  it('reports broken XML as a parse error', async () => {
    await expectError(() => parseNews('<rss><channel><item><title>x</channel>', BASE), 'parse');
    await expectError(() => parseNews('<rss><channel><item><title>x</title></item></channel>', BASE), 'parse');
    await expectError(() => parseNews('<?xml version="1.0"?><opml/>', BASE), 'format', /opml/);
  });
});

describe('parseNews: Atom 1.0', () => {
  it('reads entries and refuses a javascript: link', async () => {
    const feed = await parseNews(await fixture('news.atom.xml'), BASE);
    expect(feed.items).to.have.length(5);
    expect(feed.items[0].contentHtml).to.equal('<p>Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024.</p><p>Nội dung chi tiết của bài viết số 1.</p>');
    expect(feed.items[0].published!.toISOString()).to.equal('2024-04-19T16:30:00.000Z');
    expect(feed.items[4].url).to.equal(undefined);
    expect(feed.homePageUrl).to.equal('https://example.gov.vn/');
  });
});

describe('parseNews: a CMS JSON through a map', () => {
  it('maps fields and validates them like a feed', async () => {
    const map = parseFieldMap('{"items":"data.list","id":"Ma","title":"TieuDe","date_published":"NgayDang","url":"LienKet","image":"AnhDaiDien"}');
    const feed = await parseNews(await fixture('cms.json'), BASE, map);
    expect(feed.items).to.have.length(4);
    expect(feed.items[0].title).to.equal('Hội nghị giao ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội quý I/2024');
    expect(feed.items[0].published!.toISOString()).to.equal('2024-04-19T01:00:00.000Z');
    expect(feed.items[0].url).to.equal('https://example.gov.vn/bai-viet/tin-100.html');
  });

  it('reads the timestamps CMSs write: ASP.NET’s /Date(ms±zzzz)/, and numbers of milliseconds or seconds', async () => {
    const map = parseFieldMap('{"items":"data.list","id":"Id","title":"TieuDe","date_published":"NgayDang","date_modified":"NgaySua"}');
    const item = (NgayDang: unknown, NgaySua?: unknown) => ({ Id: String(NgayDang), TieuDe: 'Hội nghị', NgayDang, NgaySua });
    const text = JSON.stringify({
      data: { list: [item('/Date(1713490200000+0700)/', '/Date(1713490200000)/'), item(1713490200000, 1713490200), item('/Date(0)/'), item('/Date(x)/')] },
    });
    const feed = await parseNews(text, BASE, map);
    const read = (d?: Date) => d?.toISOString();
    expect(feed.items.map((i) => [read(i.published), read(i.modified)])).to.deep.equal([
      ['2024-04-19T01:30:00.000Z', '2024-04-19T01:30:00.000Z'],
      ['2024-04-19T01:30:00.000Z', '2024-04-19T01:30:00.000Z'],
      [undefined, undefined], // the epoch: a placeholder
      [undefined, undefined],
    ]);
    expect(feed.warnings.map((w) => `${w.path} ${w.problem}`)).to.deep.equal(['data.list[2].date_published not-a-date', 'data.list[3].date_published not-a-date']);
  });

  it('says which path is wrong', async () => {
    await expectError(() => parseNews('{"data": {}}', BASE, parseFieldMap('{"items":"data.list","title":"T"}')), 'format', /data\.list/);
    await expectError(() => parseFieldMap('{items: 1}'), 'config');
    await expectError(() => parseFieldMap('{"title": "x"}'), 'config');
    expect(getPath({ a: [{ b: 1 }] }, 'a.0.b')).to.equal(1);
  });
});

describe('parseDate', () => {
  it('reads RFC 3339, RFC 822 and dd/MM/yyyy (Vietnam time), and refuses nonsense', () => {
    expect(parseDate('2024-04-19T23:30:00+07:00')!.toISOString()).to.equal('2024-04-19T16:30:00.000Z');
    expect(parseDate('Fri, 19 Apr 2024 08:00:00 +0700')!.toISOString()).to.equal('2024-04-19T01:00:00.000Z');
    expect(parseDate('19/04/2024')!.toISOString()).to.equal('2024-04-18T17:00:00.000Z');
    expect(parseDate('31/02/2024')).to.equal(undefined);
    expect(parseDate('abc')).to.equal(undefined);
    // A CMS's "no date" (.NET's DateTime.MinValue, SQL Server's defaults) in every form: no date, not 1901.
    for (const text of ['0001-01-01T00:00:00', '0001-01-01T00:00:00Z', 'Mon, 01 Jan 0001 00:00:00 GMT', '01/01/0001', '1753-01-01 00:00:00', '01/01/1900'])
      expect(parseDate(text), text).to.equal(undefined);
    expect(parseDate('01/01/1901 00:00 +07:00')!.toISOString()).to.equal('1900-12-31T17:00:00.000Z'); // with an offset: the zone's 1901 rules (LMT) do not enter
    expect(parseDate('ngày 19 tháng 4')).to.equal(undefined);
  });

  it('reads the Vietnamese AM/PM of .NET’s vi-VN dates: SA (sáng) is AM, CH (chiều) is PM, before or after the day', () => {
    const cases: [string, string][] = [
      ['19/04/2024 2:30:00 CH', '2024-04-19T07:30:00.000Z'],
      ['2:30:00 CH 19/4/2024', '2024-04-19T07:30:00.000Z'],
      ['19/04/2024 8:30:00 SA', '2024-04-19T01:30:00.000Z'],
      ['19/04/2024 12:05 SA', '2024-04-18T17:05:00.000Z'], // 12 SA: just after midnight
      ['19/04/2024 12:05 ch', '2024-04-19T05:05:00.000Z'], // 12 CH: just after noon
      ['2024-04-19 2:30 CH', '2024-04-19T07:30:00.000Z'],
    ];
    for (const [text, iso] of cases) expect(parseDate(text)?.toISOString(), text).to.equal(iso);
    expect(parseDate('19/04/2024 14:30 CH')).to.equal(undefined); // 14 is no hour of a 12-hour clock
  });

  it('reads the Unix epoch itself, a CMS’s placeholder, as no date (a second later is a date)', async () => {
    for (const text of ['Thu, 01 Jan 1970 00:00:00 GMT', '1970-01-01T00:00:00Z', '1970-01-01T07:00:00+07:00'])
      expect(parseDate(text), text).to.equal(undefined);
    expect(parseDate('1970-01-01T00:00:01Z')!.toISOString()).to.equal('1970-01-01T00:00:01.000Z');
    // Through the JSON Feed reader, whose own RFC 3339 reader comes first.
    const feed = await parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: '1', title: 'T', date_published: '1970-01-01T00:00:00Z' }] }), BASE);
    expect(feed.items[0].published).to.equal(undefined);
  });
});

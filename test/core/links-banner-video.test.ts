import { expect } from '@open-wc/testing';
import { PortalError } from '../../src/core/errors.js';
import { currentMessages, nextChange } from '../../src/core/banner-schedule.js';
import { zonedTime } from '../../src/core/clock.js';
import { parseBanner } from '../../src/core/formats/banner.js';
import { parseLinks } from '../../src/core/formats/links.js';
import { parseNews } from '../../src/core/formats/news.js';
import { warningText } from '../../src/core/formats/warnings.js';
import type { NewsItem } from '../../src/core/model.js';
import { formatDuration, isVideoSite, videoOf, videosOf, vimeoId, youtubeId } from '../../src/core/video.js';

const BASE = 'https://example.gov.vn/data/links.json';
const fixture = async (name: string) => (await fetch(`/test/fixtures/${name}`)).text();

function expectError(fn: () => unknown, code: string, detail: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(PortalError);
    expect((e as PortalError).code).to.equal(code);
    expect((e as PortalError).detail).to.match(detail);
    return;
  }
  expect.fail(`expected a ${code} error`);
}

describe('parseLinks (portal-links/1)', () => {
  it('reads ordered groups; skips bad links and groups with one warning naming the field path', async () => {
    const doc = parseLinks(await fixture('links.json'), BASE);
    expect(doc.title).to.equal('Liên kết website');
    expect(doc.groups.map((g) => g.title)).to.deep.equal(['Tỉnh ủy, UBND tỉnh', 'Sở, ban, ngành', 'Huyện, thị xã, thành phố']);
    expect(doc.groups[0].links.map((l) => l.title)).to.deep.equal(['Tỉnh ủy Thừa Thiên Huế', 'UBND tỉnh Thừa Thiên Huế']);
    expect(doc.groups[1].links).to.deep.equal([
      { title: 'Sở Thông tin và Truyền thông', url: 'https://stttt.thuathienhue.gov.vn/' },
      { title: 'Đường dây nóng', url: 'tel:+842343822222' },
      { title: 'Sở Y tế', url: 'https://example.gov.vn/so-y-te' },
    ]);
    expect(doc.warnings.map(warningText)).to.deep.equal([
      'groups[0].links[2].url: URL not allowed (javascript:alert(1))',
      'groups[1].links[1].title: missing',
      'groups[3].links: not an array',
    ]);
  });

  it('refuses unknown versions, other documents and wrong types with a clear code', () => {
    expectError(() => parseLinks('{"version":"portal-links/2","groups":[]}', BASE), 'version', /^version: portal-links\/2$/);
    expectError(() => parseLinks('{"version":"portal-banner/1","messages":[]}', BASE), 'format', /version: not portal-links\/1/);
    expectError(() => parseLinks('{"groups":[]}', BASE), 'format', /version: missing/);
    expectError(() => parseLinks('[1,2]', BASE), 'format', /version: missing/);
    expectError(() => parseLinks('{"version":"portal-links/1","groups":"x"}', BASE), 'format', /^groups: not an array$/);
    expectError(() => parseLinks('{"version":"portal-links/1"', BASE), 'parse', /JSON/);
    expectError(() => parseLinks('<!doctype html><html></html>', BASE), 'format', /HTML page/);
  });

  it('names wrong field types and keeps the valid entries', () => {
    const doc = parseLinks(
      JSON.stringify({ version: 'portal-links/1', title: 5, groups: [7, { title: ['x'], links: [] }, { title: 'Nhóm', links: [{ title: 'A', url: 42 }, { title: 'B', url: 'https://b.vn/' }] }] }),
      BASE,
    );
    expect(doc.groups).to.deep.equal([{ title: 'Nhóm', links: [{ title: 'B', url: 'https://b.vn/' }] }]);
    expect(doc.warnings.map(warningText)).to.deep.equal(['groups[0]: not an object', 'groups[1].title: not a string', 'groups[2].links[0].url: not a string']);
  });
});

describe('parseBanner (portal-banner/1)', () => {
  it('reads messages and periods; skips bad ones with a warning; drops a javascript: URL but keeps the text', async () => {
    const banner = parseBanner(await fixture('banner.json'), BASE, 'Asia/Ho_Chi_Minh');
    expect(banner.messages.map((m) => m.text)).to.deep.equal([
      'NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI MẶT TRẬN TỔ QUỐC VIỆT NAM CÁC CẤP TỈNH THỪA THIÊN HUẾ NHIỆM KỲ 2024 - 2029 !',
      'Chào mừng kỷ niệm 49 năm Ngày giải phóng Thừa Thiên Huế',
      'Tin đã hết hạn',
      'Tin sắp tới',
      'Liên kết độc hại vẫn hiện chữ',
    ]);
    expect(banner.messages[1].url).to.equal('https://example.gov.vn/tin-tuc/giai-phong.html');
    expect(banner.messages[4].url).to.equal(undefined);
    expect(banner.warnings.map(warningText)).to.deep.equal([
      'messages[4].url: URL not allowed (javascript:alert(1))',
      'messages[5].text: missing',
      'messages[6].start: not a date',
    ]);
  });

  it('reads days and wall times in the widget’s time zone; a bare end day lasts through that day', () => {
    const doc = (start: string, end: string) => JSON.stringify({ version: 'portal-banner/1', messages: [{ text: 'x', start, end }] });
    const [vn] = parseBanner(doc('2024-05-01', '2024-05-19'), BASE, 'Asia/Ho_Chi_Minh').messages;
    expect(vn.start!.toISOString()).to.equal('2024-04-30T17:00:00.000Z');
    expect(vn.end!.toISOString()).to.equal('2024-05-19T17:00:00.000Z');
    const [paris] = parseBanner(doc('2024-07-01T08:30', '2024-12-01T08:30:00+07:00'), BASE, 'Europe/Paris').messages;
    expect(paris.start!.toISOString()).to.equal('2024-07-01T06:30:00.000Z'); // summer time, UTC+2
    expect(paris.end!.toISOString()).to.equal('2024-12-01T01:30:00.000Z'); // an offset wins over the zone
    expect(zonedTime(Date.UTC(2024, 0, 15, 8), 'Europe/Paris').toISOString()).to.equal('2024-01-15T07:00:00.000Z');
    const bad = parseBanner(doc('2024-05-10', '2024-05-01'), BASE);
    expect(bad.warnings.map(warningText)).to.deep.equal(['messages[0].end: before start']);
  });

  it('shows a message only in its period, and says when the next change is', () => {
    const at = (iso: string) => Date.parse(iso);
    const messages = [
      { text: 'always' },
      { text: 'may', start: new Date('2024-05-01T00:00:00+07:00'), end: new Date('2024-06-01T00:00:00+07:00') },
    ];
    expect(currentMessages(messages, at('2024-04-30T16:59:59Z')).map((m) => m.text)).to.deep.equal(['always']);
    expect(currentMessages(messages, at('2024-04-30T17:00:00Z')).map((m) => m.text)).to.deep.equal(['always', 'may']);
    expect(currentMessages(messages, at('2024-05-31T17:00:00Z')).map((m) => m.text)).to.deep.equal(['always']);
    expect(nextChange(messages, at('2024-04-30T16:00:00Z'))).to.equal(3600_000);
    expect(nextChange(messages, at('2025-01-01T00:00:00Z'))).to.equal(undefined);
  });

  it('refuses unknown versions and wrong types with a clear code', () => {
    expectError(() => parseBanner('{"version":"portal-banner/2","messages":[]}', BASE), 'version', /portal-banner\/2/);
    expectError(() => parseBanner('{"version":"portal-banner/1","messages":"x"}', BASE), 'format', /^messages: not an array$/);
    expectError(() => parseBanner('{"version":1,"messages":[]}', BASE), 'format', /version: not portal-banner\/1/);
  });
});

describe('video detection', () => {
  it('finds YouTube and Vimeo ids in the URLs people paste', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    ])
      expect(youtubeId(url), url).to.equal('dQw4w9WgXcQ');
    expect(youtubeId('https://www.youtube.com/watch?v=short')).to.equal(undefined);
    expect(youtubeId('https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ')).to.equal(undefined);
    expect(vimeoId('https://vimeo.com/76979871')).to.equal('76979871');
    expect(vimeoId('https://player.vimeo.com/video/76979871?h=abc')).to.equal('76979871');
    expect(vimeoId('https://vimeo.com/channels/staffpicks')).to.equal(undefined);
    expect(isVideoSite('https://i.ytimg.com/vi/x/hq.jpg')).to.equal(true);
    expect(isVideoSite('https://example.gov.vn/a.jpg')).to.equal(false);
  });

  it('reads the videos of a feed: files with captions, YouTube (nocookie), Vimeo (dnt); others are not videos', async () => {
    const feed = await parseNews(await fixture('videos.json'), 'https://example.gov.vn/feeds/videos.json');
    const videos = videosOf(feed.items);
    expect(videosOf(feed.items)).to.equal(videos); // once per items array
    expect(videos.map((v) => [v.item.id, v.kind, v.src])).to.deep.equal([
      ['video-1', 'file', 'https://example.gov.vn/test/fixtures/media/dai-hoi.mp4'],
      ['video-2', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0'],
      ['video-3', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&autoplay=1'],
      ['video-4', 'file', 'https://example.gov.vn/test/fixtures/media/dvc.webm'],
    ]);
    expect(videos[0].captions.map((c) => [c.url, c.title])).to.deep.equal([['https://example.gov.vn/test/fixtures/media/dai-hoi.vi.vtt', 'Tiếng Việt']]);
    expect(videos[0].durationInSeconds).to.equal(185);
    expect(videos[1].durationInSeconds).to.equal(3725);
    expect(videos[0].poster).to.equal('https://example.gov.vn/test/fixtures/img/anh-1.svg');
    // A poster on the video site's servers would be a request to it before the click: left out.
    expect(videos[2].poster).to.equal(undefined);
    // The javascript: URLs were refused by the parser, so item 5 is no video at all.
    expect(feed.warnings.map(warningText).filter((w) => w.startsWith('items[5]'))).to.include('items[5].url: URL not allowed (javascript:alert(1))');
  });

  it('formats durations as players do', () => {
    expect([0, 5, 59, 185, 3725].map(formatDuration)).to.deep.equal(['0:00', '0:05', '0:59', '3:05', '1:02:05']);
    const item = { id: 'x', title: 't', authors: [], tags: [], attachments: [] } as NewsItem;
    expect(videoOf(item)).to.equal(undefined);
  });
});

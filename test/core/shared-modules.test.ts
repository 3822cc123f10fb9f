import { expect } from '@open-wc/testing';
import { formatTime, zonedTime } from '../../src/core/clock.js';
import { bannerDocument, counterDocument, linksDocument, newsDocument } from '../../src/core/documents/index.js';
import { PortalError } from '../../src/core/errors.js';
import { describeError } from '../../src/core/i18n/messages.js';
import { formatNumber, localeOf, toLang } from '../../src/core/locale.js';
import { fillTemplate, itemLink, safeUrl } from '../../src/core/urls.js';

describe('document kinds (core/documents)', () => {
  it('each kind names its page meta and a parse key of its own', () => {
    expect([newsDocument, linksDocument, bannerDocument, counterDocument].map((k) => k.meta)).to.deep.equal([
      'portal-widgets:src',
      'portal-widgets:links',
      'portal-widgets:banner',
      'portal-widgets:visits',
    ]);
    const keys = [newsDocument.key(''), newsDocument.key('{"items":"data"}'), linksDocument.key(''), bannerDocument.key('Asia/Ho_Chi_Minh'), counterDocument.key('')];
    expect(new Set(keys).size).to.equal(keys.length);
    expect(bannerDocument.key('Europe/Paris')).not.to.equal(bannerDocument.key('Asia/Ho_Chi_Minh'));
  });

  it('parses with the kind\'s parser and setting', async () => {
    const feed = await newsDocument.parse('{"data":[{"TieuDe":"Tin","Id":"1"}]}', 'https://a.gov.vn/', '{"items":"data","title":"TieuDe","id":"Id"}');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Tin']);
    const banner = await bannerDocument.parse('{"version":"portal-banner/1","messages":[{"text":"A","start":"2024-05-01"}]}', 'https://a.gov.vn/', 'Asia/Ho_Chi_Minh');
    expect(banner.messages[0].start!.toISOString()).to.equal('2024-04-30T17:00:00.000Z');
    expect((await counterDocument.parse('{"total":5,"online":1}', 'https://a.gov.vn/', '')).total).to.equal(5);
  });
});

describe('describeError, locale, urls', () => {
  it('puts an error into words in either language, with its detail', () => {
    expect(describeError(new PortalError('http', 'HTTP 500', 500), 'vi')).to.equal('Máy chủ trả lỗi (HTTP 500)');
    expect(describeError(new PortalError('timeout'), 'en')).to.equal('The server did not answer in time');
  });

  it('maps a language to its Intl locale once, and reads tags and environment values', () => {
    expect([localeOf('vi'), localeOf('en')]).to.deep.equal(['vi-VN', 'en-US']);
    expect(['en', 'en-GB', 'en_US.UTF-8', 'EN'].map(toLang)).to.deep.equal(['en', 'en', 'en', 'en']);
    expect(['vi', '', 'fr', 'C.UTF-8', 'eng'].map(toLang)).to.deep.equal(['vi', 'vi', 'vi', 'vi', 'vi']);
    expect(formatNumber(1234.5, 'vi', { maximumFractionDigits: 1 })).to.equal('1.234,5');
  });

  it('shows a time of day in the widget\'s time zone, and falls back to the default zone for an unknown one', () => {
    const t = new Date('2024-04-19T03:15:00Z');
    expect(formatTime(t, 'vi', 'Asia/Ho_Chi_Minh')).to.equal('10:15');
    expect(formatTime(t, 'en', 'Europe/Paris')).to.equal('05:15 AM');
    expect(formatTime(t, 'vi', 'Not/AZone')).to.equal('10:15');
    expect(zonedTime(Date.UTC(2024, 3, 19, 10, 15), 'Asia/Ho_Chi_Minh').toISOString()).to.equal('2024-04-19T03:15:00.000Z');
  });

  it('fills link templates and allow-lists URLs', () => {
    expect(fillTemplate('/tin-tuc.html?date={date}&q={query}', { date: '2024-04', query: 'hội nghị' })).to.equal('/tin-tuc.html?date=2024-04&q=h%E1%BB%99i%20ngh%E1%BB%8B');
    expect(itemLink('/bai-viet.html?id={id}', { id: 'a/b', url: 'https://x.vn/' })).to.equal('/bai-viet.html?id=a%2Fb');
    expect(itemLink(undefined, { id: 'a', url: 'https://x.vn/' })).to.equal('https://x.vn/');
    expect(safeUrl('javascript:alert(1)', 'https://x.vn/')).to.equal(undefined);
    expect(safeUrl('/a', 'https://x.vn/b/')).to.equal('https://x.vn/a');
  });
});

/**
 * The ranking table of issue 14: Vietnamese queries typed as readers type them
 * (unaccented, accented, a partial last word, phrase against scattered, title
 * against body), each with the article that must come first, over a feed
 * (served over HTTP) full of near misses: four "Hiệp hội Doanh nghiệp …" newer
 * than the one "Hội nghị …", "Thương" beside "Hương", "Sở" beside "số".
 */
import { expect } from '@open-wc/testing';
import { parseNews } from '../../src/core/formats/news.js';
import type { NewsItem } from '../../src/core/model.js';
import { SearchIndex, wordMatcher } from '../../src/core/text.js';
import { docUrl } from '../helpers.js';

/** [query, expected first id, why]. */
const TABLE: [string, string, string][] = [
  ['hoi nghi', 'hoi-nghi-giao-ban', 'the phrase in the title beats four newer Hiệp hội Doanh nghiệp (nghi is not nghiệp)'],
  ['hội nghị', 'hoi-nghi-giao-ban', 'exact phrase in the title'],
  ['HỘI NGHỊ', 'hoi-nghi-giao-ban', 'capitals'],
  ['Hoi Nghi', 'hoi-nghi-giao-ban', 'unaccented with capitals'],
  ['hoi ngh', 'hoi-nghi-giao-ban', 'partial last word: the phrase still wins'],
  ['hội ng', 'hoi-nghi-giao-ban', 'accented, partial last word'],
  ['nghị', 'hoi-nghi-giao-ban', 'whole word in the title, newest of two'],
  ['nghi quyet', 'nghi-quyet', 'phrase'],
  ['hiep hoi', 'hiep-hoi-hoi-cho', 'four equal titles: the newest'],
  ['doanh nghiep', 'hiep-hoi-hoi-cho', 'the newest of the equal matches'],
  ['nghiep vu', 'tap-huan', 'phrase in the title'],
  ['tập huấn', 'tap-huan', 'exact phrase'],
  ['hoi thi', 'hoi-thi', 'phrase, not Hội … thi scattered elsewhere'],
  ['hỏi đáp', 'hoi-dap', 'exact'],
  ['hoi dap', 'hoi-dap', 'folded'],
  ['hỏi', 'hoi-dap', 'exact hỏi before every folded hội'],
  ['phap luat dat dai', 'hoi-dap', 'four words, folded'],
  ['duong le loi', 'duong-le-loi', 'three words folded'],
  ['đường', 'duong-le-loi', 'exact đường before the newer Dương'],
  ['dương', 'duong-van-an', 'exact dương before đường'],
  ['duong', 'duong-van-an', 'folded tie: the newest'],
  ['huong', 'huong-tra', 'Hương, never Thương'],
  ['HUONG TRA', 'huong-tra', 'capitals, folded'],
  ['thuong mai', 'thuong-mai', 'phrase'],
  ['cong thuong', 'thuong-mai', 'phrase folded'],
  ['thời tiết', 'thoi-tiet', 'exact'],
  ['thoi', 'thoi-tiet', 'whole word folded'],
  ['chuyen doi so', 'chuyen-doi-so', 'three words'],
  ['số', 'chuyen-doi-so', 'exact số before the newer Sở'],
  ['sở', 'thuong-mai', 'exact sở (the newer of two) before số'],
  ['so tai chinh', 'so-tai-chinh', 'three words folded'],
  ['dai hoi doan', 'dai-hoi-doan', 'phrase of three'],
  ['đại hội đoàn', 'dai-hoi-doan', 'exact phrase of three'],
  ['dai doan ket', 'doan-ket', 'phrase, not Đại hội Đoàn'],
  ['giao ban', 'hoi-nghi-giao-ban', 'title before the newer summary (Báo cáo quý: "Họp giao ban")'],
  ['mat tran', 'mat-tran-phat-dong', 'both phrases in a title: the newest'],
  ['hoi nghi tong ket', 'tong-ket', 'the phrase in the body'],
  ['tổng kết', 'tong-ket', 'title before the body of other items'],
  ['le hoi', 'le-hoi', 'phrase'],
  ['festival hue', 'le-hoi', 'title before the summary of Chỉnh trang đường Lê Lợi'],
  ['hợp tác du lịch', 'khanh-hoa', 'NFD title, NFC query'],
  ['hoi thao', 'hoi-thao-moi', 'two equal titles: the newest, though listed after'],
  ['xuc tien', 'thuong-mai', 'two words in the title'],
];

let items: NewsItem[];
let index: SearchIndex;
before(async () => {
  const res = await fetch(docUrl('search-ranking.json'));
  items = (await parseNews(await res.text(), res.url)).items;
  index = new SearchIndex(items);
});

describe('search ranking: the first result for readers’ queries', () => {
  it('has at least 30 queries', () => expect(TABLE.length).to.be.at.least(30));
  for (const [query, first, why] of TABLE) {
    it(`"${query}" → ${first} (${why})`, () => {
      expect(index.search(query)[0]?.id, index.search(query).slice(0, 4).map((i) => i.id).join(', ')).to.equal(first);
    });
  }

  it('"hoi nghi": the Hội nghị articles before every Hiệp hội Doanh nghiệp', () => {
    const ids = index.search('hoi nghi').map((i) => i.id);
    const decoys = ids.filter((id) => id.startsWith('hiep-hoi'));
    expect(decoys).to.have.length(4, 'nghi, the last word, still matches nghiệp as a prefix');
    expect(ids.indexOf('hoi-nghi-giao-ban')).to.equal(0);
    for (const real of ['nghi-quyet', 'tong-ket']) expect(ids.indexOf(real)).to.be.below(ids.indexOf(decoys[0]), real);
  });

  it('only the last word matches as a prefix', () => {
    expect(index.search('nghi hoi').map((i) => i.id)).not.to.include('hiep-hoi-gap-mat'); // nghi (not last) is not nghiệp
    expect(index.search('ngh').length).to.be.above(5);
    expect(index.search('ngh hoi')).to.deep.equal([]);
  });

  it('an exact match in the summary beats folded matches in titles', () => {
    const local = new SearchIndex([
      { id: 'folded', title: 'Ma tran', authors: [], tags: [], attachments: [] },
      { id: 'exact', title: 'Tin', summary: 'Mặt trận', authors: [], tags: [], attachments: [] },
    ]);
    expect(local.search('mặt trận').map((i) => i.id)).to.deep.equal(['exact']);
    expect(local.search('mat tran').map((i) => i.id)).to.deep.equal(['exact']); // "ma tran": tran whole, ma ≠ mat
  });
});

describe('link filter: word starts, as the search', () => {
  it('"huong" finds Hương, not Thương', () => {
    const m = wordMatcher('huong');
    expect(m('Thị xã Hương Trà')).to.equal(true);
    expect(m('Sở Công Thương')).to.equal(false);
  });
  it('earlier words whole, the last a prefix', () => {
    expect(wordMatcher('so tai')('Sở Tài chính')).to.equal(true);
    expect(wordMatcher('so ta')('Sở Tài chính')).to.equal(true);
    expect(wordMatcher('s tai')('Sở Tài chính')).to.equal(false);
    expect(wordMatcher('UBND')('UBND tỉnh')).to.equal(true);
  });
});

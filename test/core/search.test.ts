import { expect } from '@open-wc/testing';
import type { NewsItem } from '../../src/core/model.js';
import { highlight, SearchIndex, searchIndex } from '../../src/core/text.js';

const item = (id: string, title: string, summary = '', contentText?: string): NewsItem => ({ id, title, summary, contentText, authors: [], tags: [], attachments: [] });

/** A small Vietnamese corpus, in feed order (a is newest). */
const corpus = [
  item('a', 'Hội nghị giao ban Mặt trận Tổ quốc quý I/2024', 'Thường trực Tỉnh ủy chủ trì hội nghị.'),
  item('b', 'Đường Lê Lợi được chỉnh trang', 'Công trình đường phố trước Festival Huế 2024.'),
  item('c', 'Hỏi đáp pháp luật về đất đai', 'Giải đáp thắc mắc của người dân.'),
  item('d', 'Thời tiết Thừa Thiên Huế', 'Mưa rào và dông rải rác.', 'Trời có lúc hửng nắng; nhiệt độ 25 °C.'),
  item('e', 'Tỉnh ủy triển khai Nghị quyết về chuyển đổi số', 'Đề án 23-ĐA/TU', 'Hội nghị trực tuyến toàn tỉnh.'),
  item('f', 'Hoi nghi khong dau'),
  item('g', 'Đại hội Đoàn thanh niên nhiệm kỳ 2024 - 2029', 'Đại biểu đoàn viên ưu tú.'),
  item('h', 'Ma túy: cảnh báo', 'Mả, má, mã, mạ, mà đều khác nghĩa.'),
  item('i', 'Du lịch Huế đón khách', '', 'Dư luận đánh giá cao lễ hội.'),
  item('j', 'Chương trình "Chủ nhật xanh" lan tỏa', 'Phong trào (xanh – sạch – đẹp).'),
  item('k', 'ĐƯỜNG DÂY NÓNG', 'ĐƯỜNG dây nóng tiếp nhận phản ánh'),
  // Written in NFD, as some editors save it.
  item('l', 'Khánh Hòa và Thừa Thiên Huế hợp tác'.normalize('NFD')),
];

const nfd = (s: string) => s.normalize('NFD');

/** Query → expected ids, best first: phrase, whole words, exact diacritics, then title > summary > body, then feed order (no dates here). */
const cases: [string, string, string[]][] = [
  ['tones folded', 'hoi nghi', ['f', 'a', 'e']],
  ['exact diacritics first', 'hội nghị', ['a', 'e', 'f']],
  ['capitals', 'HỘI NGHỊ', ['a', 'e', 'f']],
  ['NFD query', nfd('hội nghị'), ['a', 'e', 'f']],
  ['mixed case', 'Hội Nghị', ['a', 'e', 'f']],
  ['double spaces', 'hoi  nghi', ['f', 'a', 'e']],
  ['words in any order', 'nghị hội', ['a', 'e', 'f']],
  ['đ folded to d', 'duong', ['b', 'k']],
  ['đ exact', 'đường', ['b', 'k']],
  ['Đ capital', 'Đường', ['b', 'k']],
  ['upper case folded', 'DUONG', ['b', 'k']],
  ['đ with missing tone', 'đuong', ['b', 'k']],
  ['NFD đ query', nfd('Đường'), ['b', 'k']],
  ['several words', 'le loi', ['b']],
  ['three words folded', 'duong le loi', ['b']],
  ['three words exact', 'đường lê lợi', ['b']],
  ['word start, not inside a word', 'hoi', ['f', 'a', 'c', 'g', 'e', 'i']],
  ['hỏi exact first', 'hỏi', ['c', 'a', 'f', 'g', 'e', 'i']],
  ['hội exact: title, then body, then folded', 'hội', ['a', 'g', 'e', 'i', 'c', 'f']],
  ['prefix while typing', 'ho', ['f', 'a', 'c', 'g', 'l', 'e', 'i']],
  ['thời tiết folded', 'thoi tiet', ['d']],
  ['words across fields', 'thời tiết nang', ['d']],
  ['Huế upper case folded', 'HUE', ['d', 'i', 'l', 'b']],
  ['huế exact, NFD source', 'huế', ['d', 'i', 'l', 'b']],
  ['ma: title exact, then Mặt (title), thắc mắc (summary)', 'ma', ['h', 'a', 'c']],
  ['mả hỏi tone: exact in a summary beats folded titles', 'mả', ['h', 'a', 'c']],
  ['mã ngã tone', 'mã', ['h', 'a', 'c']],
  ['mạ nặng tone', 'mạ', ['h', 'a', 'c']],
  ['tuy: the whole word túy (folded, title) beats the exact start of tuyến (body)', 'tuy', ['h', 'e']],
  ['ma tuy', 'ma tuy', ['h']],
  ['dai hoi: the phrase Đại hội beats Hỏi … đai scattered', 'dai hoi', ['g', 'c']],
  ['đại hội đoàn', 'đại hội đoàn', ['g']],
  ['doan', 'doan', ['g']],
  ['words and a number', 'nhiệm kỳ 2024', ['g']],
  ['number in I/2024', '2024', ['a', 'g', 'b']],
  ['punctuation inside a code', '23-ĐA/TU', ['e']],
  ['quotes', '"chủ nhật xanh"', ['j']],
  ['en dash between words', 'xanh – sạch', ['j']],
  ['chu nhat', 'chu nhat', ['j']],
  ['five words', 'hội nghị giao ban quý', ['a']],
  ['tinh uy folded', 'tinh uy', ['e', 'a']],
  ['ủy exact', 'ủy', ['e', 'a']],
  ['uy folded', 'uy', ['e', 'a']],
  ['NFC query, NFD text', 'Hợp tác', ['l']],
  ['folded query, NFD text', 'hop tac', ['l']],
  ['capitals, NFD text', 'HỢP TÁC', ['l']],
  ['body only', 'dư luận', ['i']],
  ['du: exact title, then được, ĐƯỜNG', 'du', ['i', 'b', 'k']],
  ['đẹp', 'đẹp', ['j']],
  ['đại hội: exact first, then the folded tie', 'đại hội', ['g', 'c']],
  ['degrees sign', '25 °C', ['d']],
  ['trailing punctuation', 'đường?', ['b', 'k']],
  ['no match', 'khong co tu nay', []],
  ['no match, latin', 'xyz', []],
  ['one word missing', 'hội nghị xyz', []],
  ['inside a word does not match', 'oi nghi', []],
];

describe('search: Vietnamese query table', () => {
  const index = new SearchIndex(corpus);
  for (const [name, query, expected] of cases) {
    it(`${name}: "${query}"`, () => {
      expect(index.search(query).map((i) => i.id)).to.deep.equal(expected);
      // The same answer from a fresh index (no narrowing from an earlier query).
      expect(new SearchIndex(corpus).search(query).map((i) => i.id)).to.deep.equal(expected);
    });
  }

  it('an empty or blank query gives every item in feed order', () => {
    expect(index.search('').map((i) => i.id)).to.deep.equal(corpus.map((i) => i.id));
    expect(index.search('  ,. ').map((i) => i.id)).to.deep.equal(corpus.map((i) => i.id));
  });

  it('one index answers each keystroke as a fresh index does', () => {
    const typing = new SearchIndex(corpus);
    for (const query of ['h', 'ho', 'hoi', 'hoi ', 'hoi n', 'hoi ng', 'hoi ngh', 'hoi nghi', 'hoi ngh', 'ma', 'đ', 'đư', 'đường l'])
      expect(typing.search(query).map((i) => i.id), query).to.deep.equal(new SearchIndex(corpus).search(query).map((i) => i.id));
  });

  it('is built once per items array', () => {
    expect(searchIndex(corpus)).to.equal(searchIndex(corpus));
    expect(searchIndex(corpus.slice())).not.to.equal(searchIndex(corpus));
  });

  it('searches HTML bodies as text', () => {
    const html: NewsItem = { ...item('x', 'Tin'), contentHtml: '<p>Chiều 15/4, <b>Thường trực</b> Tỉnh&nbsp;ủy</p>' };
    expect(new SearchIndex([html]).search('thuong truc tinh uy').map((i) => i.id)).to.deep.equal(['x']);
    expect(new SearchIndex([html]).search('b')).to.deep.equal([]);
  });
});

describe('search: highlight', () => {
  const marked = (text: string, query: string) =>
    highlight(text, query)
      .map((s) => (s.match ? `[${s.text}]` : s.text))
      .join('');
  it('marks folded word starts in the original text', () => {
    expect(marked('Hội nghị giao ban', 'hoi nghi')).to.equal('[Hội] [nghị] giao ban');
    expect(marked('Đường Lê Lợi', 'duong loi')).to.equal('[Đường] Lê [Lợi]');
    expect(marked('Hội nghị', 'ngh')).to.equal('Hội [ngh]ị');
    expect(marked('ĐƯỜNG DÂY NÓNG', 'đường')).to.equal('[ĐƯỜNG] DÂY NÓNG');
  });
  it('does not mark inside a word, and keeps punctuation', () => {
    expect(marked('Thời tiết: hội thi', 'hoi')).to.equal('Thời tiết: [hội] thi');
    expect(marked('quý I/2024', '2024')).to.equal('quý I/[2024]');
  });
  it('shows NFD text in NFC and matches an NFD query', () => {
    const segments = highlight('Hợp tác'.normalize('NFD'), 'hợp'.normalize('NFD'));
    expect(segments).to.deep.equal([
      { text: 'Hợp', match: true },
      { text: ' tác', match: false },
    ]);
  });
  it('returns markup as plain text segments', () => {
    expect(highlight('<b>Hội</b> nghị', 'hoi')).to.deep.equal([
      { text: '<b>', match: false },
      { text: 'Hội', match: true },
      { text: '</b> nghị', match: false },
    ]);
    expect(highlight('Tin', '')).to.deep.equal([{ text: 'Tin', match: false }]);
  });
});

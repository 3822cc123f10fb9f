import { expect } from '@open-wc/testing';
import { dayKey, formatDate, newestFirst } from '../../src/core/dates.js';
import { relatedItems } from '../../src/core/article.js';
import { formatNumber } from '../../src/core/locale.js';
import { foldVietnamese, SearchIndex } from '../../src/core/text.js';
import type { NewsItem } from '../../src/core/model.js';

describe('dates', () => {
  const late = new Date('2024-04-19T23:30:00+07:00');
  it('counts days in the widget time zone, not the reader’s', () => {
    expect(dayKey(late)).to.equal('2024-04-19');
    expect(dayKey(late, 'UTC')).to.equal('2024-04-19');
    expect(dayKey(new Date('2024-04-19T00:30:00+07:00'), 'America/Los_Angeles')).to.equal('2024-04-18');
    expect(dayKey(new Date('2024-04-30T23:59:00+07:00')).slice(0, 7)).to.equal('2024-04');
  });
  it('shows dd/MM/yyyy in vi and the locale form in en', () => {
    expect(formatDate(late, 'vi')).to.equal('19/04/2024');
    expect(formatDate(late, 'en')).to.equal('Apr 19, 2024');
  });
  it('sorts newest first with undated items after the dated ones, in feed order, wherever a list sorts', () => {
    const item = (id: string, date?: string): NewsItem => ({ id, title: id, tags: [], attachments: [], published: date ? new Date(date) : undefined }) as unknown as NewsItem;
    const items = [item('u1'), item('old', '1969-07-20T00:00:00Z'), item('u2'), item('new', '2024-04-19T08:00:00Z'), item('u3'), item('mid', '2020-01-10T00:00:00Z')];
    const order = ['new', 'mid', 'old', 'u1', 'u2', 'u3'];
    expect([...items].sort(newestFirst).map((i) => i.id)).to.deep.equal(order);
    // "Các tin khác" under an article (no shared tags: by date alone).
    expect(relatedItems(items, item('x'), 10).map((i) => i.id)).to.deep.equal(order);
    // Search ranks equal matches newest first: every title holds its id, so query each.
    const index = new SearchIndex(items.map((i) => ({ ...i, title: `tin ${i.id}` })));
    expect(index.search('tin').map((i) => i.id)).to.deep.equal(order);
  });
  it('falls back to the default zone for an unknown one rather than throwing', () => {
    expect(dayKey(late, 'Mars/Olympus')).to.equal('2024-04-19');
  });
  it('groups numbers the reader’s way', () => {
    expect(formatNumber(2595954, 'vi')).to.equal('2.595.954');
    expect(formatNumber(2595954, 'en')).to.equal('2,595,954');
  });
});

describe('text', () => {
  it('folds tones, vowel marks and đ/Đ, from NFC or NFD', () => {
    expect(foldVietnamese('Hội nghị')).to.equal('hoi nghi');
    expect(foldVietnamese('Đường')).to.equal('duong');
    expect(foldVietnamese('Hội nghị'.normalize('NFD'))).to.equal('hoi nghi');
  });
  it('finds every word, exact diacritics and titles first', () => {
    const item = (id: string, title: string, summary = ''): NewsItem => ({ id, title, summary, authors: [], tags: [], attachments: [] });
    const index = new SearchIndex([
      item('a', 'Hỏi đáp pháp luật', 'Hội nghị tập huấn'),
      item('b', 'Hội nghị giao ban'),
      item('c', 'Hoi nghi khong dau'),
      item('d', 'Tin khác'),
    ]);
    // Exact diacritics first (title before summary), then folded matches.
    expect(index.search('hội nghị').map((i) => i.id)).to.deep.equal(['b', 'a', 'c']);
    expect(index.search('hoi nghi').map((i) => i.id)).to.deep.equal(['c', 'b', 'a']);
    expect(index.search('nghị giao').map((i) => i.id)).to.deep.equal(['b']);
    expect(index.search('xyz')).to.deep.equal([]);
  });
});

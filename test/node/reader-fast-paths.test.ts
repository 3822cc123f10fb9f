/**
 * The readers' per-item paths that were rewritten to run less code (docs/performance.md, "Less
 * code at start"): the RFC 3339 date reader used until the full one loads, optional fields read
 * through `optional(warnings, reader, ...arguments)`, a JSON Feed item's rare fields read only
 * when present, and the comma count that lets a JSON body skip the item bound. Each test file
 * runs in a fresh process: the date tests come first, before anything loads the full reader.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fullDates, Invalid, optString, parseDate } from '../../src/core/formats/fields.js';
import { parseNews } from '../../src/core/formats/news.js';
import { optional } from '../../src/core/formats/read-each.js';
import type { ParseWarning } from '../../src/core/formats/warnings.js';
import { limitText, LIMITS } from '../../src/core/limits.js';

const iso = (text: string) => parseDate(text)?.toISOString();

describe('RFC 3339 before the full date reader is loaded', () => {
  test('the full reader is not loaded yet (else these would test it instead)', () => {
    assert.equal(fullDates.read, undefined);
  });

  test('offsets with and without a colon, Z in either case, T or t or a space', () => {
    assert.equal(iso('2024-04-19T08:30:00+07:00'), '2024-04-19T01:30:00.000Z');
    assert.equal(iso('2024-04-19T08:30:00+0700'), '2024-04-19T01:30:00.000Z');
    assert.equal(iso('2024-04-19T08:30:00-05:30'), '2024-04-19T14:00:00.000Z');
    assert.equal(iso('2024-04-19t08:30:00z'), '2024-04-19T08:30:00.000Z');
    assert.equal(iso('2024-04-19 08:30Z'), '2024-04-19T08:30:00.000Z');
    assert.equal(iso('2024-04-19T08:30+07:00'), '2024-04-19T01:30:00.000Z', 'seconds are optional');
    assert.equal(iso('2024-04-19T00:00:00+14:00'), '2024-04-18T10:00:00.000Z', 'the widest offset there is');
  });

  test('fractions of any length, rounded to the millisecond; a leap second is the 59th', () => {
    assert.equal(iso('2024-04-19T08:30:00.5Z'), '2024-04-19T08:30:00.500Z');
    assert.equal(iso('2024-04-19T08:30:00.123456+07:00'), '2024-04-19T01:30:00.123Z');
    assert.equal(iso('2024-04-19T08:30:59.9996Z'), '2024-04-19T08:31:00.000Z');
    assert.equal(iso('2016-12-31T23:59:60Z'), '2016-12-31T23:59:59.000Z');
  });

  test('white space of every kind around the date is ignored, none inside it', () => {
    assert.equal(iso(' \t\n2024-04-19T08:30:00Z\u00a0\u3000\ufeff'), '2024-04-19T08:30:00.000Z');
    assert.equal(iso('2024-04-19T 08:30:00Z'), undefined);
    assert.equal(iso('2024-04-19T08:30:00 +07:00'), undefined);
  });

  test('what is not RFC 3339 with an offset is left to the full reader', () => {
    for (const text of [
      '2024-04-19T08:30:00', // no offset: wall time in the widget's zone, the full reader's
      '2024-04-19',
      'Fri, 19 Apr 2024 08:30:00 +0700',
      'Thứ sáu, 19/04/2024 - 08:30',
      '19/04/2024 08:30',
      '２０２４-０４-１９T08:30:00Z', // full-width digits
      '٢٠٢٤-04-19T08:30:00Z', // Arabic-Indic digits
      '2024-04-19T08:30:00.Z', // a point without digits
      '2024-04-19T08:30:00+07', // an offset without minutes
      '2024-04-19T08:30:00+07:0',
      '2024-04-19T08:30:00Zx',
      '+2024-04-19T08:30:00Z',
      '',
    ])
      assert.equal(iso(text), undefined, text);
  });

  test('a day, hour, minute, second or offset out of range is not a date', () => {
    for (const text of ['2024-04-31T08:30:00Z', '2023-02-29T08:30:00Z', '2024-04-19T24:00:00Z', '2024-04-19T08:60:00Z', '2024-04-19T08:30:61Z', '2024-04-19T08:30:00+15:00'])
      assert.equal(iso(text), undefined, text);
    assert.equal(iso('2024-02-29T08:30:00Z'), '2024-02-29T08:30:00.000Z', 'a leap day is one');
  });

  test('a month 00 or 13 is not a date (it rolled over into the year before or after)', () => {
    for (const text of ['2024-13-19T08:30:00Z', '2024-00-19T08:30:00+07:00']) assert.equal(iso(text), undefined, text);
    assert.equal(iso('2024-12-19T08:30:00Z'), '2024-12-19T08:30:00.000Z');
  });

  test('a year before 1901 is a CMS’s “no date”, not a day of the 1900s', () => {
    for (const text of ['0001-01-01T00:00:00Z', '0099-12-31T00:00:00+07:00', '1753-01-01T00:00:00Z', '1900-01-01T00:00:00+07:00'])
      assert.equal(iso(text), undefined, text);
    assert.equal(iso('1901-01-01T00:00:00Z'), '1901-01-01T00:00:00.000Z');
  });
});

describe('optional fields', () => {
  test('optional runs the reader on its arguments; an Invalid drops the field with a warning, anything else is thrown', () => {
    const warnings: ParseWarning[] = [];
    assert.equal(optional(warnings, optString, { title: '  Hội nghị  ' }, 'title', 'items[0]'), 'Hội nghị');
    assert.equal(optional(warnings, optString, { title: 7 }, 'title', 'items[1]'), '7');
    assert.equal(optional(warnings, optString, { title: ['x'] }, 'title', 'items[2]'), undefined);
    assert.equal(
      optional(warnings, (v: string) => {
        throw new Invalid('items[3].date_published', 'not-a-date', v);
      }, 'hôm qua'),
      undefined,
    );
    assert.deepEqual(warnings, [
      { path: 'items[2].title', problem: 'not-a-string', effect: 'drop-field' },
      { path: 'items[3].date_published', problem: 'not-a-date', effect: 'drop-field', value: 'hôm qua' },
    ]);
    assert.throws(() => optional(warnings, () => JSON.parse('{')), SyntaxError);
  });
});

describe('a JSON Feed item', () => {
  const read = (items: unknown[]) => parseNews(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }), 'https://so.example.gov.vn/tin/');

  test('authors and tags: absent or null read as none; present, read as before', async () => {
    const feed = await read([
      { id: 'a', title: 'Không tác giả' },
      { id: 'b', title: 'Null', authors: null, author: null, tags: null },
      { id: 'c', title: 'Tác giả 1.0', authors: null, author: { name: 'Sở Tư pháp', url: 'javascript:alert(1)' }, tags: 'chuyển đổi số, hội nghị' },
      { id: 'd', title: 'Tác giả 1.1', authors: [{ name: 'Ban biên tập' }, { url: 'x' }, 3], tags: ['  Tin tức ', '', 5] },
    ]);
    assert.deepEqual(
      feed.items.map((i) => [i.authors, i.tags]),
      [
        [[], []],
        [[], []],
        [[{ name: 'Sở Tư pháp', url: undefined }], ['chuyển đổi số', 'hội nghị']],
        [[{ name: 'Ban biên tập', url: undefined }], ['Tin tức']],
      ],
    );
    assert.deepEqual(
      feed.warnings.map((w) => `${w.path} ${w.problem} ${w.effect}`),
      ['items[2].authors[0].url url-not-allowed drop-field', 'items[2].tags not-an-array repair'],
    );
    // None is one frozen array for every item: shared, so nothing can be added to it.
    const [none] = feed.items;
    assert.equal(none.tags, feed.items[1].authors);
    assert.equal(none.attachments, none.authors);
    assert.ok(Object.isFrozen(none.tags));
    assert.throws(() => (none.tags as string[]).push('x'), TypeError);
  });

  test('every wrong field of an item is dropped with its warning, in the fields’ order; no id, no URL: a hash', async () => {
    const item = { title: ['x'], summary: 'Tóm tắt: hội nghị', url: 'javascript:alert(1)', image: 'ftp://so.example.gov.vn/a.png', date_published: '2024-04-19T08:30:00+07:00', date_modified: 12, authors: 'Sở', tags: 5 };
    const feed = await read([item, { ...item, title: 'Có tiêu đề', url: 'bai-viet/1.html', id: undefined }]);
    assert.deepEqual(
      feed.warnings.map((w) => `${w.path} ${w.problem} ${w.effect}`),
      [
        'items[0].title not-a-string drop-field',
        'items[0].url url-not-allowed drop-field',
        'items[0].id id-from-hash repair',
        'items[0].image url-not-allowed drop-field',
        'items[0].date_modified not-a-date drop-field',
        'items[0].authors not-an-array drop-field',
        'items[0].tags not-an-array drop-field',
        'items[1].id id-from-url repair',
        'items[1].image url-not-allowed drop-field',
        'items[1].date_modified not-a-date drop-field',
        'items[1].authors not-an-array drop-field',
        'items[1].tags not-an-array drop-field',
      ],
    );
    const [first, second] = feed.items;
    assert.equal(first.title, 'Tóm tắt: hội nghị', 'titled by its summary');
    assert.match(first.id, /^hash-[0-9a-f]{8}$/);
    assert.equal(second.id, 'https://so.example.gov.vn/tin/bai-viet/1.html');
    assert.equal(first.published?.toISOString(), '2024-04-19T01:30:00.000Z');
  });

  test('an item with neither title, summary nor content is skipped; an empty content is enough', async () => {
    const feed = await read([{ id: 'a' }, { id: 'b', content_text: '' }, { id: 'c', content_text: 'Nội dung đầy đủ của tin' }]);
    assert.deepEqual(
      feed.items.map((i) => [i.id, i.title]),
      [
        ['b', ''],
        ['c', 'Nội dung đầy đủ của tin'],
      ],
    );
    assert.deepEqual(feed.warnings, [{ path: 'items[0].title', problem: 'missing', effect: 'skip-item' }]);
  });
});

describe('the item bound of a JSON body', () => {
  test('fewer commas than the bound: the text as it is; as many: the bound is applied (a comma in a string counts, then reads as it is)', async () => {
    const saved = LIMITS.items;
    LIMITS.items = 3;
    try {
      for (const text of ['[1,2,3]', '{"a":"x"}'])
        assert.deepEqual(await limitText(text), { text, itemsCut: false, marked: false }, text);
      assert.deepEqual(await limitText('[1,2,3,4]'), { text: '[1,2,3]', itemsCut: true, marked: false });
      assert.deepEqual(await limitText('{"a":"x,y,z,w"}'), { text: '{"a":"x,y,z,w"}', itemsCut: false, marked: false });
    } finally {
      LIMITS.items = saved;
    }
  });
});

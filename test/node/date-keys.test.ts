/** The one check of a day or month key (src/core/news-filter.ts) that the address, attributes and filter() go through. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countByDay } from '../../src/core/calendar.js';
import { checkedFilter, isDateKey, LAST_NEWS_YEAR } from '../../src/core/news-filter.js';

test(`isDateKey: real days and months of 1990 to ${LAST_NEWS_YEAR} only`, () => {
  for (const key of ['2024-04-19', '2024-04', '2024-02-29', '1990-01-01', `${LAST_NEWS_YEAR}-12-31`]) assert.equal(isDateKey(key), true, key);
  for (const key of ['19/04/2024', '2024-13-45', '2024-13', '2024-00', '2023-02-29', '2024-04-31', '9999-12-31', `${LAST_NEWS_YEAR + 1}-01-01`, '1989-12-31', '1970-01', '2024-4-19', ' 2024-04-19', 'abc', '', undefined, 20240419])
    assert.equal(isDateKey(key), false, String(key));
});

test('checkedFilter: an invalid date is removed with one config warning, the other keys kept', (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  assert.deepEqual(checkedFilter({ date: '2024-04-19', query: 'hội nghị' }), { date: '2024-04-19', query: 'hội nghị' });
  assert.equal(warn.mock.callCount(), 0);
  assert.deepEqual(checkedFilter({ date: '19/04/2024', query: 'hội nghị' }), { date: undefined, query: 'hội nghị' });
  assert.equal(warn.mock.callCount(), 1);
  assert.match(String(warn.mock.calls[0].arguments[0]), /config: date: "19\/04\/2024" ignored/);
});

test('countByDay leaves out far-off dates (a typo 8024, a CMS empty 1970): they would open the calendar there', () => {
  const item = (iso: string, id: string) => ({ id, title: id, published: new Date(iso), authors: [], tags: [], attachments: [] });
  const counts = countByDay([item('2024-04-19T08:00:00+07:00', 'ok'), item('8024-04-19T08:00:00+07:00', 'typo'), item('1970-01-01T00:00:00Z', 'empty')]);
  assert.equal(counts.newest, '2024-04-19');
  assert.equal(counts.oldest, '2024-04-19');
  assert.deepEqual(counts.months, [['2024-04', 1]]);
});

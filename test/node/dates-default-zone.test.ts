/**
 * The default zone's days are computed without Intl (core/dates.ts: its first
 * formatter costs a phone tens of ms of the first render): they must be the
 * days Intl gives, every 7.3 hours from 1940 to 2100 and at the edges of the
 * fixed-offset span (13 June 1975, year 8941), where Intl takes over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayKey, formatDate } from '../../src/core/dates.js';

const zone = { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' } as const;
const vi = new Intl.DateTimeFormat('vi-VN', zone);
const iso = new Intl.DateTimeFormat('en-CA', zone);

test('dayKey and the vi date in Asia/Ho_Chi_Minh are the days Intl gives', () => {
  const times = [Date.UTC(1975, 5, 12, 15, 59, 59, 999), Date.UTC(1975, 5, 12, 16), Date.UTC(1975, 5, 12, 16, 59), 2.2e14 - 1, 2.2e14, -1e12];
  for (let t = Date.UTC(1940, 0, 1); t < Date.UTC(2100, 0, 1); t += 7.3 * 3_600_000) times.push(t);
  const wrong = times.map((t) => new Date(t)).filter((d) => dayKey(d) !== iso.format(d) || formatDate(d, 'vi') !== vi.format(d));
  assert.deepEqual(wrong.map((d) => d.toISOString()), []);
  assert.equal(formatDate(new Date('2024-04-18T17:00:00Z'), 'vi'), '19/04/2024');
  assert.equal(dayKey(new Date('2024-04-18T16:59:59Z')), '2024-04-18');
  assert.equal(dayKey(new Date('2024-04-18T17:00:00Z'), 'UTC'), '2024-04-18');
});

/** The one converter of `limit` (src/core/config.ts) used by the news list, the search and the video list. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countAttribute } from '../../src/core/config.js';

test('countAttribute: whole numbers of at least 1 pass (2.5 → 2), anything else is the default with one config warning', (t) => {
  const warn = t.mock.method(console, 'warn', () => {});
  const limit = countAttribute('limit', 10);
  assert.deepEqual(['3', '1', '2.5', '100'].map((v) => limit.fromAttribute(v)), [3, 1, 2, 100]);
  assert.equal(limit.fromAttribute(null), 10, 'attribute removed: the default, no warning');
  assert.equal(warn.mock.callCount(), 0);
  assert.deepEqual(['0', '-3', 'abc', '', 'NaN', 'Infinity', '0.5'].map((v) => limit.fromAttribute(v)), Array(7).fill(10));
  assert.equal(warn.mock.callCount(), 7);
  assert.match(String(warn.mock.calls[1].arguments[0]), /config: limit="-3" ignored \(not a whole number ≥ 1\): 10/);
});

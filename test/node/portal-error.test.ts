/** toPortalError (src/core/errors.ts) in Node (the hub, the CLI): no page, so a failed fetch is `offline`, never `blocked`. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPortalError } from '../../src/core/errors.js';

test('toPortalError in Node: a failed fetch of any URL is offline', () => {
  assert.equal(toPortalError(new TypeError('fetch failed'), 'https://tin.example/feed.json').code, 'offline');
  assert.equal(toPortalError(new TypeError('fetch failed')).code, 'offline');
});

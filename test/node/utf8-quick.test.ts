/**
 * The feed store's quick UTF-8 check (src/core/formats/utf8.ts) stands in for the
 * charset sniffing (src/core/formats/charset.ts) only where the sniffing would say
 * UTF-8 too: for any bytes and Content-Type, and on the bodies that must be sniffed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { detectCharset } from '../../src/core/formats/charset.js';
import { surelyUtf8 } from '../../src/core/formats/utf8.js';

const enc = new TextEncoder();
const types = fc.constantFrom(
  null,
  'application/feed+json',
  'application/json; charset=utf-8',
  'application/rss+xml; charset="UTF-8"',
  'text/xml; charset=utf8',
  'application/xml; charset=windows-1258',
  'text/plain; charset=utf-16',
  'text/xml; charset=no-such-label',
);
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .tuple(
      fc.constantFrom('', ' \n\t', '\0', '\u00a0', '\uFEFF'),
      fc.constantFrom('<?xml version="1.0" encoding="windows-1258"?><rss/>', "<?xml version='1.0' encoding='gb2312'?>", '<?xml version="1.0"?><feed/>', '{"version":"https://jsonfeed.org/version/1.1"}', '[]', 'junk <rss>'),
      fc.uint8Array({ maxLength: 40 }),
    )
    .map(([lead, head, tail]) => new Uint8Array([...(lead === '\0' ? [0, 0] : lead === '\u00a0' ? [0xa0] : enc.encode(lead)), ...enc.encode(head), ...tail])),
  fc.uint8Array({ maxLength: 30 }).map((tail) => new Uint8Array([0xfe, 0xff, ...tail])),
  fc.uint8Array({ maxLength: 30 }).map((tail) => new Uint8Array([0xff, 0xfe, ...tail])),
);

test('wherever the quick check says UTF-8, the sniffing says UTF-8', () => {
  fc.assert(
    fc.property(bodies, types, (bytes, type) => !surelyUtf8(bytes, type) || detectCharset(bytes, type).encoding === 'utf-8'),
    { numRuns: 5000 },
  );
});

test('JSON, and a body labelled UTF-8, skip the sniffing; a declaration, another label or a UTF-16 mark do not', () => {
  const json = enc.encode(' {"items":[]}');
  assert.equal(surelyUtf8(json, null), true);
  assert.equal(surelyUtf8(enc.encode('<?xml version="1.0"?><rss/>'), 'application/rss+xml; charset=UTF-8'), true);
  assert.equal(surelyUtf8(enc.encode('\n <?xml version="1.0" encoding="windows-1258"?>'), 'text/xml'), false);
  assert.equal(surelyUtf8(new Uint8Array([0, 0x3c, 0, 0x3f]), null), false); // UTF-16 without a mark: `<?`
  assert.equal(surelyUtf8(json, 'application/json; charset=iso-8859-1'), false);
  assert.equal(surelyUtf8(new Uint8Array([0xff, 0xfe, 0x7b, 0]), 'application/json; charset=utf-8'), false);
});

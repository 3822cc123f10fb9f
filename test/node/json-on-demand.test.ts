/**
 * The readers a plain JSON Feed never needs load on demand (src/core/formats/json-news.ts):
 * a field map's reader and items' attachments. Each test file runs in a fresh process, so
 * the first read here is one where neither is loaded yet: it must read them all the same.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNews } from '../../src/core/formats/news.js';

const BASE = 'https://so.example.gov.vn/tin/';
const feed = (items: unknown[]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items });

test('a JSON Feed read first reads its items’ attachments, good and bad, with their warnings', async () => {
  const read = await parseNews(
    feed([
      { id: 'a', title: 'Có tệp', attachments: [{ url: 'bao-cao.pdf', mime_type: 'application/pdf', size_in_bytes: '12' }, { url: 'x.pdf' }, 7] },
      { id: 'b', title: 'Tệp sai kiểu', attachments: 'x.pdf' },
      { id: 'c', title: 'Không tệp', attachments: null },
    ]),
    BASE,
  );
  assert.deepEqual(read.items.map((i) => i.attachments), [
    [{ url: 'https://so.example.gov.vn/tin/bao-cao.pdf', mimeType: 'application/pdf', title: undefined, sizeInBytes: 12, durationInSeconds: undefined }],
    [],
    [],
  ]);
  assert.deepEqual(
    read.warnings.map((w) => `${w.path} ${w.problem} ${w.effect}`),
    ['items[0].attachments[1] incomplete-attachment drop-field', 'items[0].attachments[2] not-an-object drop-field', 'items[1].attachments not-an-array drop-field'],
  );
});

test('a feed without attachments reads none, and a mapped CMS JSON (map as text) reads its fields and attachments', async () => {
  assert.deepEqual((await parseNews(feed([{ id: 'a', title: 'Tin' }]), BASE)).items[0].attachments, []);
  const cms = JSON.stringify({ data: { list: [{ Ma: 7, TieuDe: 'Tin CMS', Tep: [{ url: '/a.mp3', mime_type: 'audio/mpeg', duration_in_seconds: 61 }] }] } });
  const read = await parseNews(cms, BASE, '{"items":"data.list","id":"Ma","title":"TieuDe","attachments":"Tep"}');
  assert.deepEqual(read.items.map((i) => [i.id, i.title, i.attachments]), [
    ['7', 'Tin CMS', [{ url: 'https://so.example.gov.vn/a.mp3', mimeType: 'audio/mpeg', title: undefined, sizeInBytes: undefined, durationInSeconds: 61 }]],
  ]);
  await assert.rejects(parseNews(cms, BASE, '{"title": "x"}'), { code: 'config' });
  await assert.rejects(parseNews('<rss version="2.0"><channel></channel></rss>', BASE, '{items: 1}'), { code: 'config' });
});

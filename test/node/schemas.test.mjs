/**
 * The JSON Schemas in schemas/ (shipped as portal-widgets/schemas/*): each is a
 * valid draft-07 schema, accepts the sample documents and refuses broken ones.
 */
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (f) => JSON.parse(readFileSync(f, 'utf8'));
const ajv = new Ajv({ allErrors: true });
const schemas = Object.fromEntries(readdirSync('schemas').map((f) => [f, ajv.compile(read(`schemas/${f}`))]));
const valid = (schema, doc) => schemas[schema](doc) || assert.fail(ajv.errorsText(schemas[schema].errors));

test('schemas/ has one schema per document type, exported by package.json', () => {
  assert.deepEqual(Object.keys(schemas).sort(), [
    'news-feed.schema.json',
    'portal-banner-1.schema.json',
    'portal-links-1.schema.json',
    'visit-counter.schema.json',
  ]);
  const pkg = read('package.json');
  assert.equal(pkg.exports['./schemas/*'], './schemas/*');
  assert.ok(pkg.files.includes('schemas'));
});

test('news feed: the sample feeds conform; the broken items of the test fixture do not', () => {
  for (const f of ['stories/fixtures/news.json', 'stories/fixtures/many.json', 'stories/fixtures/long-text.json']) valid('news-feed.schema.json', read(f));
  const fixture = read('test/fixtures/news.json');
  const good = fixture.items.filter((i) => i.id.startsWith('tin-'));
  valid('news-feed.schema.json', { ...fixture, items: good });
  for (const bad of fixture.items.filter((i) => !i.id.startsWith('tin-') && !i.id.startsWith('ok-'))) {
    const ok = schemas['news-feed.schema.json']({ ...fixture, items: [bad] });
    assert.equal(ok, false, `item ${bad.id} should be refused`);
  }
  assert.equal(schemas['news-feed.schema.json']({ version: 'https://jsonfeed.org/version/2', items: [] }), false);
});

test('links, banner and counter documents', () => {
  valid('portal-links-1.schema.json', {
    version: 'portal-links/1',
    title: 'Liên kết website',
    groups: [{ title: 'Sở, ban, ngành', links: [{ title: 'Sở Y tế', url: 'https://syt.example.gov.vn/' }] }],
  });
  assert.equal(schemas['portal-links-1.schema.json']({ version: 'portal-links/2', groups: [] }), false);
  valid('portal-banner-1.schema.json', { version: 'portal-banner/1', messages: [{ text: 'NHIỆT LIỆT CHÀO MỪNG', end: '2024-05-01T00:00:00+07:00' }] });
  assert.equal(schemas['portal-banner-1.schema.json']({ version: 'portal-banner/1', messages: [{ url: '/' }] }), false);
  valid('visit-counter.schema.json', { total: 2595954, online: 42, today: 1234 });
  assert.equal(schemas['visit-counter.schema.json']({ total: -1, online: 0 }), false);
});

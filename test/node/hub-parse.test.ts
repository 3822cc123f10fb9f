/**
 * Upstream bodies are parsed in a worker with a time and memory limit: one
 * that takes too long is stopped and named, and the next body still parses.
 * Charsets are decoded by core (the hub uses the same decoder): the Content-Type, then the XML declaration.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { BoundedParser } from '../../hub/src/bounded-parse.js';
import { decodeBody } from '../../src/core/formats/charset.js';

describe('bounded parsing', () => {
  const quick = new BoundedParser({ timeoutMs: 30, maxMemoryMb: 64 });
  after(() => quick.close());

  it('stops a parse past its time limit, then parses the next body in a fresh worker', async () => {
    const item = (i: number) => `<item><title>Tin số ${i} về hội nghị giao ban</title><link>http://x.example/${i}</link><description>${'Nội dung '.repeat(40)}</description></item>`;
    const big = Buffer.from(`<rss version="2.0"><channel><title>Lớn</title>${Array.from({ length: 20_000 }, (_, i) => item(i)).join('')}</channel></rss>`);
    await assert.rejects(quick.parse(big, 'application/rss+xml', 'http://x.example/'), /parse: parsing took longer than 30 ms/);
    const small = Buffer.from('<rss version="2.0"><channel><item><title>Một tin</title><link>http://x.example/1</link></item></channel></rss>');
    const lenient = new BoundedParser();
    const feed = await lenient.parse(small, 'application/rss+xml', 'http://x.example/');
    await lenient.close();
    assert.deepEqual(feed.items.map((i) => i.title), ['Một tin']);
    assert.ok(feed.items[0].url === 'http://x.example/1');
  });
});

describe('a body that stops the parser', () => {
  it('fails alone: the small feeds queued behind it are parsed by a fresh worker', async () => {
    const parser = new BoundedParser({ timeoutMs: 5000, maxMemoryMb: 64 });
    after(() => parser.close());
    const deep = Buffer.from(`<rss>${'<a>'.repeat(200_000)}</rss>`);
    const rss = Buffer.from('<rss version="2.0"><channel><item><title>Một tin</title><link>http://x.example/1</link></item></channel></rss>');
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'Tin JSON', url: 'http://x.example/j' }] });
    const [hostile, ...queued] = await Promise.allSettled([
      parser.parse(deep, 'application/rss+xml', 'http://x.example/deep'),
      parser.parse(rss, 'application/rss+xml', 'http://x.example/ok'),
      parser.parse(Buffer.from(json), 'application/feed+json', 'http://x.example/json'),
    ]);
    assert.equal(hostile.status, 'rejected');
    assert.match(String((hostile as PromiseRejectedResult).reason), /parsing needed more than 64 MB/);
    assert.deepEqual(
      queued.map((r) => (r.status === 'fulfilled' ? r.value.items.map((i) => i.title) : String(r.reason))),
      [['Một tin'], ['Tin JSON']],
    );
  });
});

describe('charset decoding', () => {
  const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Gi\xe1o d&#7909;c</title></channel></rss>', 'latin1');
  it('reads the XML declaration when the Content-Type has no charset', () => {
    assert.match(decodeBody(latin1, 'application/rss+xml'), /<title>Giáo d&#7909;c<\/title>/);
  });
  it('the Content-Type wins over the declaration; a BOM over nothing; UTF-8 by default', () => {
    assert.match(decodeBody(Buffer.from('<?xml version="1.0" encoding="utf-8"?><t>\xe1</t>', 'latin1'), 'text/xml; charset=ISO-8859-1'), /<t>á<\/t>/);
    assert.equal(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"a":"ệ"}')])), '{"a":"ệ"}');
    assert.equal(decodeBody(Buffer.from('{"a":"ệ"}'), 'application/json'), '{"a":"ệ"}');
    assert.equal(decodeBody(Buffer.from('{"a":"ệ"}'), 'application/json; charset=x-unknown'), '{"a":"ệ"}', 'an unknown label falls back to UTF-8');
  });
});

describe('the config example in docs/hub.md', () => {
  it('is valid, and gets the defaults filled in', async () => {
    const { checkConfig } = await import('../../hub/src/config.js');
    const docs = readFileSync('docs/hub.md', 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(docs)![1];
    const config = checkConfig(JSON.parse(example), { SGDDT_TOKEN: 'secret' }, '/opt/portal-hub');
    assert.equal(config.feeds[0].upstreams[0].refreshSeconds, 300);
    assert.equal(config.feeds[0].upstreams[1].refreshSeconds, 600);
    assert.equal(config.documents[0].file, '/opt/portal-hub/lien-ket.json');
    assert.throws(() => checkConfig(JSON.parse(example), {}, '/opt/portal-hub'), /authorizationEnv: SGDDT_TOKEN is not set in the environment/);
  });
});

/**
 * The feed checker (`portal-widgets validate`), run in Node from its sources:
 * every format, field-by-field messages in vi and en, exit codes, files and
 * URLs. The built bin is run from the installed package in package.test.mjs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { langFrom, main } from '../../src/cli/main.js';

const dir = mkdtempSync(path.join(tmpdir(), 'portal-validate-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** Runs the CLI; returns its exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string }> {
  const printed: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => void printed.push(a.join(' '));
  console.error = console.log;
  try {
    const code = await main(argv);
    return { code, out: printed.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
}

const feed = (items: unknown[]) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items });

describe('portal-widgets validate', () => {
  test('a good JSON Feed: usable, counts, exit 0 (vi by default)', async () => {
    const { code, out } = await run('validate', 'stories/fixtures/news.json', '--lang', 'vi');
    assert.equal(code, 0);
    assert.match(out, /Định dạng: JSON Feed 1\.1/);
    assert.match(out, /Đọc được 12\/12 tin\./);
    assert.match(out, /Kết quả: dùng được\./);
  });

  test('names each bad field, in vi and en, and says what the widgets do with it', async () => {
    const p = file(
      'bad-fields.json',
      feed([
        { id: 'a', title: 'Tin A', date_published: 'ngày 19 tháng 4', url: '/a' },
        { id: 'b', title: 'Tin B', url: 'javascript:alert(1)', date_published: '2024-04-19T08:00:00+07:00' },
        { title: 'Không có id' },
        { id: 'c', title: 42, tags: 'x' },
      ]),
    );
    const vi = await run('validate', p, '--lang', 'vi');
    assert.equal(vi.code, 0, 'one item is still usable');
    assert.match(vi.out, /items\[0\]\.date_published: không phải ngày giờ hợp lệ .*\(bỏ qua tin này\)/);
    assert.match(vi.out, /items\[1\]\.url: địa chỉ không được phép .*\(bỏ trường này\)/);
    assert.match(vi.out, /items\[2\]\.id: thiếu \(bỏ qua tin này\)/);
    assert.match(vi.out, /items\[3\]\.tags: phải là mảng/);
    assert.match(vi.out, /Đọc được 1\/4 tin\./);
    assert.match(vi.out, /1 tin không có url/);
    const en = await run('validate', p, '--lang=en');
    assert.match(en.out, /items\[0\]\.date_published: not a date \(use RFC 3339.*\(item skipped\)/);
    assert.match(en.out, /items\[1\]\.url: URL not allowed .*\(field dropped\)/);
    assert.match(en.out, /1 of 4 items read\./);
  });

  test('duplicate ids and missing dates are advised', async () => {
    const p = file('dupes.json', feed([{ id: 'x', title: 'A', url: 'https://a.vn/1' }, { id: 'x', title: 'B', url: 'https://a.vn/2' }]));
    const { code, out } = await run('validate', p, '--lang', 'en');
    assert.equal(code, 0);
    assert.match(out, /id "x" repeats items\[0\]/);
    assert.match(out, /2 item\(s\) without date_published/);
  });

  test('unusable feeds exit 1: not a feed, wrong version, broken JSON, HTML page, every item invalid', async () => {
    const cases: [string, string, RegExp][] = [
      ['not-a-feed.json', '{"tieu_de": "x"}', /not a valid news source/],
      ['v2.json', '{"version": "https://jsonfeed.org/version/2", "items": []}', /version is not supported/],
      ['broken.json', '{"version": "https://jsonfeed.org/version/1.1", "items": [', /damaged/],
      ['page.json', '<!doctype html><html><body>Đăng nhập</body></html>', /not a valid news source \(HTML page\)/],
      ['all-bad.json', feed([{ title: 'no id' }, { id: 'b' }]), /0 of 2 items read/],
    ];
    for (const [name, text, expected] of cases) {
      const { code, out } = await run('validate', file(name, text), '--lang', 'en');
      assert.equal(code, 1, `${name}: exit 1`);
      assert.match(out, expected, name);
      assert.match(out, /Result: NOT usable\./, name);
    }
  });

  test('an empty feed is usable (nothing to show yet), and says so', async () => {
    const { code, out } = await run('validate', 'stories/fixtures/empty.json', '--lang', 'en');
    assert.equal(code, 0);
    assert.match(out, /no items yet/);
  });

  test('RSS and Atom are read with the browser readers over a Node DOMParser', async () => {
    const rss = await run('validate', 'test/fixtures/news.rss.xml', '--lang', 'en');
    assert.equal(rss.code, 0);
    assert.match(rss.out, /Format: RSS 2\.0/);
    assert.match(rss.out, /items\[5\]\.pubDate: not a date/);
    const atom = await run('validate', 'test/fixtures/news.atom.xml', '--lang', 'en');
    assert.equal(atom.code, 0);
    assert.match(atom.out, /Format: Atom 1\.0/);
    const xhtml = file(
      'xhtml.atom.xml',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Tin <b>mới</b></div></title><updated>2024-04-19T08:00:00+07:00</updated></entry></feed>',
    );
    const x = await run('validate', xhtml, '--lang', 'en');
    assert.match(x.out, /1 of 1 items read/);
    const broken = await run('validate', file('broken.xml', '<rss><channel><item><title>x</channel></rss>'), '--lang', 'en');
    assert.equal(broken.code, 1);
    assert.match(broken.out, /damaged and cannot be read \(.*mismatch/i);
  });

  test("a CMS's own JSON through --map", async () => {
    const map = '{"items":"data.list","id":"Ma","title":"TieuDe","date_published":"NgayDang","url":"LienKet","image":"AnhDaiDien"}';
    const { code, out } = await run('validate', 'test/fixtures/cms.json', '--map', map, '--lang', 'en');
    assert.equal(code, 0, out);
    assert.match(out, /Format: JSON \(map: data\.list\)/);
    const bad = await run('validate', 'test/fixtures/cms.json', '--map', '{"title":"x"}', '--lang', 'en');
    assert.equal(bad.code, 1);
    assert.match(bad.out, /not set up correctly \(map:/);
  });

  test('usage and unreadable input exit 2', async () => {
    assert.equal((await run()).code, 2);
    assert.match((await run('check', 'x')).out, /Cách dùng: portal-widgets validate/);
    const missing = await run('validate', path.join(dir, 'nope.json'), '--lang', 'en');
    assert.equal(missing.code, 2);
    assert.match(missing.out, /ENOENT/);
  });

  test('an unknown option, or an option without its value, is wrong usage (exit 2)', async () => {
    const unknown = await run('validate', 'test/fixtures/news.json', '--lang', 'en', '--strict');
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /Usage: portal-widgets validate/);
    const bare = await run('validate', 'test/fixtures/news.json', '--map');
    assert.equal(bare.code, 2);
    assert.match(bare.out, /Cách dùng: portal-widgets validate/);
  });

  test('the language comes from --lang, else LC_ALL / LANG; Vietnamese unless English', () => {
    assert.equal(langFrom('en', {}), 'en');
    assert.equal(langFrom(undefined, { LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(langFrom(undefined, { LANG: 'vi_VN.UTF-8' }), 'vi');
    assert.equal(langFrom(undefined, { LC_ALL: 'C.UTF-8', LANG: 'en_GB' }), 'vi');
    assert.equal(langFrom(undefined, {}), 'vi');
  });
});

describe('portal-widgets validate <url>', () => {
  let server: ReturnType<typeof createServer>;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feeds/tin.json') {
        res.writeHead(200, { 'content-type': 'application/feed+json' });
        res.end(feed([{ id: '1', title: 'Tin', url: '../bai-viet/1.html', image: 'img/1.svg' }]));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  test('fetches it and resolves relative URLs against it', async () => {
    const { code, out } = await run('validate', `${base}/feeds/tin.json`, '--lang', 'en');
    assert.equal(code, 0, out);
    assert.doesNotMatch(out, /without url/);
  });

  test('an HTTP error is unreadable input (exit 2)', async () => {
    const { code, out } = await run('validate', `${base}/missing.json`, '--lang', 'en');
    assert.equal(code, 2);
    assert.match(out, /HTTP 404/);
  });
});

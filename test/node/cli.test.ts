/**
 * The feed checker (`portal-widgets validate`), run in Node from its sources:
 * every format, field-by-field messages in vi and en, exit codes, files and
 * URLs. The built bin is run from the installed package in package.test.mjs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
        { id: 'c', title: ['x'], tags: 'x' },
      ]),
    );
    const vi = await run('validate', p, '--lang', 'vi');
    assert.equal(vi.code, 0);
    assert.match(vi.out, /items\[0\]\.date_published: không phải ngày giờ hợp lệ .*\(ngày 19 tháng 4\) \(bỏ trường này\)/);
    assert.match(vi.out, /items\[1\]\.url: địa chỉ không được phép .*\(bỏ trường này\)/);
    assert.match(vi.out, /items\[2\]\.id: thiếu, không có url: id tạo từ tiêu đề và ngày \(đã sửa để đọc\)/);
    assert.match(vi.out, /items\[3\]\.title: phải là chuỗi \(bỏ trường này\)/);
    assert.match(vi.out, /items\[3\]\.title: thiếu \(bỏ qua tin này\)/);
    assert.match(vi.out, /Đọc được 3\/4 tin\./);
    const en = await run('validate', p, '--lang=en');
    assert.match(en.out, /items\[0\]\.date_published: not a date \(use RFC 3339.*\(field dropped\)/);
    assert.match(en.out, /items\[1\]\.url: URL not allowed .*\(field dropped\)/);
    assert.match(en.out, /items\[2\]\.id: missing, and no url: id made from title and date \(repaired\)/);
    assert.match(en.out, /3 of 4 items read\./);
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
      ['all-bad.json', feed([{ id: 'a', title: ['x'] }, { id: 'b' }, 'c']), /0 of 3 items read/],
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

  test('reports each real-world quirk as the widgets read it, in vi and en', async () => {
    const cases: [string, RegExp[], RegExp[]][] = [
      ['rss1-rdf.xml', [/Định dạng: RSS 1\.0 \(RDF\)/, /Đọc được 2\/2 tin\./], [/Format: RSS 1\.0 \(RDF\)/, /2 of 2 items read\./]],
      ['rss091.xml', [/Định dạng: RSS 0\.91/, /2 tin không có date_published/], [/Format: RSS 0\.91/, /2 item\(s\) without date_published/]],
      ['atom03.xml', [/Định dạng: Atom 0\.3/, /Đọc được 2\/2 tin/], [/Format: Atom 0\.3/, /2 of 2 items read/]],
      ['charset-1258.xml', [/Bảng mã: windows-1258 \(theo khai báo XML\)/], [/Encoding: windows-1258 \(from the XML declaration\)/]],
      ['charset-gb2312.xml', [/Bảng mã: gbk \(theo khai báo XML\)/], [/Encoding: gbk/]],
      ['charset-utf16-bom.xml', [/Bảng mã: utf-16le \(theo BOM\)/, /Đọc được 1\/1 tin/], [/Encoding: utf-16le \(from the BOM\)/]],
      ['broken-entities.xml', [/✖ XML hỏng .*\(đã sửa để đọc\)/, /Đọc được 2\/2 tin/], [/✖ broken XML .*; repaired to read it \(repaired\)/, /2 of 2 items read/]],
      ['junk-before-root.xml', [/Định dạng: RSS 2\.0/, /XML hỏng/, /Kết quả: dùng được/], [/Format: RSS 2\.0/, /broken XML/, /Result: usable/]],
      ['dates.rss.xml', [/items\[16\]\.pubDate: không phải ngày giờ hợp lệ .*\(bỏ trường này\)/, /Đọc được 18\/18 tin/, /2 tin không có date_published/], [/items\[16\]\.pubDate: not a date .*\(field dropped\)/]],
      ['titles.rss.xml', [/items\[6\]\.title: thiếu \(bỏ qua tin này\)/, /Đọc được 6\/7 tin/], [/items\[6\]\.title: missing \(item skipped\)/, /6 of 7 items read/]],
      ['links.rss.xml', [/items\[5\]\.link: địa chỉ không được phép .*\(javascript:alert\(1\)\) \(bỏ trường này\)/], [/items\[5\]\.link: URL not allowed .*\(field dropped\)/]],
      [
        'bad-fields.json',
        [/items\[0\]\.tags: phải là mảng \(đã sửa để đọc\)/, /items\[1\]\.image: phải là chuỗi \(bỏ trường này\)/, /items\[5\]: phải là đối tượng \(bỏ qua tin này\)/, /items\[8\]\.id: thiếu: dùng url làm id/, /Đọc được 8\/10 tin/],
        [/items\[3\]\.summary: not a string \(field dropped\)/, /items\[9\]\.id: missing, and no url/, /8 of 10 items read/],
      ],
    ];
    for (const [name, vi, en] of cases) {
      const fixture = `test/fixtures/real-world/${name}`;
      const v = await run('validate', fixture, '--lang', 'vi');
      assert.equal(v.code, 0, `${name}: usable\n${v.out}`);
      for (const re of vi) assert.match(v.out, re, name);
      const e = await run('validate', fixture, '--lang', 'en');
      for (const re of en) assert.match(e.out, re, name);
    }
  });

  test("a CMS's own JSON through --map", async () => {
    const map = '{"items":"data.list","id":"Ma","title":"TieuDe","date_published":"NgayDang","url":"LienKet","image":"AnhDaiDien"}';
    const { code, out } = await run('validate', 'test/fixtures/cms.json', '--map', map, '--lang', 'en');
    assert.equal(code, 0, out);
    assert.match(out, /Format: JSON \(map: data\.list\)/);
  });

  test('a --map that is not JSON, or not a field map, is wrong usage (exit 2), said in the report language', async () => {
    const notJson = await run('validate', 'test/fixtures/cms.json', '--map', '{bad');
    assert.equal(notJson.code, 2, notJson.out);
    assert.match(notJson.out, /✖ --map: Cấu hình tiện ích chưa đúng \(map: not JSON\)/);
    assert.match(notJson.out, /Cách dùng: portal-widgets validate/);
    const noItems = await run('validate', 'test/fixtures/cms.json', '--map', '{"title":"x"}', '--lang', 'en');
    assert.equal(noItems.code, 2, noItems.out);
    assert.match(noItems.out, /✖ --map: The widget is not set up correctly \(map: needs "items"/);
  });

  test('an HTML page or XML that is no feed is named as what it is, not "RSS 2.0"', async () => {
    const page = await run('validate', file('login.xml', '<!doctype html><html><body>Đăng nhập</body></html>'), '--lang', 'vi');
    assert.equal(page.code, 1);
    assert.match(page.out, /Định dạng: HTML\n/);
    assert.doesNotMatch(page.out, /RSS/);
    const note = await run('validate', file('note.xml', '<?xml version="1.0"?><note><to>A</to></note>'), '--lang', 'en');
    assert.match(note.out, /Format: XML\n/);
    assert.doesNotMatch(note.out, /RSS/);
    // A root without a version is still RSS 2.0.
    assert.match((await run('validate', file('bare.rss', '<rss><channel><title>T</title></channel></rss>'), '--lang', 'en')).out, /Format: RSS 2\.0/);
  });

  test('usage and unreadable input exit 2', async () => {
    assert.equal((await run()).code, 2);
    assert.match((await run('check', 'x')).out, /Cách dùng: portal-widgets validate/);
    const missing = await run('validate', path.join(dir, 'nope.json'), '--lang', 'en');
    assert.equal(missing.code, 2);
    assert.match(missing.out, /✖ no such file \(ENOENT: no such file or directory/);
    // In Vietnamese, the system's words kept after it for the one who looks them up.
    const vi = await run('validate', path.join(dir, 'nope.json'), '--lang', 'vi');
    assert.match(vi.out, /✖ không có tệp này \(ENOENT: /);
    const folder = await run('validate', dir, '--lang', 'vi');
    assert.equal(folder.code, 2);
    assert.match(folder.out, /✖ đây là thư mục, không phải tệp \(EISDIR/);
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
      if (req.url === '/feeds/latin1.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' });
        res.end(readFileSync('test/fixtures/real-world/charset-latin1.xml'));
      } else if (req.url === '/feeds/tin.json') {
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

  test('decodes a fetched body by its Content-Type charset', async () => {
    const { code, out } = await run('validate', `${base}/feeds/latin1.xml`, '--lang', 'en');
    assert.equal(code, 0, out);
    assert.match(out, /Encoding: windows-1252 \(from Content-Type\)/);
    assert.match(out, /1 of 1 items read/);
    assert.doesNotMatch(out, /�/);
  });

  test('an HTTP error is unreadable input (exit 2)', async () => {
    const { code, out } = await run('validate', `${base}/missing.json`, '--lang', 'en');
    assert.equal(code, 2);
    assert.match(out, /✖ the server answered with an error \(HTTP 404 Not Found\)/);
    assert.match((await run('validate', `${base}/missing.json`, '--lang', 'vi')).out, /✖ máy chủ trả lời lỗi \(HTTP 404/);
  });

  test('a refused connection and an unknown host each say what happened, not just "fetch failed" (exit 2)', async () => {
    // A port the OS gave and that nothing listens on any more.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await run('validate', `http://127.0.0.1:${port}/tin.json`, '--lang', 'vi');
    assert.equal(refused.code, 2);
    assert.match(refused.out, new RegExp(`✖ máy chủ từ chối kết nối \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)`));
    // .invalid never resolves (RFC 6761); without a resolver at hand the lookup fails as EAI_AGAIN instead.
    const unknown = await run('validate', 'http://khong-co.invalid/tin.json', '--lang', 'en');
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /✖ (no such domain name|the domain name could not be looked up \(DNS\)) \(getaddrinfo \w+ khong-co\.invalid\)/);
    assert.doesNotMatch(unknown.out, /fetch failed/);
  });
});

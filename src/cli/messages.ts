/** The feed checker's own words, in Vietnamese (default) and English. */
import type { Charset } from '../core/formats/charset.js';
import type { WarningEffect, WarningProblem } from '../core/formats/warnings.js';
import type { Localized } from '../core/i18n/index.js';

/** A read failure's words (`reasons`, by its code, else `other`) with the system's own after them. */
/** Why a file or URL could not be read: a code the report words, and the system's own words. */
export interface ReadFailure {
  /** The system's error code (ENOENT, ECONNREFUSED, ENOTFOUND …), `TIMEOUT` or `HTTP`; undefined if it gave none. */
  code?: string;
  detail: string;
}

const readFailureText = (reasons: Record<string, string>, other: string) => (f: ReadFailure) => `${(f.code && reasons[f.code]) || other} (${f.detail})`;

export const cliMessages: Localized<{
  usage: string;
  source: string;
  format: string;
  charset: (c: Charset) => string;
  /** Why the file or URL could not be read. */
  unreadable: (f: ReadFailure) => string;
  fatal: string;
  read: (ok: number, total: number) => string;
  effects: Record<WarningEffect, string>;
  advice: string;
  duplicateId: (id: string, first: string) => string;
  noDate: (n: number) => string;
  noUrl: (n: number) => string;
  empty: string;
  usable: string;
  unusable: string;
  problems: Record<WarningProblem, string>;
}> = {
  vi: {
    usage: `Cách dùng: portal-widgets validate <tệp-hoặc-URL> [--lang vi|en] [--base URL] [--map JSON]

Kiểm tra một nguồn tin (JSON Feed, RSS, Atom, hoặc JSON riêng của CMS với --map)
và cho biết từng trường sai. Mã thoát 1 khi nguồn tin không dùng được, 2 khi
lệnh sai (cả --map sai) hoặc không đọc được tệp/URL.
  --lang    ngôn ngữ báo cáo (mặc định theo biến LANG; vi nếu không phải tiếng Anh)
  --base    địa chỉ dùng để hiểu URL tương đối trong một tệp (mặc định http://localhost/)
  --map     như thuộc tính map của <portal-news-list>`,
    source: 'Nguồn tin',
    format: 'Định dạng',
    charset: (c) =>
      `Bảng mã: ${c.encoding} (${{ bom: 'theo BOM', 'content-type': 'theo Content-Type', declaration: 'theo khai báo XML', default: 'mặc định' }[c.from]})`,
    unreadable: readFailureText(
      {
        ENOENT: 'không có tệp này',
        EACCES: 'không có quyền đọc tệp này',
        EISDIR: 'đây là thư mục, không phải tệp',
        ECONNREFUSED: 'máy chủ từ chối kết nối',
        ECONNRESET: 'máy chủ ngắt kết nối',
        ENOTFOUND: 'không tìm thấy tên miền',
        EAI_AGAIN: 'không tra được tên miền (DNS)',
        TIMEOUT: 'máy chủ không trả lời kịp',
        HTTP: 'máy chủ trả lời lỗi',
        ERR_INVALID_URL: 'địa chỉ không hợp lệ',
      },
      'không đọc được',
    ),
    fatal: 'Không dùng được',
    read: (ok, total) => `Đọc được ${ok}/${total} tin.`,
    effects: { 'skip-item': 'bỏ qua tin này', 'drop-field': 'bỏ trường này', 'drop-document': 'bỏ cả tài liệu', repair: 'đã sửa để đọc', cut: 'đã cắt bớt' },
    advice: 'Gợi ý',
    duplicateId: (id, first) => `id "${id}" trùng với ${first}: liên kết theo id sẽ mở nhầm bài`,
    noDate: (n) => `${n} tin không có date_published: không lọc được theo ngày, không hiện ngày đăng`,
    noUrl: (n) => `${n} tin không có url: cần item-href (ví dụ /bai-viet.html?id={id}) để mở bài`,
    empty: 'Nguồn tin chưa có tin nào.',
    usable: 'Kết quả: dùng được.',
    unusable: 'Kết quả: KHÔNG dùng được.',
    problems: {
      missing: 'thiếu',
      empty: 'để trống',
      'not-a-string': 'phải là chuỗi',
      'not-a-number': 'phải là số không âm',
      'not-a-whole-number': 'phải là số nguyên',
      'not-a-date': 'không phải ngày giờ hợp lệ (RFC 3339 như 2024-04-19T08:00:00+07:00, RFC 822, hoặc dd/MM/yyyy)',
      'not-an-object': 'phải là đối tượng',
      'not-an-array': 'phải là mảng',
      'url-not-allowed': 'địa chỉ không được phép (chỉ http: và https:)',
      'incomplete-attachment': 'cần có url và mime_type',
      'before-start': 'kết thúc trước khi bắt đầu',
      'id-from-url': 'thiếu: dùng url làm id',
      'id-from-hash': 'thiếu, không có url: id tạo từ tiêu đề và ngày',
      'xml-repaired': 'XML hỏng (thực thể HTML không khai báo, dấu & trần, rác trước phần tử gốc hoặc ký tự cấm); đã sửa để đọc',
      'too-long': 'quá dài',
      'too-large': 'quá lớn để hiển thị: chỉ có liên kết tới bài gốc',
      'too-deep': 'HTML lồng quá sâu: các thẻ sâu hơn được bỏ, giữ lại chữ',
      'too-many-items': 'quá nhiều tin: chỉ đọc các tin mới nhất',
    },
  },
  en: {
    usage: `Usage: portal-widgets validate <file-or-URL> [--lang vi|en] [--base URL] [--map JSON]

Checks a news feed (JSON Feed, RSS, Atom, or a CMS's own JSON with --map) and
says what is wrong, field by field. Exits 1 when the feed is unusable, 2 on
wrong usage (a bad --map too) or when the file or URL cannot be read.
  --lang    language of the report (default from LANG; vi unless English)
  --base    address against which a file's relative URLs are read (default http://localhost/)
  --map     as the map attribute of <portal-news-list>`,
    source: 'Feed',
    format: 'Format',
    charset: (c) => `Encoding: ${c.encoding} (${{ bom: 'from the BOM', 'content-type': 'from Content-Type', declaration: 'from the XML declaration', default: 'default' }[c.from]})`,
    unreadable: readFailureText(
      {
        ENOENT: 'no such file',
        EACCES: 'no permission to read this file',
        EISDIR: 'a folder, not a file',
        ECONNREFUSED: 'the server refused the connection',
        ECONNRESET: 'the server dropped the connection',
        ENOTFOUND: 'no such domain name',
        EAI_AGAIN: 'the domain name could not be looked up (DNS)',
        TIMEOUT: 'the server did not answer in time',
        HTTP: 'the server answered with an error',
        ERR_INVALID_URL: 'not a valid address',
      },
      'cannot be read',
    ),
    fatal: 'Unusable',
    read: (ok, total) => `${ok} of ${total} items read.`,
    effects: { 'skip-item': 'item skipped', 'drop-field': 'field dropped', 'drop-document': 'document dropped', repair: 'repaired', cut: 'cut' },
    advice: 'Advice',
    duplicateId: (id, first) => `id "${id}" repeats ${first}: links by id would open the wrong article`,
    noDate: (n) => `${n} item(s) without date_published: they cannot be filtered by day and show no date`,
    noUrl: (n) => `${n} item(s) without url: set item-href (e.g. /bai-viet.html?id={id}) to link them`,
    empty: 'The feed has no items yet.',
    usable: 'Result: usable.',
    unusable: 'Result: NOT usable.',
    problems: {
      missing: 'missing',
      empty: 'empty',
      'not-a-string': 'not a string',
      'not-a-number': 'not a non-negative number',
      'not-a-whole-number': 'not a whole number',
      'not-a-date': 'not a date (use RFC 3339 such as 2024-04-19T08:00:00+07:00, RFC 822, or dd/MM/yyyy)',
      'not-an-object': 'not an object',
      'not-an-array': 'not an array',
      'url-not-allowed': 'URL not allowed (only http: and https:)',
      'incomplete-attachment': 'needs url and mime_type',
      'before-start': 'ends before it starts',
      'id-from-url': 'missing: the url is used as id',
      'id-from-hash': 'missing, and no url: id made from title and date',
      'xml-repaired': 'broken XML (undeclared HTML entities, a bare &, junk before the root element or forbidden characters); repaired to read it',
      'too-long': 'too long',
      'too-large': 'too large to show: only a link to the original',
      'too-deep': 'HTML nested too deep: the deeper tags are removed, their text kept',
      'too-many-items': 'too many items: only the newest are read',
    },
  },
};

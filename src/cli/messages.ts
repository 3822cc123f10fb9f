/** The feed checker's own words, in Vietnamese (default) and English. */
import type { Localized } from '../core/i18n/index.js';

export const cliMessages: Localized<{
  usage: string;
  source: string;
  format: string;
  fatal: string;
  read: (ok: number, total: number) => string;
  skipped: string;
  dropped: string;
  advice: string;
  duplicateId: (id: string, first: string) => string;
  noDate: (n: number) => string;
  noUrl: (n: number) => string;
  empty: string;
  usable: string;
  unusable: string;
  reasons: Record<string, string>;
}> = {
  vi: {
    usage: `Cách dùng: portal-widgets validate <tệp-hoặc-URL> [--lang vi|en] [--base URL] [--map JSON]

Kiểm tra một nguồn tin (JSON Feed, RSS, Atom, hoặc JSON riêng của CMS với --map)
và cho biết từng trường sai. Mã thoát 1 khi nguồn tin không dùng được.
  --lang    ngôn ngữ báo cáo (mặc định theo biến LANG; vi nếu không phải tiếng Anh)
  --base    địa chỉ dùng để hiểu URL tương đối trong một tệp (mặc định http://localhost/)
  --map     như thuộc tính map của <portal-news-list>`,
    source: 'Nguồn tin',
    format: 'Định dạng',
    fatal: 'Không dùng được',
    read: (ok, total) => `Đọc được ${ok}/${total} tin.`,
    skipped: 'bỏ qua tin này',
    dropped: 'bỏ trường này',
    advice: 'Gợi ý',
    duplicateId: (id, first) => `id "${id}" trùng với ${first}: liên kết theo id sẽ mở nhầm bài`,
    noDate: (n) => `${n} tin không có date_published: không lọc được theo ngày, không hiện ngày đăng`,
    noUrl: (n) => `${n} tin không có url: cần item-href (ví dụ /bai-viet.html?id={id}) để mở bài`,
    empty: 'Nguồn tin chưa có tin nào.',
    usable: 'Kết quả: dùng được.',
    unusable: 'Kết quả: KHÔNG dùng được.',
    reasons: {
      missing: 'thiếu',
      'not a date': 'không phải ngày giờ hợp lệ (RFC 3339 như 2024-04-19T08:00:00+07:00, RFC 822, hoặc dd/MM/yyyy)',
      'not a string': 'phải là chuỗi',
      'not a number': 'phải là số không âm',
      'not an object': 'phải là đối tượng',
      'not an array': 'phải là mảng',
      'URL not allowed': 'địa chỉ không được phép (chỉ http: và https:)',
      'needs url and mime_type': 'cần có url và mime_type',
    },
  },
  en: {
    usage: `Usage: portal-widgets validate <file-or-URL> [--lang vi|en] [--base URL] [--map JSON]

Checks a news feed (JSON Feed, RSS, Atom, or a CMS's own JSON with --map) and
says what is wrong, field by field. Exits 1 when the feed is unusable.
  --lang    language of the report (default from LANG; vi unless English)
  --base    address against which a file's relative URLs are read (default http://localhost/)
  --map     as the map attribute of <portal-news-list>`,
    source: 'Feed',
    format: 'Format',
    fatal: 'Unusable',
    read: (ok, total) => `${ok} of ${total} items read.`,
    skipped: 'item skipped',
    dropped: 'field dropped',
    advice: 'Advice',
    duplicateId: (id, first) => `id "${id}" repeats ${first}: links by id would open the wrong article`,
    noDate: (n) => `${n} item(s) without date_published: they cannot be filtered by day and show no date`,
    noUrl: (n) => `${n} item(s) without url: set item-href (e.g. /bai-viet.html?id={id}) to link them`,
    empty: 'The feed has no items yet.',
    usable: 'Result: usable.',
    unusable: 'Result: NOT usable.',
    reasons: {
      'not a date': 'not a date (use RFC 3339 such as 2024-04-19T08:00:00+07:00, RFC 822, or dd/MM/yyyy)',
      'URL not allowed': 'URL not allowed (only http: and https:)',
      'not a number': 'not a non-negative number',
    },
  },
};

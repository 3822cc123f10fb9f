/** Messages of `<portal-article>` only, so pages without an article do not pay for them. */
import type { Localized } from './index.js';

const vi = {
  published: 'Ngày đăng',
  updated: 'Ngày cập nhật',
  authors: 'Tác giả',
  source: 'Nguồn',
  tags: 'Từ khóa',
  attachments: 'Tệp đính kèm',
  related: 'Các tin khác',
  tools: 'Công cụ bài viết',
  print: 'In bài',
  smaller: 'giảm cỡ chữ',
  larger: 'tăng cỡ chữ',
  share: 'Chia sẻ',
  copy: 'Sao chép liên kết',
  copied: 'Đã sao chép liên kết bài viết.',
  copyFailed: 'Không sao chép được liên kết. Địa chỉ bài viết:',
  backToList: 'Về trang tin tức',
  tooLarge: 'Bài viết quá dài để hiển thị tại đây.',
  readOriginal: 'Đọc bài gốc',
  /** Announced after A− / A+: the size as a share of the page's own. */
  textSize: (percent: number) => `Cỡ chữ ${String(percent).replace('.', ',')}%`,
};

export const articleMessages: Localized<typeof vi> = {
  vi,
  en: {
    published: 'Published',
    updated: 'Updated',
    authors: 'By',
    source: 'Source',
    tags: 'Tags',
    attachments: 'Attachments',
    related: 'Other news',
    tools: 'Article tools',
    print: 'Print',
    smaller: 'smaller text',
    larger: 'larger text',
    share: 'Share',
    copy: 'Copy link',
    copied: 'Link to the article copied.',
    copyFailed: 'Could not copy the link. The article’s address:',
    backToList: 'Back to the news',
    tooLarge: 'This article is too long to show here.',
    readOriginal: 'Read the original',
    textSize: (percent) => `Text size ${percent}%`,
  },
};

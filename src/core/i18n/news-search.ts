/** Messages of <portal-news-search> ("Tìm kiếm tin tức"). */
import type { Localized } from './index.js';

const vi = {
  label: 'Tìm kiếm tin tức',
  button: 'Tìm',
  placeholder: 'Nhập từ khóa…',
  results: 'Kết quả tìm kiếm',
  found: (n: number) => (n ? `Tìm thấy ${n} tin` : 'Không tìm thấy tin nào'),
  all: (n: number) => `Xem tất cả ${n} kết quả`,
};

export const searchMessages: Localized<typeof vi> = {
  vi,
  en: {
    label: 'Search news',
    button: 'Search',
    placeholder: 'Enter words…',
    results: 'Search results',
    found: (n) => (n === 1 ? '1 article found' : n ? `${n} articles found` : 'No articles found'),
    all: (n) => `See all ${n} results`,
  },
};

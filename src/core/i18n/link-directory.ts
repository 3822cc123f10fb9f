/** Messages of `<portal-link-directory>`. */
import type { Localized } from './index.js';

const vi = {
  choose: '— Chọn liên kết —',
  go: 'Đi',
  filter: 'Lọc liên kết',
  newTab: '(mở trong thẻ mới)',
  empty: 'Chưa có liên kết nào.',
  errorTitle: 'Không tải được liên kết',
  format: 'Địa chỉ này không phải danh sách liên kết hợp lệ',
  chooseFirst: 'Hãy chọn một liên kết trong danh sách, rồi bấm «Đi».',
  count: (n: number) => (n ? `${n} liên kết` : 'Không có liên kết phù hợp'),
};

export const linkDirectoryMessages: Localized<typeof vi> = {
  vi,
  en: {
    choose: '— Choose a link —',
    go: 'Go',
    filter: 'Filter links',
    newTab: '(opens in a new tab)',
    empty: 'No links yet.',
    errorTitle: 'Could not load the links',
    format: 'This address is not a valid list of links',
    chooseFirst: 'Choose a link from the list first, then press “Go”.',
    count: (n: number) => (n === 1 ? '1 link' : n ? `${n} links` : 'No matching links'),
  },
};

/** Messages of `<portal-banner>`. */
import type { Localized } from './index.js';

const vi = {
  pause: 'Dừng chữ chạy',
  label: 'Thông báo',
  errorTitle: 'Không tải được thông báo',
  format: 'Địa chỉ này không phải danh sách thông báo hợp lệ',
};

export const bannerMessages: Localized<typeof vi> = {
  vi,
  en: {
    pause: 'Stop scrolling',
    label: 'Announcements',
    errorTitle: 'Could not load the announcements',
    format: 'This address is not a valid list of announcements',
  },
};

/** Messages of `<portal-banner>`. */
import type { Localized } from './index.js';

const vi = {
  pause: 'Dừng chữ chạy',
  label: 'Thông báo',
  errorTitle: 'Không tải được thông báo',
};

export const bannerMessages: Localized<typeof vi> = {
  vi,
  en: {
    pause: 'Stop scrolling',
    label: 'Announcements',
    errorTitle: 'Could not load the announcements',
  },
};

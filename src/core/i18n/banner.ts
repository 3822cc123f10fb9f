/** Messages of `<portal-banner>`. */
import type { Localized } from './index.js';

const vi = {
  pause: 'Dừng chữ chạy',
  label: 'Thông báo',
};

export const bannerMessages: Localized<typeof vi> = {
  vi,
  en: {
    pause: 'Stop scrolling',
    label: 'Announcements',
  },
};

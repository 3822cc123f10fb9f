/** Messages of <portal-visit-counter> (its own table: pages without a counter do not load it). */
import type { Localized } from './index.js';

export const visitCounterMessages: Localized<{
  heading: string;
  total: string;
  online: string;
  today: string;
  errorTitle: string;
  notCurrent: (time: string) => string;
}> = {
  vi: {
    heading: 'Thống kê truy cập',
    total: 'Truy cập tổng',
    online: 'Đang truy cập',
    today: 'Hôm nay',
    errorTitle: 'Không tải được số liệu truy cập',
    notCurrent: (time) => `Số liệu lúc ${time}, chưa được cập nhật`,
  },
  en: {
    heading: 'Visitor statistics',
    total: 'Total visits',
    online: 'Online now',
    today: 'Today',
    errorTitle: 'Could not load the visit count',
    notCurrent: (time) => `Figures from ${time}, not current`,
  },
};

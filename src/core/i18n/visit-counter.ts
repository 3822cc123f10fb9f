/** Messages of <portal-visit-counter> (its own table: pages without a counter do not load it). */
import type { Localized } from './index.js';

export const visitCounterMessages: Localized<{
  heading: string;
  total: string;
  online: string;
  today: string;
  errorTitle: string;
  /** The counter's own words for errors that the shared table words for news ("nguồn tin"). */
  format: string;
  /** `time` is '' when the endpoint did not say when its figures are from. */
  notCurrent: (time: string) => string;
}> = {
  vi: {
    heading: 'Thống kê truy cập',
    total: 'Truy cập tổng',
    online: 'Truy cập hiện tại',
    today: 'Hôm nay',
    errorTitle: 'Không tải được số liệu truy cập',
    format: 'Máy chủ không trả về số liệu truy cập',
    notCurrent: (time) => (time ? `Số liệu lúc ${time}, chưa được cập nhật` : 'Số liệu chưa được cập nhật'),
  },
  en: {
    heading: 'Visitor statistics',
    total: 'Total visits',
    online: 'Online now',
    today: 'Today',
    errorTitle: 'Could not load the visit count',
    format: 'The server did not answer with visit figures',
    notCurrent: (time) => (time ? `Figures from ${time}, not current` : 'These figures are not current'),
  },
};

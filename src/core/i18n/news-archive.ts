/** Messages of <portal-news-archive> ("Xem tin theo ngày"). */
import type { DateOrder, WeekStart } from '../calendar.js';
import type { Localized } from './index.js';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const en = (n: number) => (n === 1 ? '1 article' : `${n} articles`);

const vi = {
  /** 1 = Monday: Vietnamese calendars start the week on Monday. */
  weekStartsOn: 1 as WeekStart,
  dateOrder: 'dmy' as DateOrder,
  /** Indexed by Date.getDay(): 0 Sunday. */
  weekdays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  weekdayNames: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  monthName: (m: number) => `Tháng ${m}`,
  monthTitle: (y: number, m: number) => `Tháng ${m} năm ${y}`,
  day: (y: number, m: number, d: number, count: number) => `${d} tháng ${m} năm ${y}${count ? `, ${count} tin` : ''}`,
  monthEntry: (y: number, m: number, count: number) => `Tháng ${m}/${y} (${count})`,
  prevMonth: 'Tháng trước',
  nextMonth: 'Tháng sau',
  month: 'Tháng',
  year: 'Năm',
  calendar: 'Lịch tin theo ngày',
  months: 'Tin theo tháng',
  dateField: 'Nhập ngày',
  datePattern: 'dd/mm/yyyy',
  go: 'Xem',
  formatError: 'Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 19/04/2024.',
  invalidError: (text: string) => `Không có ngày ${text} trong lịch: hãy kiểm tra ngày và tháng.`,
  noMonths: 'Chưa có tin nào.',
};

export const archiveMessages: Localized<typeof vi> = {
  vi,
  en: {
    weekStartsOn: 0,
    dateOrder: 'mdy',
    weekdays: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'],
    weekdayNames: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    monthName: (m) => EN_MONTHS[m - 1],
    monthTitle: (y, m) => `${EN_MONTHS[m - 1]} ${y}`,
    day: (y, m, d, count) => `${EN_MONTHS[m - 1]} ${d}, ${y}${count ? `, ${en(count)}` : ''}`,
    monthEntry: (y, m, count) => `${EN_MONTHS[m - 1]} ${y} (${count})`,
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    month: 'Month',
    year: 'Year',
    calendar: 'News by day',
    months: 'News by month',
    dateField: 'Go to date',
    datePattern: 'mm/dd/yyyy',
    go: 'Go',
    formatError: 'Enter a date as mm/dd/yyyy, for example 04/19/2024.',
    invalidError: (text) => `There is no date ${text}: check the day and the month.`,
    noMonths: 'No news yet.',
  },
};

/**
 * Calendar arithmetic for the archive: month grids, date-grid moves, counts of
 * news per day and month, typed dates. A calendar day is a `yyyy-MM-dd` key;
 * arithmetic runs on a local Date built from the key's numbers, and
 * only {@link countByDay} looks at instants, counting them in the widget's time
 * zone — so the reader's own zone never shifts a day.
 */
import { dayKey } from './dates.js';
import type { NewsItem } from './model.js';
import { isNewsYear } from './news-filter.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local Date (midnight) of a `yyyy-MM-dd` or `yyyy-MM` key. */
export function fromKey(key: string): Date {
  const [y, m, d = 1] = key.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  date.setFullYear(y); // years below 100 are not 19xx
  return date;
}

/**
 * The local day `months` months and `days` days from `date`; a month move keeps
 * the day, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). The few
 * lines date-fns would do here, for 0.6 KB gz less in the archive.
 */
function shift(date: Date, months: number, days = 0): Date {
  const out = new Date(date);
  out.setFullYear(date.getFullYear(), date.getMonth() + months + 1, 0); // day 0 of the month after: the target month's last
  out.setFullYear(out.getFullYear(), out.getMonth(), Math.min(date.getDate(), out.getDate()) + days); // setFullYear: years below 100 stay
  return out;
}

/** The first day of `date`'s week, which starts on `weekStartsOn`. */
const weekStart = (date: Date, weekStartsOn: WeekStart) => shift(date, 0, -((date.getDay() - weekStartsOn + 7) % 7));

/** The `yyyy-MM-dd` key of a local Date. */
export const toKey = (date: Date) => `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export type WeekStart = 0 | 1;

/**
 * The weeks of `month` (`yyyy-MM`), each seven day keys starting on
 * `weekStartsOn` (1 Monday, 0 Sunday); days of the neighbouring months are `''`.
 */
export function monthGrid(month: string, weekStartsOn: WeekStart): string[][] {
  const first = fromKey(month);
  const weeks: string[][] = [];
  const next = shift(first, 1);
  // Whole weeks, from the one the 1st is in until the next month begins.
  for (let day = weekStart(first, weekStartsOn); day < next; ) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, day = shift(day, 0, 1)) week.push(day.getMonth() === first.getMonth() ? toKey(day) : '');
    weeks.push(week);
  }
  return weeks;
}

/** A move in the WAI-ARIA date grid. */
export type GridMove = 'day' | 'week' | 'month' | 'year' | 'weekStart' | 'weekEnd';

/** The day `by` days/weeks/months/years from `key` (months and years keep the day, clamped to the month's end). */
export function moveDay(key: string, move: GridMove, by: number, weekStartsOn: WeekStart): string {
  const date = fromKey(key);
  switch (move) {
    case 'day':
      return toKey(shift(date, 0, by));
    case 'week':
      return toKey(shift(date, 0, 7 * by));
    case 'month':
      return toKey(shift(date, by));
    case 'year':
      return toKey(shift(date, 12 * by));
    case 'weekStart':
      return toKey(weekStart(date, weekStartsOn));
    case 'weekEnd':
      return toKey(shift(weekStart(date, weekStartsOn), 0, 6));
  }
}

/** The first day of the month `by` months from `month` (`yyyy-MM`), as `yyyy-MM`. */
export const addMonth = (month: string, by: number) => toKey(shift(fromKey(month.slice(0, 7)), by)).slice(0, 7);

export interface DayCounts {
  /** Items per `yyyy-MM-dd` in the time zone. */
  days: Map<string, number>;
  /** `[yyyy-MM, count]`, newest month first. */
  months: [string, number][];
  /** The newest and oldest day with news. */
  newest?: string;
  oldest?: string;
}

const counted = new WeakMap<readonly NewsItem[], Map<string, DayCounts>>();

/** News per day and per month in `timeZone`, counted once per items array and zone. */
export function countByDay(items: readonly NewsItem[], timeZone?: string): DayCounts {
  let byZone = counted.get(items);
  if (!byZone) counted.set(items, (byZone = new Map()));
  const zone = timeZone ?? '';
  let counts = byZone.get(zone);
  if (!counts) {
    const days = new Map<string, number>();
    const months = new Map<string, number>();
    for (const item of items) {
      if (!item.published) continue;
      const day = dayKey(item.published, timeZone);
      // A date far off (a typo 8024, a CMS's empty 1970) would open the calendar there and fill the year list.
      if (!isNewsYear(+day.slice(0, 4))) continue;
      days.set(day, (days.get(day) ?? 0) + 1);
      months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + 1);
    }
    const sorted = [...days.keys()].sort();
    counts = {
      days,
      months: [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1)),
      newest: sorted[sorted.length - 1],
      oldest: sorted[0],
    };
    byZone.set(zone, counts);
  }
  return counts;
}

/** How a typed date is written: day first (`dd/MM/yyyy`, vi) or month first (`MM/dd/yyyy`, en-US). */
export type DateOrder = 'dmy' | 'mdy';

/** A typed date read: its key, or why it is not a date (`format`: not d/m/y; `invalid`: no such day, or a year the widgets show no news of). */
export type TypedDate = { key: string } | { error: 'format' | 'invalid' };

/**
 * Reads a date typed as `dd/MM/yyyy` (or `MM/dd/yyyy` for `mdy`); `-` and `.`
 * separators, one-digit days and months, and ISO `yyyy-MM-dd` are accepted too.
 */
export function parseTypedDate(text: string, order: DateOrder): TypedDate {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!iso && !local) return { error: 'format' };
  const [y, m, d] = iso
    ? [+iso[1], +iso[2], +iso[3]]
    : order === 'dmy'
      ? [+local![3], +local![2], +local![1]]
      : [+local![3], +local![1], +local![2]];
  const date = new Date(y, m - 1, d); // rolls over a day the month does not have (31/02 → 03/03)
  const exists = date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d && isNewsYear(y);
  return exists ? { key: `${y}-${pad(m)}-${pad(d)}` } : { error: 'invalid' };
}

/** A key as the user types it: `19/04/2024` (dmy) or `04/19/2024` (mdy). */
export function formatTyped(key: string, order: DateOrder): string {
  const [y, m, d] = key.split('-');
  return order === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
}

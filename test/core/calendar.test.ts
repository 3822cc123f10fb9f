import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfWeek } from 'date-fns/endOfWeek';
import { startOfWeek } from 'date-fns/startOfWeek';
import { addMonth, countByDay, formatTyped, fromKey, monthGrid, moveDay, parseTypedDate, toKey, type GridMove, type WeekStart } from '../../src/core/calendar.js';
import type { NewsItem } from '../../src/core/model.js';
import { isDateKey, LAST_NEWS_YEAR } from '../../src/core/news-filter.js';
import { setReaderClock } from './reader-clock.js';

const at = (iso: string, id = iso): NewsItem => ({ id, title: id, published: new Date(iso), authors: [], tags: [], attachments: [] });

describe('calendar', () => {
  it('lays out a month in weeks from Monday or Sunday', () => {
    const monday = monthGrid('2024-04', 1);
    expect(monday).to.have.length(5);
    expect(monday[0]).to.deep.equal(['2024-04-01', '2024-04-02', '2024-04-03', '2024-04-04', '2024-04-05', '2024-04-06', '2024-04-07']);
    expect(monday[4]).to.deep.equal(['2024-04-29', '2024-04-30', '', '', '', '', '']);
    const sunday = monthGrid('2024-04', 0);
    expect(sunday[0]).to.deep.equal(['', '2024-04-01', '2024-04-02', '2024-04-03', '2024-04-04', '2024-04-05', '2024-04-06']);
    expect(monthGrid('2024-02', 1).flat().filter(Boolean)).to.have.length(29);
    expect(monthGrid('2023-02', 1).flat().filter(Boolean)).to.have.length(28);
  });

  it('moves as the date-grid keys do, clamping to the month’s end', () => {
    expect(moveDay('2024-04-30', 'day', 1, 1)).to.equal('2024-05-01');
    expect(moveDay('2024-03-01', 'day', -1, 1)).to.equal('2024-02-29');
    expect(moveDay('2024-04-19', 'week', 1, 1)).to.equal('2024-04-26');
    expect(moveDay('2024-04-19', 'weekStart', 0, 1)).to.equal('2024-04-15');
    expect(moveDay('2024-04-19', 'weekEnd', 0, 1)).to.equal('2024-04-21');
    expect(moveDay('2024-04-19', 'weekStart', 0, 0)).to.equal('2024-04-14');
    expect(moveDay('2024-01-31', 'month', 1, 1)).to.equal('2024-02-29');
    expect(moveDay('2024-02-29', 'year', 1, 1)).to.equal('2025-02-28');
    expect(moveDay('2024-12-31', 'day', 1, 1)).to.equal('2025-01-01');
    expect(addMonth('2024-12', 1)).to.equal('2025-01');
    expect(addMonth('2024-01', -1)).to.equal('2023-12');
  });

  it('agrees with date-fns (which it replaced) on every move of every day of 2023–2025 and every month grid of 1990–2040', () => agreesWithDateFns());

  // São Paulo moved its clocks at midnight until 2019: local midnight did not exist on those days.
  it('agrees with date-fns with the browser in America/Sao_Paulo too', async function () {
    if ((await executeServerCommand('emulate-timezone', { zone: 'America/Sao_Paulo' })) !== true) this.skip();
    try {
      agreesWithDateFns();
    } finally {
      await executeServerCommand('emulate-timezone', {});
    }
  });

  function agreesWithDateFns() {
    const moves: [GridMove, (d: Date, by: number, weekStartsOn: WeekStart) => Date][] = [
      ['day', (d, by) => addDays(d, by)],
      ['week', (d, by) => addDays(d, 7 * by)],
      ['month', (d, by) => addMonths(d, by)],
      ['year', (d, by) => addYears(d, by)],
      ['weekStart', (d, _, weekStartsOn) => startOfWeek(d, { weekStartsOn })],
      ['weekEnd', (d, _, weekStartsOn) => endOfWeek(d, { weekStartsOn })],
    ];
    let checked = 0;
    for (let day = fromKey('2023-01-01'); day.getFullYear() < 2026; day = addDays(day, 1)) {
      for (const [move, expected] of moves) {
        for (const by of [-13, -1, 1, 2, 25]) {
          for (const weekStartsOn of [0, 1] as const) {
            expect(moveDay(toKey(day), move, by, weekStartsOn), `${toKey(day)} ${move} ${by}`).to.equal(toKey(expected(day, by, weekStartsOn)));
            checked++;
          }
        }
      }
    }
    for (let month = fromKey('1990-01'); month.getFullYear() < 2041; month = addMonths(month, 1)) {
      const key = toKey(month).slice(0, 7);
      for (const weekStartsOn of [0, 1] as const) {
        const days = eachDayOfInterval({ start: startOfWeek(month, { weekStartsOn }), end: endOfWeek(endOfMonth(month), { weekStartsOn }) });
        const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7).map((d) => (d.getMonth() === month.getMonth() ? toKey(d) : '')));
        expect(monthGrid(key, weekStartsOn), key).to.deep.equal(weeks);
      }
      expect(addMonth(key, 1)).to.equal(toKey(addMonths(month, 1)).slice(0, 7));
    }
    expect(checked).to.equal(1096 * 6 * 5 * 2);
  }

  it('reads typed dates day first (vi) or month first (en), and says why one cannot be read', () => {
    expect(parseTypedDate('19/04/2024', 'dmy')).to.deep.equal({ key: '2024-04-19' });
    expect(parseTypedDate(' 1/4/2024 ', 'dmy')).to.deep.equal({ key: '2024-04-01' });
    expect(parseTypedDate('19-04-2024', 'dmy')).to.deep.equal({ key: '2024-04-19' });
    expect(parseTypedDate('04/19/2024', 'mdy')).to.deep.equal({ key: '2024-04-19' });
    expect(parseTypedDate('2024-04-19', 'mdy')).to.deep.equal({ key: '2024-04-19' });
    expect(parseTypedDate('31/02/2024', 'dmy')).to.deep.equal({ error: 'invalid' });
    expect(parseTypedDate('29/02/2023', 'dmy')).to.deep.equal({ error: 'invalid' });
    expect(parseTypedDate('29/02/2024', 'dmy')).to.deep.equal({ key: '2024-02-29' });
    expect(parseTypedDate('19/04/2024', 'mdy')).to.deep.equal({ error: 'invalid' });
    expect(parseTypedDate('abc', 'dmy')).to.deep.equal({ error: 'format' });
    expect(parseTypedDate('', 'dmy')).to.deep.equal({ error: 'format' });
    expect(parseTypedDate('19/04/24', 'dmy')).to.deep.equal({ error: 'format' });
    // A real day, but of no year the widgets show news of.
    expect(parseTypedDate('31/12/9999', 'dmy')).to.deep.equal({ error: 'invalid' });
    expect(parseTypedDate('01/01/1970', 'dmy')).to.deep.equal({ error: 'invalid' });
    expect(formatTyped('2024-04-09', 'dmy')).to.equal('09/04/2024');
    expect(formatTyped('2024-04-09', 'mdy')).to.equal('04/09/2024');
  });

  it('with the reader’s clock years behind (2019, a flat battery), 2026 news still counts and 2026 dates still read', () => {
    const restore = setReaderClock('2019-06-01T08:00:00+07:00');
    try {
      expect(new Date().getFullYear()).to.equal(2019);
      const counts = countByDay([at('2026-11-19T08:00:00+07:00'), at('2025-01-02T08:00:00+07:00')], 'Asia/Ho_Chi_Minh');
      expect([counts.newest, counts.oldest, counts.months]).to.deep.equal(['2026-11-19', '2025-01-02', [['2026-11', 1], ['2025-01', 1]]]);
      expect(parseTypedDate('19/11/2026', 'dmy')).to.deep.equal({ key: '2026-11-19' });
      expect([isDateKey('2026-11'), isDateKey('2026-11-19')]).to.deep.equal([true, true]);
    } finally {
      restore();
    }
  });

  it(`reads no year past ${LAST_NEWS_YEAR}, whatever the reader’s clock says`, () => {
    for (const clock of ['2019-06-01T00:00:00Z', '2026-12-02T00:00:00Z', '2150-01-01T00:00:00Z']) {
      const restore = setReaderClock(clock);
      try {
        expect(parseTypedDate(`31/12/${LAST_NEWS_YEAR}`, 'dmy'), clock).to.deep.equal({ key: `${LAST_NEWS_YEAR}-12-31` });
        expect(parseTypedDate(`01/01/${LAST_NEWS_YEAR + 1}`, 'dmy'), clock).to.deep.equal({ error: 'invalid' });
        expect(countByDay([at(`${LAST_NEWS_YEAR + 1}-01-01T08:00:00+07:00`)], 'Asia/Ho_Chi_Minh').newest, clock).to.equal(undefined);
      } finally {
        restore();
      }
    }
  });

  it('counts news per day and month in the widget’s time zone, once per items array', () => {
    const items = [
      at('2024-04-19T23:30:00+07:00'),
      at('2024-04-20T00:30:00+07:00'),
      at('2024-04-19T08:00:00+07:00'),
      at('2024-03-31T23:59:00+07:00'),
      { ...at('2024-01-01T00:00:00Z'), published: undefined },
    ];
    const counts = countByDay(items);
    expect([...counts.days]).to.deep.equal([
      ['2024-04-19', 2],
      ['2024-04-20', 1],
      ['2024-03-31', 1],
    ]);
    expect(counts.months).to.deep.equal([
      ['2024-04', 3],
      ['2024-03', 1],
    ]);
    expect(counts.newest).to.equal('2024-04-20');
    expect(counts.oldest).to.equal('2024-03-31');
    expect(countByDay(items)).to.equal(counts);
    // In UTC the same instants fall on other days.
    expect(countByDay(items, 'UTC').days.get('2024-04-19')).to.equal(3);
  });
});

/**
 * Times of day and wall-clock instants in a time zone, apart from ./dates.ts:
 * what a news list shows needs neither, and a bundle splits by module, so here
 * they load only with the readers, the banner and the counter that use them.
 */
import { DEFAULT_TIME_ZONE, formatter } from './dates.js';
import { localeOf, type Lang } from './locale.js';

/** `10:32`: the time of day of `date` in `timeZone`. */
export function formatTime(date: Date, lang: Lang, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(`${lang} time`, localeOf(lang), { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
}

/** The instant at which the clocks of `timeZone` show `wall` (given as if it were UTC). */
export function zonedTime(wall: number, timeZone: string): Date {
  let t = wall;
  // Twice: the second pass settles a wall time on the far side of a daylight-saving change.
  for (let i = 0; i < 2; i++) t = wall - offsetOf(t, timeZone);
  return new Date(t);
}

/** How far `timeZone`'s clocks are ahead of UTC at `t`, in milliseconds. */
function offsetOf(t: number, timeZone: string): number {
  const f = formatter('offset', 'en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

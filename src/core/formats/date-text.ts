/**
 * Dates as publishers write them, read the same way in every browser and in
 * Node (no `Date.parse`, which guesses differently per engine):
 * - RFC 3339 / ISO 8601, also without seconds or offset, and `2020/1/10 14:33:00`;
 * - RFC 822 and its real-world variants: missing weekday, full month names,
 *   two-digit years, `GMT+7`, `+07:00`, zone names (EST, PST, ICT …),
 *   `Sat, Dec 16 2023 02:02:33 PM`;
 * - the Vietnamese forms portals print: `19/04/2024 08:30`, `19-04-2024`,
 *   `Thứ sáu, 19/04/2024 - 08:30`, `08:30 19/04/2024`, and with the Vietnamese
 *   AM/PM of .NET's vi-VN format (`19/04/2024 2:30:00 CH`: SA is AM, CH is PM).
 * The Unix epoch itself (`Thu, 01 Jan 1970 00:00:00 GMT`) is a CMS's "no date", not a date.
 * A date without an offset is wall time in `timeZone` (the widget's, by default
 * Asia/Ho_Chi_Minh), whatever the reader's device says.
 */

import { zonedTime } from '../clock.js';
import { DEFAULT_TIME_ZONE as DEFAULT_ZONE, OLDEST_DATE_YEAR } from '../dates.js';

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
/** Month abbreviations of the other languages feeds localize RFC 822 in (pt, es, it, fr, de, nl). */
const LOCAL_MONTHS: Record<string, number> = {
  fev: 2, abr: 4, mai: 5, ago: 8, set: 9, out: 10, dez: 12, ene: 1, dic: 12, gen: 1, giu: 6, lug: 7, ott: 10,
  janv: 1, févr: 2, avr: 4, juil: 7, août: 8, déc: 12, mär: 3, okt: 10, mrt: 3, mei: 5,
};
/** Offsets in minutes of the zone names RFC 822 allows, plus those feeds use. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  ict: 420, wib: 420, sgt: 480, hkt: 480, jst: 540, kst: 540, ist: 330, aest: 600, aedt: 660,
};

const TIME = String.raw`(\d{1,2})[:h](\d{2})(?::(\d{2})([.,]\d+)?)?\s*([ap]\.?m\.?|sa|ch)?`;
const ZONE = String.raw`(?:\s*(?:(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|\(?([a-z]{1,5})\)?))?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t|\s+)${TIME})?${ZONE}$`, 'i');
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+${TIME})?${ZONE}$`, 'i');
const TIME_DMY = new RegExp(String.raw`^${TIME}\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`, 'i');
const DAY_MONTH = new RegExp(String.raw`^(\d{1,2})\s+(\p{L}{3,9})\.?\s+(\d{2,4})(?:\s+${TIME})?${ZONE}$`, 'iu');
const MONTH_DAY = new RegExp(String.raw`^(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{2,4})(?:\s+${TIME})?${ZONE}$`, 'iu');

/**
 * A leading weekday, which says nothing: English without a comma (`Sat Dec 16`),
 * Vietnamese (`Thứ sáu,`, `Chủ nhật,`), or any word before a comma (`Seg,`, `mer,`).
 */
const NOISE = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\s*,?|chủ\s+nhật\s*,?|[^\d\s,]{2,12}\.?,)\s*/iu;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h?: string;
  mi?: string;
  s?: string;
  ms?: string;
  ampm?: string;
  sign?: string;
  zh?: string;
  zm?: string;
  name?: string;
}

/** Reads one of the forms above; undefined when it is not a date. */
export function parseDate(text: string, timeZone = DEFAULT_ZONE): Date | undefined {
  if (text.length > 100) return undefined; // no date is that long; the patterns need not look
  const s = text.normalize('NFC').trim().replace(NOISE, '').replace(/\s+-\s+|,\s*|\s+/g, ' ').trim();
  let m: RegExpExecArray | null;
  let p: Parts | undefined;
  if ((m = ISO.exec(s))) p = { y: +m[1], mo: +m[2], d: +m[3], ...time(m, 4) };
  else if ((m = DMY.exec(s))) p = { y: +m[3], mo: +m[2], d: +m[1], ...time(m, 4) };
  else if ((m = TIME_DMY.exec(s))) p = { y: +m[8], mo: +m[7], d: +m[6], h: m[1], mi: m[2], s: m[3], ms: m[4], ampm: m[5] };
  else if ((m = DAY_MONTH.exec(s))) p = { y: year(m[3]), mo: month(m[2]), d: +m[1], ...time(m, 4) };
  else if ((m = MONTH_DAY.exec(s))) p = { y: year(m[3]), mo: month(m[1]), d: +m[2], ...time(m, 4) };
  return p && toDate(p, timeZone);
}

const time = (m: RegExpExecArray, i: number) => ({
  h: m[i], mi: m[i + 1], s: m[i + 2], ms: m[i + 3], ampm: m[i + 4], sign: m[i + 5], zh: m[i + 6], zm: m[i + 7], name: m[i + 8],
});

const year = (y: string) => (y.length === 2 ? (+y < 50 ? 2000 : 1900) + +y : +y);
function month(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.indexOf(n.slice(0, 3)) + 1 || LOCAL_MONTHS[n] || LOCAL_MONTHS[n.slice(0, 4)] || LOCAL_MONTHS[n.slice(0, 3)] || 0;
}

function toDate(p: Parts, timeZone: string): Date | undefined {
  let h = Number(p.h ?? 0);
  const mi = Number(p.mi ?? 0);
  const sec = Number(p.s ?? 0);
  if (p.ampm) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (/^[pc]/i.test(p.ampm) ? 12 : 0); // PM, or CH (chiều)
  }
  const day = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  if (p.y < OLDEST_DATE_YEAR || p.mo < 1 || day.getUTCDate() !== p.d || day.getUTCMonth() !== p.mo - 1 || h > 23 || mi > 59 || sec > 60) return undefined;
  const wall = day.getTime() + (h * 60 + mi) * 60_000 + Math.min(sec, 59) * 1000 + Math.round(Number(`0.${(p.ms ?? '0').slice(1) || 0}`) * 1000);
  let offset: number | undefined;
  if (p.sign) {
    // `+0700`, `+07:00`, `GMT+7`.
    const zh = Number(p.zh);
    const zm = Number(p.zm ?? 0);
    if (zh > 14 || zm > 59) return undefined;
    offset = (p.sign === '-' ? -1 : 1) * (zh * 60 + zm);
  } else if (p.name) {
    offset = ZONES[p.name.toLowerCase()];
    if (offset === undefined) return undefined;
  }
  const date = offset === undefined ? zonedTime(wall, timeZone) : new Date(wall - offset * 60_000);
  return +date ? date : undefined;
}

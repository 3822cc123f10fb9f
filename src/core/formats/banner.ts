/**
 * `portal-banner/1`: the scrolling welcome line.
 * `{"version": "portal-banner/1", "messages": [{"text": …, "url"?, "start"?, "end"?}]}`
 * `start`/`end` with an offset (`2024-05-01T00:00:00+07:00`) are instants; without
 * one they are wall time in the widget's time zone, and a bare day `end` lasts
 * through that day.
 */
import { zonedTime } from '../clock.js';
import { DEFAULT_TIME_ZONE } from '../dates.js';
import type { Banner } from '../model.js';
import { Invalid, optUrl, parseDate, type Json } from './fields.js';
import { readArray, readObjects, readPortalDocument, reqString } from './portal-document.js';
import type { ParseWarning } from './warnings.js';

export const BANNER_VERSION = 'portal-banner/1';

export function parseBanner(text: string, base: string, timeZone = DEFAULT_TIME_ZONE): Banner {
  const doc = readPortalDocument(text, BANNER_VERSION);
  const warnings: ParseWarning[] = [];
  const messages = readObjects(readArray(doc, 'messages'), 'messages', warnings, (m, path) => {
    const start = readMoment(m, 'start', path, timeZone, false);
    const end = readMoment(m, 'end', path, timeZone, true);
    if (start && end && end <= start) throw new Invalid(`${path}.end`, 'before-start');
    return { text: reqString(m, 'text', path), url: optUrl(m, 'url', path, base, warnings), start, end };
  });
  return { messages, warnings };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function readMoment(m: Json, key: string, path: string, timeZone: string, isEnd: boolean): Date | undefined {
  const v = m[key];
  if (v === undefined || v === null || v === '') return undefined;
  const local = typeof v === 'string' ? LOCAL.exec(v.trim()) : null;
  if (!local) {
    const d = typeof v === 'string' ? parseDate(v, timeZone) : undefined;
    if (!d) throw new Invalid(`${path}.${key}`, 'not-a-date');
    return d;
  }
  const [y, mo, d, hh, mm, ss] = local.slice(1).map((n) => Number(n ?? 0));
  // A bare day: from its first moment, or (for end) until the next day's.
  const day = local[4] === undefined;
  const wall = Date.UTC(y, mo - 1, d + (day && isEnd ? 1 : 0), hh, mm, ss);
  if (Number.isNaN(wall) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) throw new Invalid(`${path}.${key}`, 'not-a-date');
  return zonedTime(wall, timeZone);
}

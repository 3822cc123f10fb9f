/**
 * The visit counter endpoint's answer: `{"total": n, "online": n, "today"?: n,
 * "updated"?: iso}`. Counts must be non-negative whole numbers, so a widget never
 * shows NaN, undefined or a negative total.
 */
import { PortalError } from '../errors.js';
import type { VisitCount } from '../model.js';
import { readJson } from './document.js';
import { Invalid, isObject, optDate, optNumber } from './fields.js';

/** Parses a counter document; anything else is a `format` error naming the field. */
export function parseCount(text: string): VisitCount {
  const doc = readJson(text);
  if (!isObject(doc)) throw new PortalError('format', 'not a counter object');
  try {
    const count = (key: string) => {
      const n = optNumber(doc, key, '$');
      if (n !== undefined && !Number.isSafeInteger(n)) throw new Invalid(`$.${key}`, 'not-a-whole-number');
      return n;
    };
    const total = count('total');
    const online = count('online');
    if (total === undefined) throw new Invalid('$.total', 'missing');
    if (online === undefined) throw new Invalid('$.online', 'missing');
    return { total, online, today: count('today'), updated: optDate(doc, 'updated', '$') };
  } catch (e) {
    throw e instanceof Invalid ? new PortalError('format', e.message) : e;
  }
}

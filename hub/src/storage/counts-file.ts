/**
 * The counts as JSON lines, to move them between engines and servers
 * (`portal-widgets-hub export` / `import`): a header line, then one line per
 * site total and per site day. Only counts travel: no visitor hash and no
 * salt, so an export reveals nothing about any visitor.
 *
 *   {"format":"portal-widgets-hub/counts","version":1,"exported":"2026-…Z"}
 *   {"site":"portal","total":2595954}
 *   {"site":"portal","day":"2024-04-19","visits":1204}
 */
import type { CountRecord } from '../storage.js';

export const COUNTS_FORMAT = 'portal-widgets-hub/counts';

export function countsToJsonLines(records: CountRecord[], now = new Date()): string {
  return [{ format: COUNTS_FORMAT, version: 1, exported: now.toISOString() }, ...records].map((r) => JSON.stringify(r)).join('\n') + '\n';
}

const SITE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * Reads an export; a wrong line stops the import before anything is written, naming the line. With `sites`
 * (the config's), a line of another site is wrong too: its counts would be stored where no hub reads them
 * (a typo, or the config of another province), so the import asks for the site to be configured first.
 */
export function countsFromJsonLines(text: string, sites?: readonly string[]): CountRecord[] {
  const lines = text.split('\n').map((l, i) => ({ l: l.trim(), n: i + 1 })).filter((x) => x.l);
  const fail = (n: number, why: string): never => {
    throw new Error(`line ${n}: ${why}`);
  };
  const parse = ({ l, n }: { l: string; n: number }) => {
    let value: unknown;
    try {
      value = JSON.parse(l);
    } catch {
      return fail(n, 'not JSON');
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(n, `not an object (${l.slice(0, 40)})`);
  };
  if (!lines.length) fail(1, 'empty: not an export of portal-widgets-hub');
  const head = parse(lines[0]);
  if (head.format !== COUNTS_FORMAT) fail(1, `not an export of portal-widgets-hub (format must be "${COUNTS_FORMAT}")`);
  if (head.version !== 1) fail(1, `unknown version ${JSON.stringify(head.version)} (this hub reads 1)`);
  return lines.slice(1).map((line) => {
    const r = parse(line);
    if (typeof r.site !== 'string' || !SITE.test(r.site)) return fail(line.n, 'site: not a site id');
    if (sites && !sites.includes(r.site)) return fail(line.n, `site "${r.site}" is not in the config (sites: ${sites.join(', ')}): add it there first, or leave the line out`);
    if ('total' in r) return count(r.total) ? { site: r.site, total: r.total as number } : fail(line.n, 'total: not a whole number ≥ 0');
    if (typeof r.day !== 'string' || !DAY.test(r.day)) return fail(line.n, 'day: not YYYY-MM-DD');
    return count(r.visits) ? { site: r.site, day: r.day, visits: r.visits as number } : fail(line.n, 'visits: not a whole number ≥ 0');
  });
}

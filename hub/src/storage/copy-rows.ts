/** A feed upstream's copy as a database row (snake_case columns, NULL for absent) and back: one mapping for both engines. */
import type { UpstreamCopy } from '../storage.js';

const FIELDS = ['feed', 'upstream', 'items', 'etag', 'lastModified', 'lastSuccess', 'lastError', 'lastAttempt', 'failures', 'configKey'] as const;
/** BIGINT columns come back from PostgreSQL as numbers already (see its type parser); SQLite's are numbers too. */
const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export type CopyRow = Record<string, string | number | null>;
export const COPY_COLUMNS = FIELDS.map(column);

export function copyOfRow(row: CopyRow): UpstreamCopy {
  return Object.fromEntries(FIELDS.flatMap((f) => (row[column(f)] === null || row[column(f)] === undefined ? [] : [[f, row[column(f)]]]))) as unknown as UpstreamCopy;
}

export function rowOfCopy(copy: UpstreamCopy): CopyRow {
  return Object.fromEntries(FIELDS.map((f) => [column(f), copy[f] ?? null]));
}

/** A feed upstream's copy as a database row (snake_case columns, NULL for absent) and back, and its upsert: one mapping for both engines. */
import type { UpstreamCopy } from '../storage.js';

const FIELDS = ['feed', 'upstream', 'items', 'itemsHash', 'etag', 'lastModified', 'lastSuccess', 'lastError', 'lastAttempt', 'failures', 'configKey'] as const;
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

/**
 * The statement that writes a copy, in the SQL both engines speak (`placeholder`: the engine's for a column, in
 * COPY_COLUMNS order). A copy written without `items` (they did not change: a 304, the same body again) leaves
 * the stored items alone — not sent, not written — and is written only if the row still holds the items it
 * describes (the same hash, read with the same config key). When another hub wrote other items meanwhile
 * (PostgreSQL), nothing changes and the write answers that no row was written: the caller writes again with
 * its items, so a row's status never describes items it does not hold.
 */
export function copyUpsert(placeholder: (column: string, index: number) => string): string {
  const set = COPY_COLUMNS.slice(2).map((c) => (c === 'items' ? 'items = COALESCE(excluded.items, upstream_copies.items)' : `${c} = excluded.${c}`));
  const same = (c: string) => `upstream_copies.${c} IS NOT DISTINCT FROM excluded.${c}`;
  return (
    `INSERT INTO upstream_copies (${COPY_COLUMNS.join(', ')}) VALUES (${COPY_COLUMNS.map(placeholder).join(', ')}) ` +
    `ON CONFLICT (feed, upstream) DO UPDATE SET ${set.join(', ')} ` +
    `WHERE excluded.items IS NOT NULL OR (${same('items_hash')} AND ${same('config_key')})`
  );
}

/** A feed upstream's copy as a database row (snake_case, NULL for absent) and back: one mapping for both engines. */
import type { UpstreamCopy } from '../storage.js';

export interface CopyRow {
  feed: string;
  upstream: string;
  items: string | null;
  etag: string | null;
  last_modified: string | null;
  last_success: number | null;
  last_error: string | null;
  last_attempt: number | null;
  failures: number;
}

export const COPY_COLUMNS = ['feed', 'upstream', 'items', 'etag', 'last_modified', 'last_success', 'last_error', 'last_attempt', 'failures'] as const;

export function copyOfRow(r: CopyRow): UpstreamCopy {
  const num = (v: number | string | null) => (v === null ? undefined : Number(v));
  return {
    feed: r.feed,
    upstream: r.upstream,
    items: r.items ?? undefined,
    etag: r.etag ?? undefined,
    lastModified: r.last_modified ?? undefined,
    lastSuccess: num(r.last_success),
    lastError: r.last_error ?? undefined,
    lastAttempt: num(r.last_attempt),
    failures: Number(r.failures),
  };
}

export function rowOfCopy(c: UpstreamCopy): CopyRow {
  return {
    feed: c.feed,
    upstream: c.upstream,
    items: c.items ?? null,
    etag: c.etag ?? null,
    last_modified: c.lastModified ?? null,
    last_success: c.lastSuccess ?? null,
    last_error: c.lastError ?? null,
    last_attempt: c.lastAttempt ?? null,
    failures: c.failures,
  };
}

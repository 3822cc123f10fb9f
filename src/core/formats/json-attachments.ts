/**
 * A JSON Feed item's `attachments` (podcasts, documents): loaded on demand by
 * ./json-news.ts only for a document whose items have any, so the first screen
 * of a plain news feed does not download it.
 */
import type { Attachment } from '../model.js';
import { Invalid, isObject, optNumber, optString, optUrl } from './fields.js';
import { optional } from './read-each.js';
import type { ParseWarning } from './warnings.js';

export function readAttachments(raw: unknown, path: string, base: string, warnings: ParseWarning[]): Attachment[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new Invalid(path, 'not-an-array');
  const out: Attachment[] = [];
  raw.forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(a)) return void warnings.push({ path: p, problem: 'not-an-object', effect: 'drop-field' });
    const url = optional(warnings, optUrl, a, 'url', p, base, warnings);
    const mimeType = optional(warnings, optString, a, 'mime_type', p);
    if (!url || !mimeType) return void warnings.push({ path: p, problem: 'incomplete-attachment', effect: 'drop-field' });
    out.push({
      url,
      mimeType,
      title: optional(warnings, optString, a, 'title', p),
      sizeInBytes: optional(warnings, optNumber, a, 'size_in_bytes', p),
      durationInSeconds: optional(warnings, optNumber, a, 'duration_in_seconds', p),
    });
  });
  return out;
}

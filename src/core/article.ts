/**
 * What `<portal-article>` derives from the model: the "Các tin khác" order and
 * how an attachment is described ("PDF, 1,2 MB"). Pure, so it is unit-tested.
 */
import { newestFirst } from './dates.js';
import { formatNumber, type Lang } from './locale.js';
import type { Attachment, NewsItem } from './model.js';

/**
 * "Các tin khác" under `current`: items sharing one of its tags first, then the
 * newest (undated ones last, in feed order), without `current` itself; at most `limit`.
 */
export function relatedItems(items: readonly NewsItem[], current: NewsItem, limit: number): NewsItem[] {
  const tags = new Set(current.tags);
  const rank = (i: NewsItem) => (i.tags.some((t) => tags.has(t)) ? 1 : 0);
  return items
    .filter((i) => i.id !== current.id)
    .sort((a, b) => rank(b) - rank(a) || newestFirst(a, b))
    .slice(0, Math.max(0, limit));
}

/**
 * Whether a summary only repeats the start of the body (feeds often fill the
 * summary with the body's first sentence, cut off): then showing it above the
 * body would say the same thing twice. White space and a closing ellipsis are
 * ignored.
 */
export function summaryRepeatsBody(summary: string, body: string): boolean {
  const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const start = squash(summary).replace(/\s*(…|\.\.\.)$/, '');
  return !!start && squash(body).startsWith(start);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];

/** A file size for reading: `1,2 MB` in vi, `1.2 MB` in en (powers of 1024, as file managers show). */
export function formatFileSize(bytes: number, lang: Lang): string {
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < UNITS.length - 1) {
    n /= 1024;
    unit++;
  }
  return formatNumber(n, lang, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit ? 1 : 0 });
}

/** Names of common document types; others show their file extension. */
const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/zip': 'ZIP',
  'application/x-rar-compressed': 'RAR',
  'text/plain': 'TXT',
};

/** The type of an attachment as readers know it: `PDF`, `DOCX`, `JPEG`… */
export function fileTypeLabel(attachment: Attachment): string {
  const known = TYPES[attachment.mimeType.toLowerCase()];
  if (known) return known;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(new URL(attachment.url).pathname)?.[1];
  return (ext ?? attachment.mimeType.split('/').pop()!.replace(/^x-/, '')).toUpperCase();
}

/** The file name at the end of an attachment's URL, for one without a title. */
export function fileName(attachment: Attachment): string {
  const last = new URL(attachment.url).pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : attachment.url;
  } catch {
    return last!;
  }
}

/** What the RSS and Atom readers read alike: dates, pictures, media attachments. */
import type { Attachment } from '../model.js';
import { safeUrl } from '../urls.js';
import { parseDate } from './date-text.js';
import type { ParseWarning } from './warnings.js';
import { children, childText } from './xml.js';

/**
 * The RSS and Atom items' one empty array, as the JSON Feed reader's `NONE`
 * (json-feed.ts): 649 empty arrays, 10 KB, at 200 items. Not imported from
 * there (nor moved to a module both load): either reshapes the shared chunks,
 * +0.02 to +0.6 KB gz on pages that read no XML.
 */
export const NONE = Object.freeze([]) as never[];

/** `list`, or {@link NONE} when it is empty. */
export const orNone = <T>(list: T[]): T[] => (list.length ? list : NONE);

/** The first of `names` present in `el`, as a date; an unreadable one is dropped with a warning. */
export function readDate(el: Element, names: string[], path: string, warnings: ParseWarning[], timeZone?: string): Date | undefined {
  for (const name of names) {
    const raw = childText(el, name);
    if (!raw) continue;
    const d = parseDate(raw, timeZone);
    if (!d) warnings.push({ path: `${path}.${name}`, problem: 'not-a-date', effect: 'drop-field' });
    return d;
  }
  return undefined;
}

const IMG = /<img\b[^<>]*>/gi;
const SRC = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** A 1×1 tracking pixel (FeedBurner, analytics) is no picture. */
const PIXEL = /\b(?:width|height)\s*=\s*["']?[01]\b/i;

/** The first `<img src>` of an HTML body: where Vietnamese news RSS carries its picture. */
export function firstImage(html: string | undefined, base: string): string | undefined {
  for (const [tag] of html?.matchAll(IMG) ?? []) {
    const m = SRC.exec(tag);
    if (m && !PIXEL.test(tag)) return safeUrl((m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&'), base);
  }
  return undefined;
}

/**
 * Pictures and files of an item: `media:content`, `media:thumbnail` (also inside
 * `media:group`), `enclosure` (RSS element or Atom `link rel="enclosure"`),
 * `itunes:image`. The first picture is the item's image; other files are attachments.
 */
export function readMedia(el: Element, base: string): { image?: string; attachments: Attachment[] } {
  const attachments: Attachment[] = [];
  let image: string | undefined;
  const nodes = [el, ...children(el, 'group')].flatMap((e) => [
    ...children(e, 'content'),
    ...children(e, 'thumbnail'),
    ...children(e, 'enclosure'),
    ...children(e, 'link').filter((l) => l.getAttribute('rel') === 'enclosure'),
    ...children(e, 'image').filter((i) => i.hasAttribute('href')),
  ]);
  for (const m of nodes) {
    const src = safeUrl(m.getAttribute('url') ?? m.getAttribute('href'), base);
    if (!src) continue;
    const medium = m.getAttribute('medium');
    const type = m.getAttribute('type') ?? (m.localName === 'thumbnail' || m.localName === 'image' || medium === 'image' ? 'image/*' : medium === 'video' ? 'video/*' : '');
    if (type.startsWith('image/')) image ??= src;
    else if (type && !type.includes('html')) {
      const length = Number(m.getAttribute('length') ?? m.getAttribute('fileSize'));
      const duration = Number(m.getAttribute('duration'));
      const title = m.getAttribute('title') ?? undefined;
      attachments.push({
        url: src,
        mimeType: type,
        ...(title ? { title } : {}),
        sizeInBytes: length > 0 ? length : undefined,
        durationInSeconds: duration > 0 ? duration : undefined,
      });
    }
  }
  return { image, attachments: orNone(attachments) };
}

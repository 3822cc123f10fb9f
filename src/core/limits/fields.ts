/**
 * Cutting a parsed feed to the bounds of ../limits.ts, loaded only for a feed
 * that has something to cut.
 */
import { CUT_MARK, limitWarning, LIMITS } from './bounds.js';
import { ownText } from '../formats/html-text.js';
import type { ParseWarning } from '../formats/warnings.js';
import type { Feed, NewsItem } from '../model.js';

/** A cut that keeps whole UTF-16 characters, with an ellipsis; its own string, so the text too long to keep is not kept. */
function cutText(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return ownText(`${text.slice(0, end).trimEnd()}…`);
}

/** `text` cut to `max` characters, with a warning at `path` when it was longer. */
export function capText(text: string, max: number, path: string, warnings: ParseWarning[]): string;
export function capText(text: string | undefined, max: number, path: string, warnings: ParseWarning[]): string | undefined;
export function capText(text: string | undefined, max: number, path: string, warnings: ParseWarning[]): string | undefined {
  if (text === undefined || text.length <= max) return text;
  warnings.push(limitWarning(path, 'too-long', 'cut', `${text.length} characters, cut to ${max}`));
  return cutText(text, max);
}

/** Whether `text` has more than `max` UTF-8 bytes, without encoding it. */
export function overBytes(text: string, max: number): boolean {
  if (text.length > max) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 1 byte below 0x80, 2 below 0x800, else 3; a surrogate pair is 4 bytes, 2 per unit.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
    if (bytes > max) return true;
  }
  return false;
}

/** One item within the bounds: text fields cut, an oversized body dropped (the article links to the original). */
function boundItem(item: NewsItem, path: string, warnings: ParseWarning[]): NewsItem {
  const { titleChars, summaryChars, contentBytes } = LIMITS;
  let bounded = item;
  const set = (change: Partial<NewsItem>) => (bounded = { ...bounded, ...change });
  const tooLarge = (field: string) => limitWarning(`${path}.${field}`, 'too-large', 'drop-field', `more than ${contentBytes} bytes: not rendered, linked to the original`);
  if (item.title.includes(CUT_MARK)) {
    warnings.push(tooLarge('title'));
    set({ title: '…' });
  } else if (item.title.length > titleChars) set({ title: capText(item.title, titleChars, `${path}.title`, warnings) });
  if (item.summary?.includes(CUT_MARK)) {
    warnings.push(tooLarge('summary'));
    set({ summary: undefined });
  } else if (item.summary && item.summary.length > summaryChars) set({ summary: capText(item.summary, summaryChars, `${path}.summary`, warnings) });
  for (const [key, field] of [['contentHtml', 'content_html'], ['contentText', 'content_text']] as const) {
    const body = item[key];
    if (body === undefined || !(body.includes(CUT_MARK) || overBytes(body, contentBytes))) continue;
    warnings.push(tooLarge(field));
    set({ [key]: undefined, contentTooLarge: true });
  }
  if (item.tags.some((t) => t.length > titleChars)) set({ tags: item.tags.map((t, i) => capText(t, titleChars, `${path}.tags[${i}]`, warnings)) });
  if (item.authors.some((a) => a.name.length > titleChars))
    set({ authors: item.authors.map((a, i) => ({ ...a, name: capText(a.name, titleChars, `${path}.authors[${i}].name`, warnings) })) });
  return bounded;
}

/**
 * `feed` within the bounds; `itemsCut` says that items beyond the count were
 * not parsed (limitText), which is warned about here.
 */
export function boundFields(feed: Feed, itemsCut: boolean): Feed {
  const warnings = [...feed.warnings];
  const title = capText(feed.title, LIMITS.titleChars, 'title', warnings);
  if (itemsCut) warnings.push(limitWarning('items', 'too-many-items', 'cut', `more than ${LIMITS.items}: the first ${LIMITS.items} (the newest) read, the rest not parsed`));
  const items = feed.items.map((item, i) => boundItem(item, `items[${i}]`, warnings));
  const changed = warnings.length !== feed.warnings.length;
  return changed ? { ...feed, title, items, warnings } : feed;
}


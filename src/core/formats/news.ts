/**
 * Any news document → {@link Feed}: JSON Feed, RSS or Atom detected by content,
 * or a CMS's own JSON read through a field map.
 */
import type { Feed } from '../model.js';
import type { FieldMap } from './json-value.js';

export { getPath } from './json-value.js';

export type { FieldMap } from './json-value.js';

export interface ParseOptions {
  /** Zone of dates written without an offset (default Asia/Ho_Chi_Minh): the widget's `time-zone`. */
  timeZone?: string;
}

/**
 * Reads a news document, detecting its format from the content: JSON, or XML
 * even after leading junk. In Node, RSS and Atom need {@link setXmlParser} once
 * (src/cli/xml-dom.ts: `useNodeXmlParser()`). `map` is a field map, or a `map`
 * attribute's text (checked with the readers, on demand).
 */
export async function parseNews(text: string, base: string, map?: FieldMap | string, options: ParseOptions = {}): Promise<Feed> {
  // The readers, with the format detection and the bounds (../limits.ts), load on demand: a page
  // that is given its items never downloads them, and a widget fetching a feed starts loading them at once.
  return (await import('./news-read.js')).readNews(text, base, map, options.timeZone);
}

/**
 * Starts loading the readers, so that a widget fetching a feed has them by the
 * time the body arrives (most feeds are JSON); parseNews awaits the same import.
 */
export const prepareJsonReader = (): void => void import('./news-read.js');

/**
 * Any news document → {@link Feed}: JSON Feed, RSS or Atom detected by content,
 * or a CMS's own JSON read through a field map.
 */
import { PortalError } from '../errors.js';
import { boundFeed, limitText } from '../limits.js';
import type { Feed } from '../model.js';
import { cleanBody, readJson, refuseHtml, xmlStart } from './document.js';
import { isObject, type FieldMap } from './json-value.js';

export { getPath } from './json-value.js';

export type { FieldMap } from './json-value.js';

export interface ParseOptions {
  /** Zone of dates written without an offset (default Asia/Ho_Chi_Minh): the widget's `time-zone`. */
  timeZone?: string;
}

/**
 * Reads a news document, detecting its format from the content: JSON, or XML
 * even after leading junk. In Node, RSS and Atom need {@link setXmlParser} once
 * (src/cli/xml-dom.ts: `useNodeXmlParser()`).
 */
export async function parseNews(text: string, base: string, map?: FieldMap, options: ParseOptions = {}): Promise<Feed> {
  const body = cleanBody(text);
  refuseHtml(body);
  const xml = isXml(body);
  const limited = await limitText(body, xml);
  return boundFeed(await readNews(limited.text, xml, base, map, options), limited);
}

async function readNews(body: string, xml: boolean, base: string, map: FieldMap | undefined, options: ParseOptions): Promise<Feed> {
  if (xml) {
    const [{ parseXmlFeed }, { readXmlInSlices }] = await Promise.all([import('./xml-feed.js'), import('../limits/xml.js')]);
    return readXmlInSlices(body, (slice) => parseXmlFeed(slice, base, options.timeZone));
  }
  const json = readJson(body);
  // The JSON readers load on demand too, as the XML ones do: in parallel with nothing,
  // but a page that is given its items, or reads RSS, never downloads them.
  return (await import('./json-news.js')).parseJsonNews(json, base, map, options.timeZone);
}

/**
 * Starts loading the JSON readers, so that a widget fetching a feed has them by
 * the time the body arrives (most feeds are JSON); parseNews awaits the same import.
 */
export const prepareJsonReader = (): void => void import('./json-news.js');

/** XML: starts with `<`, or holds an RSS/Atom root after junk (and is not JSON). */
export const isXml = (body: string) => body.startsWith('<') || (!/^[[{]/.test(body) && xmlStart(body) >= 0);

/** Parses and checks a `map` attribute value. */
export function parseFieldMap(text: string): FieldMap {
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch {
    throw new PortalError('config', 'map: not JSON');
  }
  if (!isObject(map) || typeof map.items !== 'string' || !Object.values(map).every((v) => typeof v === 'string'))
    throw new PortalError('config', 'map: needs "items" and string field paths');
  return map as FieldMap;
}

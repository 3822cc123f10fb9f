/**
 * Reading a news document's text within the bounds (../limits.ts): loaded on
 * demand by parseNews (./news.ts), so the bounds and the readers cost a widget
 * nothing until it has a feed to read.
 */
import { boundFeed, limitText } from '../limits.js';
import type { Feed } from '../model.js';
import { cleanBody, isXml, readJson, refuseHtml } from './document.js';
// Most feeds are JSON: its reader comes in this module's chunk, so no second request waits for the first.
import { parseJsonNews } from './json-news.js';
import type { FieldMap } from './json-value.js';

/** A news document's text as a feed (see parseNews): XML in slices, JSON through the JSON Feed or mapped reader. */
export async function readNews(text: string, base: string, map: FieldMap | string | undefined, timeZone?: string): Promise<Feed> {
  const body = cleanBody(text);
  refuseHtml(body);
  const xml = isXml(body);
  // A wrong map is a config error even for XML; its reader loads only when a map is given (./json-mapped.ts).
  const fields = typeof map === 'string' ? (await import('./json-mapped.js')).parseFieldMap(map) : map;
  const limited = await limitText(body, xml);
  return boundFeed(await read(limited.text, xml, base, fields, timeZone), limited);
}

async function read(body: string, xml: boolean, base: string, map: FieldMap | undefined, timeZone?: string): Promise<Feed> {
  if (xml) {
    const [{ parseXmlFeed }, { readXmlInSlices }] = await Promise.all([import('./xml-feed.js'), import('../limits/xml.js')]);
    return readXmlInSlices(body, (slice) => parseXmlFeed(slice, base, timeZone));
  }
  const json = readJson(body);
  return parseJsonNews(json, base, map, timeZone);
}

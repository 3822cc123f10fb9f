/**
 * RSS (2.0, 0.9x, 1.0) and Atom (1.0, 0.3), loaded on demand: a page whose
 * feeds are JSON never downloads the XML readers.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { parseAtom } from './atom.js';
import { entityText } from './entities.js';
import { ownText, useEntityTable } from './html-text.js';
import { parseRss } from './rss.js';
import type { ParseWarning } from './warnings.js';
import { parseXml } from './xml.js';

// Feeds' escaped HTML (`&lt;p&gt;Ch&amp;agrave;o`) names HTML entities: read them all.
useEntityTable(entityText);

export async function parseXmlFeed(text: string, base: string, timeZone?: string): Promise<Feed> {
  const warnings: ParseWarning[] = [];
  const doc = await parseXml(text, warnings);
  const root = doc.documentElement.localName;
  if (root === 'rss' || root === 'RDF') return ownStrings(parseRss(doc, base, warnings, timeZone));
  if (root === 'feed') return ownStrings(parseAtom(doc, base, warnings, timeZone));
  throw new PortalError('format', `<${root}>`);
}

/**
 * Every string of a just-read feed made its own (ownText), in place: xmldom (the
 * hub, the CLI) cuts each text and attribute from the whole document, and a
 * picture's URL is a match in the HTML it was found in (the body before its
 * handlers were renamed, in a browser too), which the item would otherwise
 * keep. The readers build every object and array fresh; dates are left as they are.
 */
function ownStrings<T>(value: T): T {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const v = fields[key];
    if (typeof v === 'string') fields[key] = ownText(v);
    else if (v && typeof v === 'object' && !(v instanceof Date)) ownStrings(v);
  }
  return value;
}

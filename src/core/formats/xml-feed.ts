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
import { cutsDocument, parseXml } from './xml.js';

// Feeds' escaped HTML (`&lt;p&gt;Ch&amp;agrave;o`) names HTML entities: read them all.
useEntityTable(entityText);

export async function parseXmlFeed(text: string, base: string, timeZone?: string): Promise<Feed> {
  const warnings: ParseWarning[] = [];
  const doc = await parseXml(text, warnings);
  const root = doc.documentElement.localName;
  const read = root === 'rss' || root === 'RDF' ? parseRss : root === 'feed' ? parseAtom : undefined;
  if (!read) throw new PortalError('format', `<${root}>`);
  const feed = read(doc, base, warnings, timeZone);
  return cutsDocument() ? ownStrings(feed) : feed;
}

/**
 * Every string of a just-read feed made its own (ownText), in place: xmldom (the
 * hub, the CLI) cuts each text and attribute from the whole document, which
 * the items would otherwise keep. One copy for equal strings (a guid that is
 * the link, a summary that is the plain description, a tag on every item).
 * Not in a browser: its texts are its own already, held outside the JS heap,
 * and a copy would move them into it. The readers build every object and
 * array fresh; dates are left as they are.
 */
function ownStrings<T>(value: T, copies = new Map<string, string>()): T {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const v = fields[key];
    if (typeof v === 'string') {
      let copy = copies.get(v);
      if (copy === undefined) copies.set(v, (copy = ownText(v)));
      fields[key] = copy;
    } else if (v && typeof v === 'object' && !(v instanceof Date)) ownStrings(v, copies);
  }
  return value;
}

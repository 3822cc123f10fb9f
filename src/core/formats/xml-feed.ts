/**
 * RSS (2.0, 0.9x, 1.0) and Atom (1.0, 0.3), loaded on demand: a page whose
 * feeds are JSON never downloads the XML readers.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { parseAtom } from './atom.js';
import { entityText } from './entities.js';
import { useEntityTable } from './html-text.js';
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
  // Only where the parser cuts its texts from the document (xmldom, in Node): a browser never loads it.
  return cutsDocument() ? (await import('./own-strings.js')).ownStrings(feed) : feed;
}

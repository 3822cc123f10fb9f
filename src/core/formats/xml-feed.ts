/**
 * RSS 2.0 and Atom 1.0, loaded on demand: a page whose feeds are JSON never
 * downloads the XML readers.
 */
import { PortalError } from '../errors.js';
import type { Feed } from '../model.js';
import { parseAtom } from './atom.js';
import { parseRss } from './rss.js';
import { parseXml } from './xml.js';

export function parseXmlFeed(text: string, base: string): Feed {
  const doc = parseXml(text);
  const root = doc.documentElement.localName;
  if (root === 'rss' || root === 'RDF') return parseRss(doc, base);
  if (root === 'feed') return parseAtom(doc, base);
  throw new PortalError('format', `<${root}>`);
}

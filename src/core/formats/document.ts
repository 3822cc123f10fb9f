/** Turning a response body into JSON, with the errors a reader can act on. */
import { PortalError } from '../errors.js';

/**
 * Removes byte-order marks (at the start, and the stray ones CMSs paste inside
 * text, where they would split words for search) and leading white space, and
 * NFC-normalizes: windows-1258 and some editors write Vietnamese with combining
 * tone marks, and "Hội nghị" must compare and search as in any other feed.
 */
export const cleanBody = (text: string) => text.replace(/\uFEFF/g, '').trimStart().normalize('NFC');

const looksLikeHtml = (text: string) => /^(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)[\s>]/i.test(text);

/** Refuses an HTML page (a login or error page served as 200) with a clear error. */
export function refuseHtml(body: string): void {
  if (looksLikeHtml(body)) throw new PortalError('format', 'HTML page');
}

/** Where an RSS/Atom root (or the XML declaration) starts, even after junk; -1 if none. */
export const xmlStart = (body: string) => body.search(/<(?:\?xml\s|(?:[\w-]+:)?(?:rss|feed|RDF)[\s>])/);

/** Parses a JSON body; an HTML page or broken JSON becomes a clear error. */
export function readJson(text: string): unknown {
  const body = cleanBody(text);
  refuseHtml(body);
  if (!body) throw new PortalError('parse', 'empty body');
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new PortalError('parse', (e as Error).message.slice(0, 160));
  }
}

/** XML: starts with `<`, or holds an RSS/Atom root after junk (and is not JSON). */
export const isXml = (body: string) => body.startsWith('<') || (!/^[[{]/.test(body) && xmlStart(body) >= 0);

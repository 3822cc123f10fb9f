/**
 * The Node path's copies (xml-feed.ts loads it when the XML parser cuts its
 * texts from the document): a browser never downloads it.
 */
import { ownText } from './html-text.js';

/**
 * Every string of a just-read feed made its own (ownText), in place: xmldom (the
 * hub, the CLI) cuts each text and attribute from the whole document, which
 * the items would otherwise keep. One copy for equal strings (a guid that is
 * the link, a summary that is the plain description, a tag on every item).
 * Not in a browser: its texts are its own already, held outside the JS heap,
 * and a copy would move them into it. The readers build every object and
 * array fresh; dates are left as they are.
 */
export function ownStrings<T>(value: T, copies = new Map<string, string>()): T {
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

/**
 * XML parsing for RSS and Atom. In a page it uses the browser's own DOMParser
 * (no bytes shipped); in Node, call {@link setXmlParser} once with a
 * DOMParser-like object (src/cli/xml-dom.ts wraps @xmldom/xmldom), so the CLI
 * and the hub read feeds with exactly the code the widgets use. Nothing here
 * touches `DOMParser` or `trustedTypes` before the first parse.
 *
 * Under Trusted Types, DOMParser takes only TrustedHTML, so the string is wrapped
 * by a `portal-widgets` policy created on first use; a page that enforces Trusted
 * Types and reads RSS/Atom adds `portal-widgets` to its `trusted-types` list.
 * XML documents never run scripts, so passing the text through is safe.
 */
import { PortalError } from '../errors.js';
import { refuseXmlEntities } from '../limits/xml.js';
import { inertHtml } from './inert-html.js';
import type { ParseWarning } from './warnings.js';

/** What the readers need of a DOMParser: the browser's, or @xmldom/xmldom's behind src/cli/xml-dom.ts. */
export interface XmlParser {
  parseFromString(text: string, type: 'application/xml'): Document;
}

type TTPolicy = { createHTML(s: string): unknown };
let parser: XmlParser | undefined;
/** The policy, `null` once the page's CSP refused it (asked once, so one violation at most). */
let policy: TTPolicy | null | undefined;

/** Sets the parser used for every RSS/Atom document from now on (Node: the CLI, the hub). */
export function setXmlParser(p: XmlParser): void {
  parser = p;
}

/**
 * Whether the parser's texts and attribute values are cuts of the document's
 * text, which a parsed item would keep whole: so xmldom's (the parser set here,
 * in Node). A browser's are strings of their own, held outside the JS heap.
 */
export const cutsDocument = (): boolean => parser !== undefined;

function trusted(text: string): unknown {
  const tt = (globalThis as { trustedTypes?: { createPolicy(n: string, o: object): TTPolicy } }).trustedTypes;
  if (!tt || parser) return text;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('portal-widgets', { createHTML: (s: string) => s });
    } catch {
      policy = null; // not in the page's trusted-types list: DOMParser may still accept a string
    }
  }
  return policy ? policy.createHTML(text) : text;
}

function parseOnce(text: string): Document | string {
  let doc: Document;
  try {
    doc = (parser ?? new DOMParser()).parseFromString(trusted(text) as string, 'application/xml');
  } catch (e) {
    throw new PortalError('config', `Trusted Types: allow the "portal-widgets" policy to read RSS/Atom (${String(e)})`);
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  return error ? (error.textContent ?? '').trim().split('\n')[0].slice(0, 160) : doc;
}

/** Junk before the root, an entity XML does not define, a bare `&`, a character XML forbids. */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const NEEDS_REPAIR = /^[^<]|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)|[\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F]/i;

/**
 * Parses an RSS/Atom document. It is first put through repairXml (./xml-repair.ts), so a
 * document only a forgiving reader can read is read (with one warning) without
 * a failed parse: a browser's failed parse makes a `<parsererror>` with a style
 * attribute, which a strict CSP reports. What still does not parse is a `parse` error.
 */
export async function parseXml(text: string, warnings: ParseWarning[] = []): Promise<Document> {
  // Entities are refused before any parser (the browser's expands them without bound).
  refuseXmlEntities(text);
  // The repairs load only for a document that needs one (most do not).
  const repaired = NEEDS_REPAIR.test(text) ? (await import('./xml-repair.js')).repairXml(text) : text;
  // XHTML content's handlers too (Atom type="xhtml"): the parsed document holds them as elements.
  const result = parseOnce(inertHtml(repaired));
  if (typeof result === 'string') throw new PortalError('parse', result);
  if (repaired !== text) warnings.push({ path: '', problem: 'xml-repaired', effect: 'repair' });
  return result;
}

/** Direct children of `el` with the local name `name`, any namespace prefix. */
export function children(el: Element, name: string): Element[] {
  return Array.from(el.children).filter((c) => c.localName === name);
}

/** Trimmed text of the first direct child called `name` (e.g. `title`, `dc:creator` → `creator`). */
export function childText(el: Element, name: string): string | undefined {
  const text = children(el, name)[0]?.textContent?.trim();
  return text || undefined;
}

/** The URL relative references in `el` resolve against: `xml:base` of it and its ancestors, over `base`. */
export function baseOf(el: Element | null, base: string): string {
  if (!el) return base;
  const own = el.getAttribute('xml:base');
  const outer = baseOf(el.parentNode?.nodeType === 1 ? (el.parentNode as Element) : null, base);
  if (!own) return outer;
  try {
    return new URL(own, outer).href;
  } catch {
    return outer;
  }
}

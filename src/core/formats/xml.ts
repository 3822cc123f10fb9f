/**
 * XML parsing for RSS and Atom with the browser's own parser (no bytes shipped).
 * Under Trusted Types, DOMParser takes only TrustedHTML, so the string is wrapped
 * by a `portal-widgets` policy created on first use; a page that enforces Trusted
 * Types and reads RSS/Atom adds `portal-widgets` to its `trusted-types` list.
 * XML documents never run scripts, so passing the text through is safe.
 */
import { PortalError } from '../errors.js';
import { refuseXmlEntities } from '../limits/xml.js';

type TTPolicy = { createHTML(s: string): unknown };
let policy: TTPolicy | undefined;

export function parseXml(text: string): Document {
  refuseXmlEntities(text);
  const tt = (globalThis as { trustedTypes?: { createPolicy(n: string, o: object): TTPolicy } }).trustedTypes;
  let input: unknown = text;
  if (tt) {
    try {
      policy ??= tt.createPolicy('portal-widgets', { createHTML: (s: string) => s });
      input = policy.createHTML(text);
    } catch {
      // The page's CSP does not allow our policy; DOMParser may still accept a string.
    }
  }
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(input as string, 'application/xml');
  } catch (e) {
    throw new PortalError('config', `Trusted Types: allow the "portal-widgets" policy to read RSS/Atom (${String(e)})`);
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new PortalError('parse', (error.textContent ?? '').trim().split('\n')[0].slice(0, 160));
  return doc;
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

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
import { xmlStart } from './document.js';
import { entityText } from './entities.js';
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

const XML_NAMED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * What readers recover: junk before the root element, HTML named entities without
 * a DTD (`&nbsp;`), a bare `&` in a URL, characters XML forbids (control
 * characters). CDATA sections and comments are left as they are. A document
 * with its own DTD subset (which may declare entities) is left alone.
 */
export function repairXml(text: string): string {
  const start = xmlStart(text);
  const body = start > 0 ? text.slice(start) : text;
  if (/<!DOCTYPE[^<>[]*\[/i.test(body)) return body;
  return outsideMarkup(body, (part) =>
    part
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      .replace(/[\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F]/g, '')
      .replace(/&(?:(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});)?/gi, (all, name?: string) => {
        if (!name) return '&amp;';
        if (name[0] === '#' || XML_NAMED.has(name)) return all;
        const c = entityText(name);
        return c ? `&#${c.codePointAt(0)};` : `&amp;${name};`;
      }),
  );
}

/**
 * `fix` applied to the text outside CDATA sections and comments, which are kept
 * as written. A scan with indexOf, not a regular expression: linear however
 * many unclosed `<![CDATA[` a hostile document holds.
 */
function outsideMarkup(text: string, fix: (part: string) => string): string {
  const next = (token: string, from: number) => {
    const i = text.indexOf(token, from);
    return i < 0 ? Infinity : i;
  };
  let out = '';
  let at = 0;
  let cdata = next('<![CDATA[', 0);
  let comment = next('<!--', 0);
  while (at < text.length) {
    if (cdata < at) cdata = next('<![CDATA[', at);
    if (comment < at) comment = next('<!--', at);
    const open = Math.min(cdata, comment);
    if (open === Infinity) break;
    const close = text.indexOf(open === cdata ? ']]>' : '-->', open);
    const end = close < 0 ? text.length : close + 3;
    out += fix(text.slice(at, open)) + text.slice(open, end);
    at = end;
  }
  return out + fix(text.slice(at));
}

/**
 * Parses an RSS/Atom document. It is first put through {@link repairXml}, so a
 * document only a forgiving reader can read is read (with one warning) without
 * a failed parse: a browser's failed parse makes a `<parsererror>` with a style
 * attribute, which a strict CSP reports. What still does not parse is a `parse` error.
 */
export function parseXml(text: string, warnings: ParseWarning[] = []): Document {
  const repaired = repairXml(text);
  // XHTML content's handlers too (Atom type="xhtml"): the parsed document holds them as elements.
  const result = parseOnce(outsideMarkup(repaired, inertHtml));
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

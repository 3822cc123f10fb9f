/**
 * Atom 1.0 (RFC 4287) and Atom 0.3 → {@link Feed}. The item's link is the
 * `rel="alternate"` (else rel-less) link of type text/html; `xml:base` is
 * honoured; `href=""` is no link. Atom 0.3 dates are `issued`/`modified`.
 */
import type { Feed, NewsItem } from '../model.js';
import { safeUrl } from '../urls.js';
import { checkedUrl, Invalid } from './fields.js';
import { htmlToText, plainText } from './html-text.js';
import { inert } from './inert-html.js';
import type { ParseWarning } from './warnings.js';
import { readEach } from './read-each.js';
import { baseOf, children, childText } from './xml.js';
import { firstImage, orNone, readDate, readMedia } from './xml-item.js';

export function parseAtom(doc: Document, base: string, warnings: ParseWarning[] = [], timeZone?: string): Feed {
  const root = doc.documentElement;
  const items = readEach(children(root, 'entry'), 'items', warnings, (el, path) => readEntry(el, path, base, warnings, timeZone));
  return {
    title: text(children(root, 'title')[0]),
    homePageUrl: safeUrl(...link(root, 'alternate', base)),
    nextUrl: safeUrl(...link(root, 'next', base)),
    language: root.getAttribute('xml:lang') ?? undefined,
    items,
    warnings,
  };
}

/** The href of the best `<link>` for `rel` (HTML first), and the base it resolves against. */
function link(el: Element, rel: string, base: string): [string | undefined, string] {
  const candidates = children(el, 'link').filter((l) => (l.getAttribute('rel') || 'alternate') === rel && l.getAttribute('href')?.trim());
  const html = (l: Element) => /^(text\/html|application\/xhtml\+xml)?$/.test(l.getAttribute('type') ?? '');
  const found = candidates.find(html) ?? candidates[0];
  return found ? [found.getAttribute('href')!, baseOf(found, base)] : [undefined, base];
}

/** A text construct as HTML (`html`, `xhtml`, 0.3 `mode="escaped"`) or as text. */
function construct(el: Element | undefined): { html?: string; text?: string } {
  if (!el) return {};
  const type = el.getAttribute('type') ?? '';
  const mode = el.getAttribute('mode');
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') {
    // The content of its <div>; a 0.3 `mode="xml"` body may have no wrapper.
    const only = el.children.length === 1 ? el.children[0] : undefined;
    const wrapper = only?.localName === 'div' && Array.from(el.childNodes).every((n) => n === only || !n.textContent?.trim()) ? only : el;
    return { html: Array.from(wrapper.childNodes, toHtml).join('') };
  }
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return { html: el.textContent ?? '' };
  return { text: el.textContent?.trim() || undefined };
}

const escape = (s: string, re: RegExp) => s.replace(re, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);
const VOID = /^(area|br|col|embed|hr|img|input|source|track|wbr)$/;

/**
 * XHTML content as HTML, written by this reader rather than by the DOM's own
 * serializer, so that every engine (browsers, xmldom) gives the same string;
 * namespace declarations are left out, as HTML does not need them.
 */
function toHtml(node: Node): string {
  if (node.nodeType === 3 || node.nodeType === 4) return escape(node.nodeValue ?? '', /[&<>]/g);
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const name = el.localName;
  const attrs = Array.from(el.attributes)
    .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
    .map((a) => ` ${a.localName}="${escape(a.value, /[&"<>]/g)}"`)
    .join('');
  return VOID.test(name) ? `<${name}${attrs}>` : `<${name}${attrs}>${Array.from(el.childNodes, toHtml).join('')}</${name}>`;
}

/** A text construct shown as text: a title, a summary. */
function text(el: Element | undefined): string | undefined {
  const c = construct(el);
  return c.html !== undefined ? htmlToText(c.html) || undefined : plainText(c.text);
}

function readEntry(el: Element, path: string, feedBase: string, warnings: ParseWarning[], timeZone?: string): NewsItem {
  const base = baseOf(el, feedBase);
  const title = text(children(el, 'title')[0]);
  if (!title) throw new Invalid(`${path}.title`, 'missing');
  const contentEl = children(el, 'content')[0];
  const content = construct(contentEl);
  const [href, hrefBase] = link(el, 'alternate', base);
  const url = checkedUrl(href, `${path}.link`, hrefBase, warnings);
  const media = readMedia(el, base);
  const published = readDate(el, ['published', 'issued', 'created'], path, warnings, timeZone);
  const updated = readDate(el, ['updated', 'modified'], path, warnings, timeZone);
  return {
    id: childText(el, 'id') ?? url ?? title,
    title,
    url,
    summary: text(children(el, 'summary')[0]),
    contentHtml: inert(content.html),
    contentText: content.text,
    image: media.image ?? firstImage(content.html, baseOf(contentEl ?? el, feedBase)),
    published: published ?? updated,
    modified: published ? updated : undefined,
    authors: orNone(
      children(el, 'author').flatMap((a) => {
        const name = plainText(childText(a, 'name'));
        return name ? [{ name, url: safeUrl(childText(a, 'uri') ?? childText(a, 'url'), base) }] : [];
      }),
    ),
    tags: orNone(children(el, 'category').map((c) => c.getAttribute('label') ?? c.getAttribute('term') ?? '').filter(Boolean)),
    attachments: media.attachments,
  };
}

/** Atom 1.0 (RFC 4287) → {@link Feed}. */
import type { Feed, NewsItem } from '../model.js';
import { safeUrl } from '../urls.js';
import { Invalid, parseDate } from './fields.js';
import { htmlToText } from './html-text.js';
import { children, childText } from './xml.js';

export function parseAtom(doc: Document, base: string): Feed {
  const root = doc.documentElement;
  const warnings: string[] = [];
  const items: NewsItem[] = [];
  children(root, 'entry').forEach((el, i) => {
    try {
      items.push(readEntry(el, `items[${i}]`, base, warnings));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      warnings.push(e.message);
    }
  });
  return {
    title: childText(root, 'title'),
    homePageUrl: link(root, 'alternate', base),
    nextUrl: link(root, 'next', base),
    language: root.getAttribute('xml:lang') ?? undefined,
    items,
    warnings,
  };
}

function link(el: Element, rel: string, base: string): string | undefined {
  const found = children(el, 'link').find((l) => (l.getAttribute('rel') ?? 'alternate') === rel);
  return found ? safeUrl(found.getAttribute('href'), base) : undefined;
}

/** Text of a text construct; `html` and `xhtml` bodies are returned as HTML. */
function textConstruct(el: Element | undefined): { html?: string; text?: string } {
  if (!el) return {};
  const type = el.getAttribute('type');
  if (type === 'xhtml') return { html: el.children[0]?.innerHTML ?? '' };
  if (type === 'html') return { html: el.textContent ?? '' };
  return { text: el.textContent?.trim() || undefined };
}

function date(el: Element, name: string, path: string): Date | undefined {
  const raw = childText(el, name);
  if (!raw) return undefined;
  const d = parseDate(raw);
  if (!d) throw new Invalid(`${path}.${name}: not a date`);
  return d;
}

function readEntry(el: Element, path: string, base: string, warnings: string[]): NewsItem {
  const t = textConstruct(children(el, 'title')[0]);
  const title = t.text ?? (t.html !== undefined ? htmlToText(t.html) : undefined);
  if (!title) throw new Invalid(`${path}.title: missing`);
  const summary = textConstruct(children(el, 'summary')[0]);
  const content = textConstruct(children(el, 'content')[0]);
  const url = link(el, 'alternate', base);
  const enclosures = children(el, 'link').filter((l) => l.getAttribute('rel') === 'enclosure');
  const attachments = enclosures.flatMap((l) => {
    const href = safeUrl(l.getAttribute('href'), base);
    if (!href) warnings.push(`${path}.link: URL not allowed`);
    const type = l.getAttribute('type') ?? 'application/octet-stream';
    const length = Number(l.getAttribute('length'));
    return href ? [{ url: href, mimeType: type, title: l.getAttribute('title') ?? undefined, sizeInBytes: length > 0 ? length : undefined }] : [];
  });
  const image = attachments.find((a) => a.mimeType.startsWith('image/'))?.url;
  const published = date(el, 'published', path);
  return {
    id: childText(el, 'id') ?? url ?? title,
    title,
    url,
    summary: summary.text ?? (summary.html !== undefined ? htmlToText(summary.html) : undefined),
    contentHtml: content.html,
    contentText: content.text,
    image,
    published: published ?? date(el, 'updated', path),
    modified: published ? date(el, 'updated', path) : undefined,
    authors: children(el, 'author').flatMap((a) => {
      const name = childText(a, 'name');
      return name ? [{ name, url: safeUrl(childText(a, 'uri'), base) }] : [];
    }),
    tags: children(el, 'category').map((c) => c.getAttribute('label') ?? c.getAttribute('term') ?? '').filter(Boolean),
    attachments: attachments.filter((a) => !a.mimeType.startsWith('image/')),
  };
}

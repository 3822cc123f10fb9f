/**
 * RSS 2.0 → {@link Feed}: content:encoded, enclosure, media:thumbnail and
 * media:content, category, dc:creator, CDATA, RFC 822 dates.
 */
import type { Attachment, Feed, NewsItem } from '../model.js';
import { safeUrl } from '../urls.js';
import { Invalid, parseDate } from './fields.js';
import { htmlToText } from './html-text.js';
import { children, childText } from './xml.js';

export function parseRss(doc: Document, base: string): Feed {
  const channel = children(doc.documentElement, 'channel')[0] ?? doc.documentElement;
  const warnings: string[] = [];
  const items: NewsItem[] = [];
  children(channel, 'item').forEach((el, i) => {
    try {
      items.push(readItem(el, `items[${i}]`, base, warnings));
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      warnings.push(e.message);
    }
  });
  return {
    title: childText(channel, 'title'),
    homePageUrl: safeUrl(childText(channel, 'link'), base),
    language: childText(channel, 'language'),
    items,
    warnings,
  };
}

function readItem(el: Element, path: string, base: string, warnings: string[]): NewsItem {
  const link = childText(el, 'link');
  const url = safeUrl(link, base);
  if (link && !url) warnings.push(`${path}.link: URL not allowed`);
  const description = childText(el, 'description');
  const encoded = childText(el, 'encoded');
  const title = childText(el, 'title') ?? (description ? htmlToText(description).slice(0, 120) : undefined);
  if (!title) throw new Invalid(`${path}.title: missing`);
  const pubDate = childText(el, 'pubDate') ?? childText(el, 'date');
  const published = pubDate ? parseDate(pubDate) : undefined;
  if (pubDate && !published) throw new Invalid(`${path}.pubDate: not a date`);
  const attachments: Attachment[] = [];
  let image: string | undefined;
  for (const m of [...children(el, 'enclosure'), ...children(el, 'content'), ...children(el, 'thumbnail')]) {
    const src = safeUrl(m.getAttribute('url'), base);
    if (!src) continue;
    const type = m.getAttribute('type') ?? (m.localName === 'thumbnail' || m.getAttribute('medium') === 'image' ? 'image/*' : '');
    if (type.startsWith('image/')) image ??= src;
    else if (type) {
      const length = Number(m.getAttribute('length') ?? m.getAttribute('fileSize'));
      const duration = Number(m.getAttribute('duration'));
      attachments.push({
        url: src,
        mimeType: type,
        sizeInBytes: length > 0 ? length : undefined,
        durationInSeconds: duration > 0 ? duration : undefined,
      });
    }
  }
  const author = childText(el, 'creator') ?? childText(el, 'author');
  return {
    id: childText(el, 'guid') ?? url ?? `${title}|${pubDate ?? ''}`,
    title,
    url,
    summary: description ? htmlToText(description) || undefined : undefined,
    contentHtml: encoded ?? (description && /<[a-z]/i.test(description) ? description : undefined),
    contentText: !encoded && description && !/<[a-z]/i.test(description) ? description : undefined,
    image,
    published,
    authors: author ? [{ name: author }] : [],
    tags: children(el, 'category').map((c) => c.textContent!.trim()).filter(Boolean),
    attachments,
  };
}

/**
 * RSS 2.0, 0.91/0.92 and 1.0 (RDF, whose items are siblings of `<channel>`) →
 * {@link Feed}: content:encoded, enclosure, media:*, itunes:image, category,
 * dc:creator, dc:date, CDATA, xml:base. An item without `<link>` uses a
 * permalink `<guid>`; one without a picture element takes the first `<img>` of
 * its description (how Vietnamese news RSS carries it).
 */
import type { Feed, NewsItem } from '../model.js';
import { safeUrl } from '../urls.js';
import { checkedUrl, Invalid } from './fields.js';
import { htmlToText, plainText } from './html-text.js';
import { inert } from './inert-html.js';
import type { ParseWarning } from './warnings.js';
import { readEach } from './read-each.js';
import { baseOf, children, childText } from './xml.js';
import { firstImage, NONE, orNone, readDate, readMedia } from './xml-item.js';

export function parseRss(doc: Document, base: string, warnings: ParseWarning[] = [], timeZone?: string): Feed {
  const root = doc.documentElement;
  const channel = children(root, 'channel')[0] ?? root;
  const list = children(channel, 'item');
  const entries = list.length ? list : children(root, 'item');
  const items = readEach(entries, 'items', warnings, (el, path) => readItem(el, path, baseOf(el, base), warnings, timeZone));
  return {
    title: plainText(childText(channel, 'title')),
    homePageUrl: safeUrl(textLink(channel), baseOf(channel, base)),
    language: childText(channel, 'language'),
    items,
    warnings,
  };
}

/** The text of the first `<link>` that has text (an `atom:link` beside it has none), else an `href`. */
function textLink(el: Element): string | undefined {
  const links = children(el, 'link');
  return links.map((l) => l.textContent?.trim()).find(Boolean) ?? links.find((l) => l.getAttribute('rel') !== 'self' && l.getAttribute('href'))?.getAttribute('href') ?? undefined;
}

const HTML = /<[a-z][^<>]*>/i;

function readItem(el: Element, path: string, base: string, warnings: ParseWarning[], timeZone?: string): NewsItem {
  const guid = children(el, 'guid')[0];
  const guidText = guid?.textContent?.trim() || undefined;
  // A guid is a link when it says so (isPermaLink="true", even relative) or, by default, when it is an http(s) URL.
  const isPermaLink = guid?.getAttribute('isPermaLink');
  const permalink = guidText && (isPermaLink === 'true' || (isPermaLink === null && /^https?:\/\//i.test(guidText))) ? guidText : undefined;
  const link = textLink(el);
  const url = checkedUrl(link, `${path}.link`, base, warnings) ?? safeUrl(permalink, base);
  const description = childText(el, 'description');
  const encoded = childText(el, 'encoded');
  const descriptionText = description && htmlToText(description);
  const title = plainText(childText(el, 'title')) ?? (descriptionText?.slice(0, 120) || undefined);
  if (!title) throw new Invalid(`${path}.title`, 'missing');
  const published = readDate(el, ['pubDate', 'date', 'published', 'issued'], path, warnings, timeZone);
  const modified = readDate(el, ['updated', 'modified'], path, warnings, timeZone);
  const media = readMedia(el, base);
  const author = plainText(childText(el, 'creator') ?? childText(el, 'author'));
  const descriptionIsHtml = description !== undefined && HTML.test(description);
  return {
    // One string where two would say the same (a guid that is the link, a plain description that is the summary).
    id: guidText && guidText === url ? url : (guidText ?? url ?? `${title}|${published?.toISOString() ?? ''}`),
    title,
    url,
    summary: descriptionText === description ? description : descriptionText || undefined,
    contentHtml: inert(encoded ?? (descriptionIsHtml ? description : undefined)),
    contentText: !encoded && description && !descriptionIsHtml ? description : undefined,
    image: media.image ?? firstImage(encoded, base) ?? firstImage(description, base),
    published,
    modified,
    authors: author ? [{ name: author }] : NONE,
    tags: orNone(children(el, 'category').map((c) => plainText(c.textContent ?? '') ?? '').filter(Boolean)),
    attachments: media.attachments,
  };
}

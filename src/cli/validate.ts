/**
 * The feed checker: reads a news document with the same parsers the widgets
 * use (src/core/formats) and reports, field by field, what the widgets would
 * skip or drop, plus what would make the feed work better with them.
 */
import { PortalError, toPortalError } from '../core/errors.js';
import { cleanBody } from '../core/formats/document.js';
import { isObject } from '../core/formats/fields.js';
import { getPath, parseFieldMap, parseNews, type FieldMap } from '../core/formats/news.js';
import { messages, type Lang } from '../core/i18n/index.js';
import type { Feed } from '../core/model.js';
import { cliMessages } from './messages.js';

export interface Report {
  /** False when no widget could show this feed. */
  usable: boolean;
  lines: string[];
  feed?: Feed;
}

export interface CheckOptions {
  lang: Lang;
  /** URL the document was read from (relative URLs resolve against it). */
  url: string;
  /** A `map` attribute value, for a CMS's own JSON. */
  map?: string;
}

/** Warnings that drop one field (or attachment) and keep the item; every other warning skips the item. */
const DROPS_FIELD = /URL not allowed|needs url and mime_type|attachments\[\d+\]: not an object/;

/** `items[3].date_published: not a date` → the same, with the reason in the report's language. */
function explain(warning: string, lang: Lang): string {
  const m = cliMessages[lang];
  const at = warning.indexOf(': ');
  if (at < 0) return warning;
  const path = warning.slice(0, at);
  const reason = warning.slice(at + 2);
  const key = Object.keys(m.reasons).find((k) => reason.startsWith(k));
  const told = key ? m.reasons[key] + reason.slice(key.length) : reason;
  return `${path}: ${told} (${DROPS_FIELD.test(warning) ? m.dropped : m.skipped})`;
}

/** What the document is, and how many entries it has before any is skipped. */
function describe(body: string, map?: FieldMap): { format: string; total: number } {
  if (body.startsWith('<')) {
    const atom = /<feed[\s>]/.test(body) && !/<rss[\s>]/.test(body);
    return { format: atom ? 'Atom 1.0' : 'RSS 2.0', total: (body.match(atom ? /<entry[\s>]/g : /<item[\s>]/g) ?? []).length };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { format: 'JSON', total: 0 };
  }
  if (map) {
    const list = map.items ? getPath(json, map.items) : json;
    return { format: `JSON (map: ${map.items || '(root)'})`, total: Array.isArray(list) ? list.length : 0 };
  }
  const version = isObject(json) && typeof json.version === 'string' ? json.version : '';
  const items = isObject(json) && Array.isArray(json.items) ? json.items.length : 0;
  return { format: version.includes('jsonfeed.org') ? `JSON Feed ${version.replace(/^.*\/version\//, '').replace(/\/$/, '')}` : 'JSON', total: items };
}

/** Checks one document's text; never throws. */
export async function checkFeed(text: string, options: CheckOptions): Promise<Report> {
  const { lang, url } = options;
  const m = cliMessages[lang];
  const lines: string[] = [];
  const body = cleanBody(text);
  let map: FieldMap | undefined;
  try {
    map = options.map ? parseFieldMap(options.map) : undefined;
  } catch (e) {
    return fatal(toPortalError(e), lang, lines);
  }
  const { format, total } = describe(body, map);
  lines.push(`${m.format}: ${format}`);
  let feed: Feed;
  try {
    feed = await parseNews(text, url, map);
  } catch (e) {
    return fatal(toPortalError(e), lang, lines);
  }
  lines.push(m.read(feed.items.length, Math.max(total, feed.items.length)));
  for (const w of feed.warnings) lines.push(`  ✖ ${explain(w, lang)}`);

  const advice: string[] = [];
  const seen = new Map<string, number>();
  feed.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) advice.push(m.duplicateId(item.id, `items[${first}]`));
    else seen.set(item.id, i);
  });
  const noDate = feed.items.filter((i) => !i.published).length;
  if (noDate) advice.push(m.noDate(noDate));
  const noUrl = feed.items.filter((i) => !i.url).length;
  if (noUrl) advice.push(m.noUrl(noUrl));
  if (!total && !feed.items.length) advice.push(m.empty);
  if (advice.length) lines.push(`${m.advice}:`, ...advice.map((a) => `  • ${a}`));

  const usable = feed.items.length > 0 || total === 0;
  lines.push(usable ? m.usable : m.unusable);
  return { usable, lines, feed };
}

function fatal(error: PortalError, lang: Lang, lines: string[]): Report {
  const m = cliMessages[lang];
  lines.push(`  ✖ ${m.fatal}: ${messages(lang).errors[error.code]}${error.detail ? ` (${error.detail})` : ''}`, m.unusable);
  return { usable: false, lines };
}

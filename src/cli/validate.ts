/**
 * The feed checker: reads a news document with the same parsers the widgets
 * use (src/core/formats) and reports, field by field, what the widgets would
 * skip or drop, plus what would make the feed work better with them.
 */
import { readFile } from 'node:fs/promises';
import { PortalError, toPortalError } from '../core/errors.js';
import { decodeBody, detectCharset, type Charset } from '../core/formats/charset.js';
import { cleanBody, isXml, refuseHtml, xmlStart } from '../core/formats/document.js';
import { isObject } from '../core/formats/fields.js';
import { getPath, parseNews, type FieldMap } from '../core/formats/news.js';
import type { ParseWarning } from '../core/formats/warnings.js';
import type { Lang } from '../core/i18n/index.js';
import { messages } from '../core/i18n/messages.js';
import type { Feed } from '../core/model.js';
import { cliMessages, type ReadFailure } from './messages.js';
import { useNodeXmlParser } from './xml-dom.js';

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
  /** A `map` attribute's field map (parseFieldMap), for a CMS's own JSON. */
  map?: FieldMap;
  /** The encoding the bytes were read in (reported on its own line). */
  charset?: Charset;
}

export interface Target {
  text: string;
  /** The URL its relative links resolve against. */
  url: string;
  charset: Charset;
}

/** What readTarget threw, as a {@link ReadFailure}: fetch's own error says only "fetch failed", its `cause` says why. */
export function readFailure(e: unknown): ReadFailure {
  const error = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const cause = error.cause ?? error;
  return { code: error.name === 'TimeoutError' ? 'TIMEOUT' : (cause.code ?? error.code), detail: cause.message ?? String(e) };
}

/**
 * Reads a local file or fetches a URL and decodes it as the widgets' feed store
 * does (BOM, Content-Type charset, XML declaration, UTF-8). What it throws,
 * {@link readFailure} explains.
 */
export async function readTarget(target: string, base: string): Promise<Target> {
  if (/^https?:\/\//i.test(target)) {
    const res = await fetch(target, { signal: AbortSignal.timeout(15000), headers: { accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, */*' } });
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status} ${res.statusText}`), { code: 'HTTP' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type');
    return { text: decodeBody(bytes, type), url: res.url || target, charset: detectCharset(bytes, type) };
  }
  const bytes = new Uint8Array(await readFile(target));
  // A file's relative URLs are read against --base: file: URLs are never allowed in a feed.
  return { text: decodeBody(bytes), url: new URL(target.split(/[\\/]/).pop() ?? '', base).href, charset: detectCharset(bytes) };
}

/** `items[3].date_published: not a date (item skipped)`, from the warning's data, in the report's language. */
export function explain(w: ParseWarning, lang: Lang): string {
  const m = cliMessages[lang];
  return `${w.path ? `${w.path}: ` : ''}${m.problems[w.problem]}${w.value ? ` (${w.value})` : ''} (${m.effects[w.effect]})`;
}

/** An HTML page rather than a feed, as the readers tell one (they refuse it). */
function isHtmlPage(body: string): boolean {
  try {
    refuseHtml(body);
    return false;
  } catch {
    return true;
  }
}

/** What the document is, and how many entries it has before any is skipped. */
export function describe(body: string, map?: FieldMap): { format: string; total: number } {
  if (isXml(body)) {
    const xml = body.slice(Math.max(0, xmlStart(body)));
    const root = /<(?:[\w-]+:)?(rss|feed|RDF)\b([^>]*)>/.exec(xml);
    const attrs = root?.[2] ?? '';
    const version = /\bversion\s*=\s*["']([^"']+)/.exec(attrs)?.[1];
    const format =
      root?.[1] === 'RDF' ? 'RSS 1.0 (RDF)'
      : root?.[1] === 'feed' ? (/purl\.org\/atom\/ns#/.test(attrs) || version === '0.3' ? 'Atom 0.3' : 'Atom 1.0')
      : root ? `RSS ${version ?? '2.0'}`
      : isHtmlPage(body) ? 'HTML'
      : 'XML'; // no feed's root element: what the reader says of it follows
    return { format, total: (xml.match(root?.[1] === 'feed' ? /<(?:[\w-]+:)?entry[\s>]/g : /<(?:[\w-]+:)?item[\s>]/g) ?? []).length };
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
  const { map } = options;
  const { format, total } = describe(body, map);
  lines.push(`${m.format}: ${format}`);
  if (options.charset) lines.push(m.charset(options.charset));
  if (isXml(body)) useNodeXmlParser();
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

/** A reader's error in the report's language, with what it was about: `… chưa đúng (map: not JSON)`. */
export const errorText = (error: PortalError, lang: Lang) => `${messages(lang).errors[error.code]}${error.detail ? ` (${error.detail})` : ''}`;

function fatal(error: PortalError, lang: Lang, lines: string[]): Report {
  lines.push(`  ✖ ${cliMessages[lang].fatal}: ${errorText(error, lang)}`, cliMessages[lang].unusable);
  return { usable: false, lines };
}

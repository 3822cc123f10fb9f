/**
 * The bounds that keep one hostile feed from freezing or crashing a reader's tab
 * (or exhausting the hub, which parses with the same code): entity declarations
 * refused, text fields cut, oversized bodies not rendered, deep HTML flattened,
 * items beyond a count not parsed. Each cut leaves a warning naming what was
 * cut. docs/limits.md gives the figures; no real feed comes near them (the
 * 146-document corpus reads the same with and without them).
 */
import { PortalError } from './errors.js';
import type { Feed, NewsItem } from './model.js';

/** The bounds. Mutable for the corpus check only, which lifts them to compare. */
export const LIMITS = {
  /** Characters of a title (item, feed), a tag or an author's name: browsers lay out one huge text run for tens of seconds. */
  titleChars: 500,
  /** Characters of a summary. */
  summaryChars: 50_000,
  /** UTF-8 bytes of `content_html` or `content_text`; a larger body is not rendered but linked to the original. */
  contentBytes: 1_000_000,
  /** Elements nested deeper than this in `content_html` are unwrapped (their text kept) before sanitizing. */
  htmlDepth: 256,
  /** Items read from one document; those after it (older: feeds list newest first) are not parsed. */
  items: 10_000,
};

/**
 * The one place a bound's warning is worded, so that the warning shape of the
 * parsers changes here alone: `items[0].title: 1048576 characters, more than 500 (cut to 500)`.
 */
export function limitWarning(path: string, problem: string, effect: string): string {
  return `${path}: ${problem} (${effect})`;
}

/** Milliseconds of parse work between two yields to the event loop. */
const SLICE_MS = 30;

/** Lets the page handle input and paint between two slices of parse work. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Refuses XML whose DOCTYPE declares entities (internal or external), before any
 * DOMParser sees it: one 100 KB entity referenced 2,000 times expands to 200 MB
 * in Chromium. Browsers never load an external DTD, so a DOCTYPE without an
 * internal subset is harmless and passes.
 */
export function refuseXmlEntities(text: string): void {
  let i = 0;
  // Skip the prolog: white space (a byte-order mark too), the XML declaration, processing instructions, comments.
  for (;;) {
    while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
    const close = text.startsWith('<?', i) ? '?>' : text.startsWith('<!--', i) ? '-->' : undefined;
    if (!close) break;
    const end = text.indexOf(close, i);
    if (end < 0) return; // unterminated: the parser reports it
    i = end + close.length;
  }
  if (text.slice(i, i + 9).toUpperCase() !== '<!DOCTYPE') return;
  // An internal subset starts at a `[` before the DOCTYPE's closing `>`, quoted strings aside.
  for (i += 9; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '>') return;
    else if (c === '[') break;
  }
  if (text.indexOf('<!ENTITY', i) >= 0) throw new PortalError('format', 'XML DOCTYPE declares entities: not read');
}

/** A cut that keeps whole UTF-16 characters, with an ellipsis. */
function cutText(text: string, max: number): string {
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** `text` cut to `max` characters, with a warning at `path` when it was longer. */
export function capText(text: string, max: number, path: string, warnings: string[]): string;
export function capText(text: string | undefined, max: number, path: string, warnings: string[]): string | undefined;
export function capText(text: string | undefined, max: number, path: string, warnings: string[]): string | undefined {
  if (text === undefined || text.length <= max) return text;
  warnings.push(limitWarning(path, `${text.length} characters, more than ${max}`, `cut to ${max}`));
  return cutText(text, max);
}

/** Whether `text` has more than `max` UTF-8 bytes, without encoding it. */
export function overBytes(text: string, max: number): boolean {
  if (text.length > max) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 1 byte below 0x80, 2 below 0x800, else 3; a surrogate pair is 4 bytes, 2 per unit.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xe000 ? 2 : 3;
    if (bytes > max) return true;
  }
  return false;
}

/** One item within the bounds: text fields cut, an oversized body dropped (the article links to the original). */
function boundItem(item: NewsItem, path: string, warnings: string[]): NewsItem {
  const { titleChars, summaryChars, contentBytes } = LIMITS;
  let bounded = item;
  const set = (change: Partial<NewsItem>) => (bounded = { ...bounded, ...change });
  const tooLarge = (field: string) => limitWarning(`${path}.${field}`, `more than ${contentBytes} bytes`, 'not rendered, linked to the original');
  if (item.title.includes(CUT_MARK)) {
    warnings.push(tooLarge('title'));
    set({ title: '…' });
  } else if (item.title.length > titleChars) set({ title: capText(item.title, titleChars, `${path}.title`, warnings) });
  if (item.summary?.includes(CUT_MARK)) {
    warnings.push(tooLarge('summary'));
    set({ summary: undefined });
  } else if (item.summary && item.summary.length > summaryChars) set({ summary: capText(item.summary, summaryChars, `${path}.summary`, warnings) });
  for (const [key, field] of [['contentHtml', 'content_html'], ['contentText', 'content_text']] as const) {
    const body = item[key];
    if (body === undefined || !(body.includes(CUT_MARK) || overBytes(body, contentBytes))) continue;
    warnings.push(tooLarge(field));
    set({ [key]: undefined, contentTooLarge: true });
  }
  if (item.tags.some((t) => t.length > titleChars)) set({ tags: item.tags.map((t, i) => capText(t, titleChars, `${path}.tags[${i}]`, warnings)) });
  if (item.authors.some((a) => a.name.length > titleChars))
    set({ authors: item.authors.map((a, i) => ({ ...a, name: capText(a.name, titleChars, `${path}.authors[${i}].name`, warnings) })) });
  return bounded;
}

/**
 * `feed` within the bounds; `itemsCut` says that items beyond the count were
 * not parsed ({@link limitText}), which is warned about here.
 */
export function boundFeed(feed: Feed, itemsCut = false): Feed {
  const warnings = [...feed.warnings];
  const title = capText(feed.title, LIMITS.titleChars, 'title', warnings);
  if (itemsCut) warnings.push(limitWarning('items', `more than ${LIMITS.items}`, `the first ${LIMITS.items} (the newest) read, the rest not parsed`));
  const items = feed.items.map((item, i) => boundItem(item, `items[${i}]`, warnings));
  const changed = warnings.length !== feed.warnings.length;
  return changed ? { ...feed, title, items, warnings } : feed;
}

/**
 * Stands in, in the document text, for a string or text run too long for any
 * field: more than 8 characters per byte of {@link LIMITS.contentBytes} (no
 * escape or entity is longer), so more than the limit once decoded. The parser
 * never copies it; {@link boundFeed} turns the field it lands in into a cut one.
 */
const CUT_MARK = '\uFDD0portal-widgets:cut\uFDD0';
const oversized = (length: number) => length > LIMITS.contentBytes * 8;

/**
 * The document text within the bounds before any parser builds anything from
 * it: at most {@link LIMITS.items} items (for XML the items after the limit are
 * cut out of the text, the document's closing tags kept; for JSON every array
 * beyond the limit is closed after its first elements), and each oversized
 * string or text run replaced by a mark. Long scans yield to the page.
 */
export async function limitText(body: string): Promise<{ text: string; itemsCut: boolean }> {
  if (body.startsWith('<')) {
    const text = limitXmlItems(body);
    return { text: limitXmlTexts(text), itemsCut: text !== body };
  }
  return limitJson(body);
}

/** An item or entry start tag (RSS 2.0 and 1.0, Atom), any namespace prefix. */
const ITEM_START = /<((?:[\w.-]+:)?(?:item|entry))[\s>/]/g;

function limitXmlItems(text: string): string {
  ITEM_START.lastIndex = 0;
  let match: RegExpExecArray | null = null;
  for (let n = 0; n <= LIMITS.items; n++) if (!(match = ITEM_START.exec(text))) return text;
  const close = `</${match![1]}>`;
  const lastEnd = text.lastIndexOf(close);
  // No closing tag after the cut: leave the document as it is for the parser to report.
  if (lastEnd < match!.index) return text;
  return text.slice(0, match!.index) + text.slice(lastEnd + close.length);
}

/** Replaces each oversized text run or CDATA section of an XML document by {@link CUT_MARK}. */
function limitXmlTexts(text: string): string {
  if (!oversized(text.length)) return text;
  const kept: string[] = [];
  let from = 0;
  let textStart = 0;
  const cut = (start: number, end: number) => {
    if (!oversized(end - start)) return;
    kept.push(text.slice(from, start), CUT_MARK);
    from = end;
  };
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', textStart)) {
    cut(textStart, i);
    const [open, close] = text.startsWith('<![CDATA[', i) ? ['<![CDATA[', ']]>'] : text.startsWith('<!--', i) ? ['<!--', '-->'] : ['<', '>'];
    const end = text.indexOf(close, i + open.length);
    if (end < 0) break;
    if (open === '<![CDATA[') cut(i + open.length, end);
    textStart = end + close.length;
  }
  if (!kept.length) return text;
  kept.push(text.slice(from));
  return kept.join('');
}

/** Items per parse of a long XML document: the page gets a turn between two slices. */
const XML_SLICE_ITEMS = 500;

/**
 * Parses an XML feed of many items in slices of {@link XML_SLICE_ITEMS} (each
 * slice the document with only those items), yielding to the page between
 * them, and joins the slices. A document that cannot be sliced (or whose slices
 * do not parse) is parsed whole.
 */
export async function readXmlInSlices(text: string, parse: (text: string) => Feed): Promise<Feed> {
  const starts: number[] = [];
  let name = '';
  ITEM_START.lastIndex = 0;
  for (let m; (m = ITEM_START.exec(text)); name = m[1]) starts.push(m.index);
  if (starts.length <= XML_SLICE_ITEMS) return parse(text);
  const close = `</${name}>`;
  const itemsEnd = text.lastIndexOf(close) + close.length;
  if (itemsEnd < starts[starts.length - 1]) return parse(text);
  const head = text.slice(0, starts[0]);
  const tail = text.slice(itemsEnd);
  const slices: Feed[] = [];
  try {
    for (let k = 0; k < starts.length; k += XML_SLICE_ITEMS) {
      if (k) await yieldToPage();
      slices.push(parse(head + text.slice(starts[k], starts[k + XML_SLICE_ITEMS] ?? itemsEnd) + tail));
    }
  } catch (e) {
    if (!(e instanceof PortalError)) throw e;
    return parse(text);
  }
  // The feed's own fields and warnings come from the first slice; item paths count from each slice's first item.
  const items = /^items\[(\d+)\]/;
  return {
    ...slices[0],
    items: slices.flatMap((f) => f.items),
    warnings: slices.flatMap((f, k) =>
      f.warnings.flatMap((w) => (items.test(w) ? [w.replace(items, (_, i: string) => `items[${+i + k * XML_SLICE_ITEMS}]`)] : k ? [] : [w])),
    ),
  };
}

/** Whether the `"` at `at` is escaped (an odd run of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 92) n++;
  return n % 2 === 1;
}

async function limitJson(text: string): Promise<{ text: string; itemsCut: boolean }> {
  const max = LIMITS.items;
  // Fast path: an array of more than `max` elements needs at least `max` commas, an oversized string a long text.
  if (!oversized(text.length))
    for (let i = -1, commas = 0; commas < max; commas++) if ((i = text.indexOf(',', i + 1)) < 0) return { text, itemsCut: false };
  /** Per open container: -1 for an object, the commas seen so far for an array. */
  const open: number[] = [];
  const kept: string[] = [];
  let from = 0;
  let itemsCut = false;
  /** While cutting: the depth of the array being cut and where the cut starts. */
  let cutDepth = -1;
  let cutFrom = 0;
  let slice = performance.now();
  let steps = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump over the string (indexOf is far faster than a loop over its characters).
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) break;
      if (cutDepth < 0 && oversized(end - i - 1)) {
        kept.push(text.slice(from, i + 1), CUT_MARK);
        from = end;
      }
      i = end;
    } else if (c === 91) open.push(0);
    else if (c === 123) open.push(-1);
    else if (c === 93 || c === 125) {
      if (cutDepth === open.length) {
        kept.push(text.slice(from, cutFrom));
        from = i;
        cutDepth = -1;
      }
      open.pop();
    } else if (c === 44 && cutDepth < 0 && open[open.length - 1] >= 0 && ++open[open.length - 1] === max) {
      cutDepth = open.length;
      cutFrom = i;
      itemsCut = true;
    }
    if (++steps === 0x10000 && ((steps = 0), performance.now() - slice > SLICE_MS)) {
      await yieldToPage();
      slice = performance.now();
    }
  }
  if (!kept.length) return { text, itemsCut };
  kept.push(text.slice(from));
  return { text: kept.join(''), itemsCut };
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a following one of the same name closes (`<p>a<p>b`), as the HTML parser does. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
/** Blocks that close an open `<p>` (`<p>a<ul>`), as the HTML parser does. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>|<!--[\s\S]*?-->/g;

/**
 * `html` with the elements nested deeper than {@link LIMITS.htmlDepth} unwrapped
 * (their tags removed, their text kept), before the HTML parser inside the
 * sanitizer meets them: 100,000 nested `<div>` froze a tab for 32 s. HTML no
 * deeper than the limit is returned as it is. `warn` hears what was cut.
 */
export function flattenDeepHtml(html: string, warn?: (warning: string) => void): string {
  const max = LIMITS.htmlDepth;
  if (html.length < max * 3) return html; // too short to nest that deep
  const stack: { name: string; kept: boolean }[] = [];
  const openCount = new Map<string, number>();
  const out: string[] = [];
  let from = 0;
  let removed = 0;
  const remove = (at: number, length: number) => {
    out.push(html.slice(from, at));
    from = at + length;
  };
  for (const m of html.matchAll(TAG)) {
    const [tag, closing, rawName] = m;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (closing) {
      if (!openCount.get(name)) continue; // a stray end tag: the parser ignores it
      let i = stack.length - 1;
      while (stack[i].name !== name) i--;
      const { kept } = stack[i];
      for (const e of stack.splice(i)) openCount.set(e.name, openCount.get(e.name)! - 1);
      if (!kept) remove(m.index, tag.length);
      continue;
    }
    if (VOID_ELEMENTS.has(name) || tag.endsWith('/>')) continue;
    const top = stack[stack.length - 1]?.name;
    if ((IMPLIED_END.has(name) && top === name) || (top === 'p' && CLOSES_P.has(name))) {
      openCount.set(top, openCount.get(top)! - 1);
      stack.pop();
    }
    const kept = stack.length < max;
    stack.push({ name, kept });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (!kept) {
      removed++;
      remove(m.index, tag.length);
    }
  }
  if (!removed) return html;
  out.push(html.slice(from));
  warn?.(limitWarning('content_html', `elements nested deeper than ${max}`, `${removed} tags unwrapped, their text kept`));
  return out.join('');
}

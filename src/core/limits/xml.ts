/**
 * The XML side of ../limits.ts, loaded with the XML readers: entity
 * declarations refused, items beyond the count and oversized text runs cut out
 * of the text, long feeds parsed in slices.
 */
import { PortalError } from '../errors.js';
import { CUT_MARK, type LimitedText, LIMITS, oversized, yieldToPage } from './bounds.js';
import type { Feed } from '../model.js';

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
  // Anywhere after the subset's start: a feed that only mentions `<!ENTITY` in a body is refused too, rather than one expanded.
  if (text.indexOf('<!ENTITY', i) >= 0) throw new PortalError('format', 'XML DOCTYPE declares entities: not read');
}

/** An item or entry start tag (RSS 2.0 and 1.0, Atom), any namespace prefix. */
const ITEM_START = /<((?:[\w.-]+:)?(?:item|entry))[\s>/]/g;

/**
 * Where the first `max` items start, and their tag: those named as the first
 * one (an extension's `<x:item>` inside an item is not one).
 */
function itemStarts(text: string, max: number): { name: string; starts: number[] } {
  const starts: number[] = [];
  let name = '';
  ITEM_START.lastIndex = 0;
  for (let m; starts.length < max && (m = ITEM_START.exec(text)); ) {
    name ||= m[1];
    if (m[1] === name) starts.push(m.index);
  }
  return { name, starts };
}

function limitXmlItems(text: string): string {
  const { name, starts } = itemStarts(text, LIMITS.items + 1);
  if (starts.length <= LIMITS.items) return text;
  const cut = starts[LIMITS.items];
  const close = `</${name}>`;
  const lastEnd = text.lastIndexOf(close);
  // No closing tag after the cut: leave the document as it is for the parser to report.
  if (lastEnd < cut) return text;
  return text.slice(0, cut) + text.slice(lastEnd + close.length);
}

/** `text` with at most LIMITS.items items and no oversized text run. */
export function limitXml(body: string): LimitedText {
  const text = limitXmlItems(body);
  const marked = limitXmlTexts(text);
  return { text: marked, itemsCut: text !== body, marked: marked !== text };
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
const XML_SLICE_ITEMS = 250;

/**
 * Parses an XML feed of many items in slices of {@link XML_SLICE_ITEMS} (each
 * slice the document with only those items), yielding to the page between
 * them, and joins the slices. A document that cannot be sliced (or whose slices
 * do not parse) is parsed whole.
 */
export async function readXmlInSlices(text: string, parse: (text: string) => Feed | Promise<Feed>): Promise<Feed> {
  const { name, starts } = itemStarts(text, Infinity);
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
      slices.push(await parse(head + text.slice(starts[k], starts[k + XML_SLICE_ITEMS] ?? itemsEnd) + tail));
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
      f.warnings.flatMap((w) => (items.test(w.path) ? [{ ...w, path: w.path.replace(items, (_, i: string) => `items[${+i + k * XML_SLICE_ITEMS}]`) }] : k ? [] : [w])),
    ),
  };
}


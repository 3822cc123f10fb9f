/**
 * HTML to plain text, for summaries shown as text, titles and the search index.
 * Reached only from the XML readers, the search index and a JSON item titled by
 * nothing but its HTML (./json-news.ts), which load it on demand.
 * Named references beyond the five XML ones and `&nbsp;` are decoded once the
 * XML readers, which carry the HTML table (./entities.ts), are loaded: the search
 * index alone stays small.
 */

const BASIC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
let named = (name: string): string | undefined => BASIC[name];

/** Decodes every HTML named reference from now on (the XML readers call it with ./entities.ts). */
export const useEntityTable = (table: (name: string) => string | undefined) => void (named = table);

/** Decodes numeric and named character references in `text`; unknown names stay as written. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});/gi, (all, e: string) => {
    if (e[0] !== '#') return named(e) ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });

/** Tags: `[^<>]*` rather than `[^>]*` keeps the scan linear on `<a<a<a…` without a `>`. */
const TAG = /<\/?[a-z][^<>]*>/gi;
const REFERENCE = /&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});/i;

/** `html` without the parts between `open` and `close` (scripts, comments), found with indexOf: linear. */
function cut(html: string, open: RegExp, close: (m: RegExpExecArray) => string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  open.lastIndex = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const end = lower.indexOf(close(m), m.index + m[0].length);
    out += html.slice(at, m.index) + ' ';
    if (end < 0) return out; // never closed: the rest is inside it
    at = open.lastIndex = end + close(m).length;
  }
  return out + html.slice(at);
}

/** Strips tags, decodes character references and collapses white space. */
export function htmlToText(html: string): string {
  const bare = cut(cut(html, /<!--/g, () => '-->'), /<(script|style)\b/gi, (m) => `</${m[1].toLowerCase()}>`);
  return decodeEntities(bare.replace(TAG, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `text` as a string of its own. V8 keeps a cut (`slice`, `trim`, a regexp's
 * match) as a view of the whole string it was cut from, so a title cut from a
 * body's text, or a field that xmldom cut from the document, would keep that
 * whole text alive as long as the item. Joined to a space, the text is copied
 * once whole, and the cut is of the copy.
 */
export const ownText = (text: string): string => ` ${text}`.slice(1);

/** The title of an item that has only HTML: the start of its text, which keeps not the rest of it. */
export const htmlTitle = (html: string): string => ownText(htmlToText(html).slice(0, 120));

/**
 * A title or name as text: HTML in it (`<span>₹</span>`, `&lt;b&gt;`, entities
 * escaped twice) is read as its text, never shown as tags.
 */
export function plainText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw;
  // A few rounds: `&amp;lt;b&amp;gt;` (escaped twice) comes out as no tag.
  for (let i = 0; i < 3 && (REFERENCE.test(text) || /<\/?[a-z][^<>]*>/i.test(text)); i++) text = htmlToText(text);
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

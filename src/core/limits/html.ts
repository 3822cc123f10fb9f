/**
 * Depth flattening for ../limits.ts, loaded with the sanitizer that needs it.
 */
import type { ParseWarning } from '../formats/warnings.js';
import { limitWarning, LIMITS } from './bounds.js';

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
 * `html` with the elements nested deeper than LIMITS.htmlDepth unwrapped
 * (their tags removed, their text kept), before the HTML parser inside the
 * sanitizer meets them: 100,000 nested `<div>` froze a tab for 32 s. HTML no
 * deeper than the limit is returned as it is. `warn` hears what was cut.
 */
export function flattenDeepHtml(html: string, warn?: (warning: ParseWarning) => void): string {
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
  warn?.(limitWarning('content_html', 'too-deep', 'cut', `elements nested deeper than ${max}: ${removed} tags unwrapped, their text kept`));
  return out.join('');
}

/**
 * The repairs forgiving feed readers make to broken XML, loaded only for a
 * document that needs one.
 */
import { xmlStart } from './document.js';
import { entityText } from './entities.js';

const XML_NAMED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * What readers recover: junk before the root element, HTML named entities without
 * a DTD (`&nbsp;`), a bare `&` in a URL, characters XML forbids (control
 * characters). CDATA sections and comments are left as they are. A document
 * with its own DTD subset (which may declare entities) is left alone.
 */
export function repairXml(text: string): string {
  const start = xmlStart(text);
  const body = start > 0 ? text.slice(start) : text;
  if (/<!DOCTYPE[^<>[]*\[/i.test(body)) return body;
  return outsideMarkup(body, (part) =>
    part
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      .replace(/[\uFFFE\uFFFF\x00-\x08\x0B\x0C\x0E-\x1F]/g, '')
      .replace(/&(?:(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{0,31});)?/gi, (all, name?: string) => {
        if (!name) return '&amp;';
        if (name[0] === '#' || XML_NAMED.has(name)) return all;
        const c = entityText(name);
        return c ? `&#${c.codePointAt(0)};` : `&amp;${name};`;
      }),
  );
}

/**
 * `fix` applied to the text outside CDATA sections and comments, which are kept
 * as written. A scan with indexOf, not a regular expression: linear however
 * many unclosed `<![CDATA[` a hostile document holds.
 */
function outsideMarkup(text: string, fix: (part: string) => string): string {
  const next = (token: string, from: number) => {
    const i = text.indexOf(token, from);
    return i < 0 ? Infinity : i;
  };
  let out = '';
  let at = 0;
  let cdata = next('<![CDATA[', 0);
  let comment = next('<!--', 0);
  while (at < text.length) {
    if (cdata < at) cdata = next('<![CDATA[', at);
    if (comment < at) comment = next('<!--', at);
    const open = Math.min(cdata, comment);
    if (open === Infinity) break;
    const close = text.indexOf(open === cdata ? ']]>' : '-->', open);
    const end = close < 0 ? text.length : close + 3;
    out += fix(text.slice(at, open)) + text.slice(open, end);
    at = end;
  }
  return out + fix(text.slice(at));
}

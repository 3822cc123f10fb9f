/**
 * The HTML sanitizer: DOMPurify with the article allow-list. The article imports
 * it on demand, so it costs nothing until an item has HTML; the hub runs the same
 * policy in Node (hub/src/html-sanitize.ts, on a jsdom window) before it
 * republishes an upstream's HTML, so a tag allowed in one is allowed in the
 * other (one policy, here).
 *
 * Kept: ordinary article HTML (paragraphs, headings, lists, tables, figures and
 * images, links, quotes, emphasis). Removed: script, style, iframe/object/embed,
 * forms and their controls, SVG and MathML (with their content), every attribute
 * not listed (so every on* handler, style, id, name), and any URL that is not
 * http(s) (links may also mail or call).
 */
import DOMPurify from 'dompurify';
import { warningText } from './formats/warnings.js';
import { flattenDeepHtml } from './limits/html.js';
import { LINK_PROTOCOLS, safeUrl } from './urls.js';

/** Tags and attributes an article body may keep; everything else is dropped. */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'figure', 'figcaption', 'img', 'a', 'blockquote', 'q', 'cite', 'em', 'strong', 'b', 'i',
  'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'time', 'code', 'pre', 'span', 'div', 'section',
];
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers',
  'datetime', 'cite', 'lang', 'dir', 'target', 'start', 'reversed', 'type',
];
/**
 * Dropped with everything inside them, not just unwrapped: DOMPurify's own list
 * (script, style, svg, math, template, noscript, xmp, iframe …) plus the controls
 * and plug-ins whose text means nothing outside them.
 */
const FORBID_WITH_CONTENT = ['button', 'select', 'option', 'optgroup', 'textarea', 'datalist', 'object', 'embed', 'applet', 'frameset', 'frame', 'canvas', 'map'];
/** Attributes holding a URL: each goes through safeUrl. */
const URL_ATTRS = ['href', 'src', 'cite'];

/**
 * One DOMPurify instance for the page: each instance registers a Trusted Types
 * policy named "dompurify", and a strict CSP allows that name only once. Made on
 * first use, not on import: DOMPurify needs a window, and core imports in Node
 * (where the hub's parse worker gives it jsdom's as its global `window`).
 */
let purify: ReturnType<typeof DOMPurify> | undefined;
/** The document URL that relative links in the HTML being sanitized resolve against. */
let currentBase: string | undefined;

function instance(): ReturnType<typeof DOMPurify> {
  if (purify) return purify;
  purify = DOMPurify();
  // Every URL goes through safeUrl (resolved against the item, http(s) only);
  // links that open a new tab get rel="noopener noreferrer"; images load lazily.
  purify.addHook('afterSanitizeAttributes', (node: Element) => {
    for (const name of URL_ATTRS) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const safe = safeUrl(value, currentBase, name === 'href' ? LINK_PROTOCOLS : undefined);
      if (safe) node.setAttribute(name, safe);
      else node.removeAttribute(name);
    }
    if (node.tagName === 'A' && node.hasAttribute('target')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    }
  });
  return purify;
}

/**
 * Sanitizes untrusted feed HTML into a DocumentFragment, to be bound as a node
 * (never re-parsed from a string); relative URLs resolve against `base`.
 */
export function sanitize(html: string, base?: string): DocumentFragment {
  currentBase = base;
  try {
    return instance().sanitize(flattenDeepHtml(html, (w) => console.warn(`[portal-widgets] ${warningText(w)}`)), {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ADD_FORBID_CONTENTS: FORBID_WITH_CONTENT,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      RETURN_DOM_FRAGMENT: true,
      // DOMPurify answers null for HTML that makes no body (a <frameset>): nothing is kept. `window`'s
      // document, where DOMPurify found it: in the hub's worker that is jsdom's, and no `document` is global.
    }) ?? window.document.createDocumentFragment();
  } finally {
    currentBase = undefined;
  }
}

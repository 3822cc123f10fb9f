/**
 * The HTML sanitizer: DOMPurify with the article allow-list. Loaded only through
 * sanitizeHtml() in ./safe-html.ts, so it costs nothing until an item has HTML.
 */
import DOMPurify from 'dompurify';
import { LINK_PROTOCOLS, safeUrl } from './safe-html.js';

/** Tags and attributes an article body may keep; everything else is dropped. */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col',
  'figure', 'figcaption', 'img', 'picture', 'a', 'blockquote', 'q', 'cite', 'em', 'strong', 'b', 'i',
  'u', 's', 'small', 'sub', 'sup', 'mark', 'abbr', 'time', 'code', 'pre', 'span', 'div', 'section',
];
const ALLOWED_ATTR = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'headers',
  'datetime', 'cite', 'lang', 'dir', 'target', 'start', 'reversed', 'type',
];

/**
 * One DOMPurify instance for the page: each instance registers a Trusted Types
 * policy named "dompurify", and a strict CSP allows that name only once.
 */
const purify = DOMPurify();
/** The document URL that relative links in the HTML being sanitized resolve against. */
let currentBase: string | undefined;

// Every href/src goes through safeUrl; links that open a new tab get
// rel="noopener noreferrer"; images load lazily.
purify.addHook('afterSanitizeAttributes', (node: Element) => {
  for (const name of ['href', 'src']) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const safe = safeUrl(value, currentBase, name === 'href' ? LINK_PROTOCOLS : undefined);
    if (safe) node.setAttribute(name, safe);
    else node.removeAttribute(name);
  }
  if (node.tagName === 'A' && node.getAttribute('target')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  }
});

/** Sanitizes `html` into a DocumentFragment; relative URLs resolve against `base`. */
export function sanitize(html: string, base?: string): DocumentFragment {
  currentBase = base;
  try {
    return purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel', 'loading', 'decoding'],
      ALLOW_DATA_ATTR: false,
      RETURN_DOM_FRAGMENT: true,
    }) as DocumentFragment;
  } finally {
    currentBase = undefined;
  }
}

/**
 * Feed HTML with its event handlers and style attributes renamed (`onerror=` →
 * `data-feed-onerror=`). They never reach the page either way — the sanitizer
 * drops every attribute it does not list — but a browser parsing them, even in an
 * inert document (DOMParser, DOMPurify), reports them to a strict CSP as inline
 * script or style. Renamed first, they are plain data attributes.
 */
const TAG = /<[a-z][^<>]*>/gi;
const INLINE = /([\s/"'])(on[a-z]+|style)(\s*=)/gi;

export const inertHtml = (html: string): string => html.replace(TAG, (tag) => tag.replace(INLINE, '$1data-feed-$2$3'));

/** {@link inertHtml} of an optional field. */
export const inert = (html: string | undefined) => (html === undefined ? undefined : inertHtml(html));

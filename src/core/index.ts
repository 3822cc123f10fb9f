/**
 * `portal-widgets/core`: the document readers the widgets use, for Node (the
 * hub, a CMS's build step) as much as for the browser. Nothing here renders.
 * RSS and Atom need a `DOMParser`: in Node, give core's reader one first,
 * `setXmlParser(nodeXmlParser)` with `nodeXmlParser` from `portal-widgets/node-dom`
 * (that entry is a bundle of its own: its `useNodeXmlParser()` sets its own copy).
 */
export { PortalError, toPortalError, type PortalErrorCode } from './errors.js';
export { describeError } from './i18n/messages.js';
export { newsDocument, linksDocument, bannerDocument, counterDocument, type DocumentKind } from './documents/index.js';
export { parseNews, getPath, type FieldMap } from './formats/news.js';
export { parseFieldMap } from './formats/field-map.js';
export { setXmlParser, type XmlParser } from './formats/xml.js';
export { parseDate } from './formats/fields.js';
export { decodeBody, detectCharset, type Charset } from './formats/charset.js';
export { warningText, type ParseWarning } from './formats/warnings.js';
export { parseLinks, LINKS_VERSION } from './formats/links.js';
export { parseBanner, BANNER_VERSION } from './formats/banner.js';
export { parseCount } from './formats/counter.js';
export { safeUrl } from './urls.js';
// The article's own sanitizer, for the hub to republish only what the widgets would render (in Node: give it a jsdom window).
export { sanitize } from './sanitizer.js';
export { DEFAULT_TIME_ZONE, dayKey } from './dates.js';
export { formatNumber } from './locale.js';
export { visitCounterMessages } from './i18n/visit-counter.js';
export type * from './model.js';

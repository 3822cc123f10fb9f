/** The link directory: `portal-links/1`. */
import { parseLinks } from '../formats/links.js';
import type { LinkDirectory } from '../model.js';
import { SMALL_DOCUMENT_BYTES } from '../feed-store.js';
import type { DocumentKind } from './kind.js';

export const linksDocument: DocumentKind<LinkDirectory> = {
  meta: 'portal-widgets:links',
  key: () => 'links',
  parse: (text, url) => parseLinks(text, url),
  maxBytes: SMALL_DOCUMENT_BYTES,
};

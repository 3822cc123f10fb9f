/** The link directory: `portal-links/1`. */
import { parseLinks } from '../formats/links.js';
import type { LinkDirectory } from '../model.js';
import type { DocumentKind } from './kind.js';

export const linksDocument: DocumentKind<LinkDirectory> = {
  meta: 'portal-widgets:links',
  key: () => 'links',
  parse: (text, url) => parseLinks(text, url),
};

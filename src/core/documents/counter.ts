/** The visit counter endpoint: its answer to a GET, and to the POST of a visit. */
import { parseCount } from '../formats/counter.js';
import type { VisitCount } from '../model.js';
import { SMALL_DOCUMENT_BYTES } from '../feed-store.js';
import type { DocumentKind } from './kind.js';

export const counterDocument: DocumentKind<VisitCount> = {
  meta: 'portal-widgets:visits',
  key: () => 'counter',
  parse: (text) => parseCount(text),
  maxBytes: SMALL_DOCUMENT_BYTES,
};

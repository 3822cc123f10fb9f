/** The visit counter endpoint: its answer to a GET, and to the POST of a visit. */
import { parseCount } from '../formats/counter.js';
import type { VisitCount } from '../model.js';
import type { DocumentKind } from './kind.js';

export const counterDocument: DocumentKind<VisitCount> = {
  meta: 'portal-widgets:visits',
  key: () => 'counter',
  parse: (text) => parseCount(text),
};

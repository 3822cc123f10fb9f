/** The welcome line: `portal-banner/1`, its periods read in the widget's time zone. */
import { parseBanner } from '../formats/banner.js';
import type { Banner } from '../model.js';
import type { DocumentKind } from './kind.js';

export const bannerDocument: DocumentKind<Banner> = {
  meta: 'portal-widgets:banner',
  key: (timeZone) => `banner ${timeZone}`,
  parse: parseBanner,
};

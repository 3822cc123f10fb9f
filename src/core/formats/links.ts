/**
 * `portal-links/1`: the "Liên kết website" directory.
 * `{"version": "portal-links/1", "title"?: …, "groups": [{"title": …, "links": [{"title": …, "url": …}]}]}`
 * Links may be http(s), mailto: or tel:; any other scheme skips the link with a warning.
 */
import type { LinkDirectory } from '../model.js';
import { LINK_PROTOCOLS } from '../urls.js';
import { Invalid, optString, optUrl } from './fields.js';
import { readArray, readObjects, readPortalDocument, reqString } from './portal-document.js';
import type { ParseWarning } from './warnings.js';
import { optional } from './read-each.js';

export const LINKS_VERSION = 'portal-links/1';

export function parseLinks(text: string, base: string): LinkDirectory {
  const doc = readPortalDocument(text, LINKS_VERSION);
  const warnings: ParseWarning[] = [];
  const groups = readObjects(readArray(doc, 'groups'), 'groups', warnings, (group, path) => {
    const title = reqString(group, 'title', path);
    if (!Array.isArray(group.links)) throw new Invalid(`${path}.links`, 'not-an-array');
    const links = readObjects(group.links, `${path}.links`, warnings, (link, p) => {
      const linkTitle = reqString(link, 'title', p);
      if (typeof link.url !== 'string') throw new Invalid(`${p}.url`, link.url === undefined ? 'missing' : 'not-a-string');
      // optUrl warns about a refused scheme; the link is then left out.
      const url = optUrl(link, 'url', p, base, warnings, LINK_PROTOCOLS);
      return url ? { title: linkTitle, url } : undefined;
    });
    return { title, links };
  });
  const title = optional(warnings, optString, doc, 'title', '');
  return { title, groups, warnings };
}

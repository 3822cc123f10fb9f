import { define } from '../../internal/define.js';
import { PortalNewsSearch } from './news-search.component.js';

export { PortalNewsSearch };
define('portal-news-search', PortalNewsSearch);

declare global {
  interface HTMLElementTagNameMap {
    'portal-news-search': PortalNewsSearch;
  }
}

import { define } from '../../internal/define.js';
import { PortalNewsList } from './news-list.component.js';

export { PortalNewsList };
define('portal-news-list', PortalNewsList);

declare global {
  interface HTMLElementTagNameMap {
    'portal-news-list': PortalNewsList;
  }
}

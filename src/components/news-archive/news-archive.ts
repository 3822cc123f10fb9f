import { define } from '../../internal/define.js';
import { PortalNewsArchive } from './news-archive.component.js';

export { PortalNewsArchive };
define('portal-news-archive', PortalNewsArchive);

declare global {
  interface HTMLElementTagNameMap {
    'portal-news-archive': PortalNewsArchive;
  }
}

import { define } from '../../internal/define.js';
import { PortalVideoList } from './video-list.component.js';

export { PortalVideoList };
define('portal-video-list', PortalVideoList);

declare global {
  interface HTMLElementTagNameMap {
    'portal-video-list': PortalVideoList;
  }
}

import { define } from '../../internal/define.js';
import { PortalBanner } from './banner.component.js';

export { PortalBanner };
define('portal-banner', PortalBanner);

declare global {
  interface HTMLElementTagNameMap {
    'portal-banner': PortalBanner;
  }
}

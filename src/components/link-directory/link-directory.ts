import { define } from '../../internal/define.js';
import { PortalLinkDirectory } from './link-directory.component.js';

export { PortalLinkDirectory };
define('portal-link-directory', PortalLinkDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'portal-link-directory': PortalLinkDirectory;
  }
}

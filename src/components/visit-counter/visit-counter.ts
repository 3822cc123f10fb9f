import { define } from '../../internal/define.js';
import { PortalVisitCounter } from './visit-counter.component.js';

export { PortalVisitCounter };
define('portal-visit-counter', PortalVisitCounter);

declare global {
  interface HTMLElementTagNameMap {
    'portal-visit-counter': PortalVisitCounter;
  }
}

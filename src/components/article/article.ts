import { define } from '../../internal/define.js';
import { PortalArticle } from './article.component.js';

export { PortalArticle };
define('portal-article', PortalArticle);

declare global {
  interface HTMLElementTagNameMap {
    'portal-article': PortalArticle;
  }
}

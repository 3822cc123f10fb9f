/**
 * The base of every widget that reads a document (news, links, banner,
 * counter): its `src` and `timeout`, its document kind (core/documents/: the
 * page's default meta, the parse key, the parser), and one controller, `doc`,
 * that loads it through the shared store, so a page's widgets of one document
 * share one request and one parse.
 */
import { nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { documentUrl } from '../core/config.js';
import type { DocumentKind } from '../core/documents/kind.js';
import { load, type Loaded, type LoadOptions } from '../core/feed-store.js';
import { DocumentController, type DocumentSource } from './document-controller.js';
import { PortalElement } from './portal-element.js';

export abstract class PortalDocumentElement<T> extends PortalElement implements DocumentSource<T> {
  static override properties: PropertyDeclarations = {
    src: {},
    timeout: { type: Number },
  };

  /** URL of the document. Default: the page's `<meta name="portal-widgets:…">` of the widget's document kind. */
  src?: string;

  /** Milliseconds to wait for the document before showing the time-out error. */
  timeout = 8000;

  /** What the widget reads. */
  protected abstract readonly kind: DocumentKind<T>;

  /** The document: `.value`, `.error`, `.pending`, `.retry`. */
  protected readonly doc: DocumentController<T> = new DocumentController<T>(this);

  /** The data given as a property instead of `src` (pages and tests), if any. @internal */
  abstract given(): T | undefined;

  /** The document's URL: `src`, else the page's meta of the kind. @internal */
  documentUrl(): string | undefined {
    return documentUrl(this.src, this.kind.meta);
  }

  /** What changes the parse (a `map`, a time zone); '' by default. */
  protected setting(): string {
    return '';
  }

  /** @internal */
  parseKey(): string {
    return this.kind.key(this.setting());
  }

  /** @internal */
  parse(text: string, url: string): T | Promise<T> {
    return this.kind.parse(text, url, this.setting());
  }

  /** Fetches the document through the shared store; a widget may load its own way (the counter's POST). @internal */
  load(url: string, options: LoadOptions): Promise<Loaded> {
    this.kind.prepare?.();
    return load(url, { maxBytes: this.kind.maxBytes, ...options });
  }

  /**
   * The status above or instead of the content: before the first value the
   * skeleton (`rows` lines) or the error box with the fallback children; with a
   * value, the error box of a failed reload over the last good content.
   */
  protected renderStatus(rows = 3): TemplateResult | typeof nothing {
    const error = this.doc.error;
    if (this.doc.value) return error ? this.renderError(error, this.doc.retry, true) : nothing;
    return error ? this.renderError(error, this.given() ? undefined : this.doc.retry, false) : this.renderLoading(rows);
  }
}

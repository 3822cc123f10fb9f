/**
 * One widget's data: `src` → shared feed store → parser → model. A changed
 * `src` aborts the old request and a late answer is dropped. The last good copy
 * is shown at once while the fresh one loads, and kept under the error box if
 * loading fails. A widget may load its own way (the counter's POST of a visit),
 * and read again on a timer (./refresh.ts) with `reload()`.
 *
 * This is the @lit/task pattern (args → task(args, {signal}) → status) written
 * out in the few lines the widgets need: @lit/task itself costs 0.95 KB gz, a
 * fifth of what the core budget allows.
 */
import type { ReactiveController } from 'lit';
import { PortalError, toPortalError } from '../core/errors.js';
import { lastGood, parseOnce, type Loaded, type LoadOptions } from '../core/feed-store.js';
import { warningText, type ParseWarning } from '../core/formats/warnings.js';
import { loadErrorTexts } from './messages.js';
import type { PortalElement } from './portal-element.js';

/** What the controller asks its widget (./document-element.ts answers it). */
export interface DocumentSource<T> extends PortalElement {
  /** Milliseconds per attempt. */
  timeout: number;
  /** The document URL, resolved; undefined when the widget has none. */
  documentUrl(): string | undefined;
  /** Names the parser and its settings, so equal parses are shared between widgets. */
  parseKey(): string;
  parse(text: string, url: string): T | Promise<T>;
  /** Data given as a property instead of a URL: then nothing is loaded. */
  given(): T | undefined;
  /** Fetches the document (a GET through the shared feed store, or the counter's POST). */
  load(url: string, options: LoadOptions): Promise<Loaded>;
}

export class DocumentController<T> implements ReactiveController {
  /** True until the current run settles. */
  pending = true;
  error?: PortalError;
  private fresh?: T;
  /**
   * The last good value for a URL: the copy saved on the device, shown while the
   * fresh one loads, or the last fresh one, kept under the error box when a retry fails.
   */
  private good?: { src: string; value: T };
  private args = '';
  /** The run in flight, if any: a timed reload waits for it rather than cutting it short. */
  private run?: AbortController;

  constructor(private readonly host: DocumentSource<T>) {
    host.addController(this);
  }

  hostUpdate(): void {
    const host = this.host;
    const args = `${host.documentUrl()} ${host.parseKey()}`;
    if (args !== this.args && !host.given()) void this.start((this.args = args), false);
  }

  hostDisconnected(): void {
    this.run?.abort();
    this.run = undefined;
    this.args = ''; // start again when reconnected
  }

  /**
   * Moved or re-inserted: Lit asks no update of a connected element, and a run cut
   * by the disconnect never asks one, so without this the widget kept "Đang tải…".
   */
  hostConnected(): void {
    if (!this.args) this.host.requestUpdate();
  }

  /** `quiet`: a timed reload, which keeps the value and the error shown until its answer replaces them. */
  private async start(args: string, force: boolean, quiet = false): Promise<void> {
    const host = this.host;
    this.run?.abort();
    const { signal } = (this.run = new AbortController());
    const src = host.documentUrl();
    const key = host.parseKey();
    if (!quiet) {
      this.pending = true;
      this.error = undefined;
      this.fresh = undefined;
    }
    try {
      if (!src) throw new PortalError('config', 'src: missing or not http(s)');
      if (!force) void this.showSaved(src, key, signal);
      const value = await this.parse(await host.load(src, { signal, timeout: host.timeout, force }), key);
      if (signal.aborted || args !== this.args) return; // superseded: drop the late answer
      this.fresh = value;
      this.error = undefined;
      this.good = { src, value };
      host.emit('portal-load', { value });
    } catch (e) {
      if (signal.aborted || args !== this.args) return;
      this.error = toPortalError(e);
      console.warn('[portal-widgets]', src, this.error.message); // the developer detail, kept off the reader's screen
      host.emit('portal-error', { error: this.error });
      await loadErrorTexts(); // the error box shows with its reason, not without it and then again with it
    } finally {
      if (!signal.aborted && args === this.args) {
        this.pending = false;
        this.run = undefined;
        host.requestUpdate();
      }
    }
  }

  private parse(loaded: Loaded, key: string): Promise<T> {
    return parseOnce(loaded, key, async (text, url) => {
      const value = await this.host.parse(text, url);
      // The one place warnings are told: once per document, not once per widget.
      for (const w of (value as { warnings?: ParseWarning[] }).warnings ?? []) console.warn(`[portal-widgets] ${url}: ${warningText(w)}`);
      return value;
    });
  }

  private async showSaved(src: string, key: string, signal: AbortSignal): Promise<void> {
    try {
      const copy = await lastGood(src);
      const value = copy && (await this.parse(copy, key));
      if (!value || signal.aborted || !this.pending) return;
      this.good = { src, value };
      this.host.requestUpdate();
    } catch {
      // A damaged saved copy is simply not shown.
    }
  }

  /** The data to render: given, fresh, else the last good copy of this URL. */
  get value(): T | undefined {
    const good = this.good;
    return this.host.given() ?? this.fresh ?? (good && good.src === this.host.documentUrl() ? good.value : undefined);
  }

  /** Fetch again past this page's copy: the retry button. */
  retry = (): void => {
    void this.start(this.args, true);
  };

  /** Reads again past this page's copy unless a read is in flight, keeping what is shown until the answer: a refresh. */
  reload(): void {
    if (!this.run && !this.host.given()) void this.start(this.args, true, true);
  }
}

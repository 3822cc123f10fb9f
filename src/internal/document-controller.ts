/**
 * One widget's data: `src` → shared feed store → parser → model. A changed
 * `src` aborts the old request and a late answer is dropped. The last good copy
 * is shown at once while the fresh one loads, and kept under the error box if
 * loading fails.
 *
 * This is the @lit/task pattern (args → task(args, {signal}) → status) written
 * out in the few lines the widgets need: @lit/task itself costs 0.95 KB gz, a
 * fifth of what the core budget allows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PortalError, toPortalError } from '../core/errors.js';
import { lastGood, load, parseOnce, type Loaded } from '../core/feed-store.js';
import type { PortalElement } from './portal-element.js';

export interface DocumentOptions<T> {
  /** The document URL, already resolved; undefined when the widget has none. */
  src: () => string | undefined;
  /** Names the parser and its settings, so equal parses are shared between widgets. */
  key: () => string;
  parse: (text: string, url: string) => T | Promise<T>;
  /** Data given as a property instead of a URL. */
  data?: () => T | undefined;
  /** Milliseconds per attempt. */
  timeout?: () => number | undefined;
  /** Warnings the parsed value carries, logged once per document. */
  warnings?: (value: T) => string[];
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
  private run?: AbortController;

  constructor(
    private readonly host: PortalElement & ReactiveControllerHost,
    private readonly options: DocumentOptions<T>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { src, key } = this.options;
    const args = `${src()} ${key()}`;
    if (args !== this.args && !this.options.data?.()) void this.start((this.args = args), false);
  }

  hostDisconnected(): void {
    this.run?.abort();
    this.args = ''; // start again when reconnected
  }

  private async start(args: string, force: boolean): Promise<void> {
    this.run?.abort();
    const run = (this.run = new AbortController());
    const { signal } = run;
    const src = this.options.src();
    const key = this.options.key();
    this.pending = true;
    this.error = undefined;
    this.fresh = undefined;
    try {
      if (!src) throw new PortalError('config', 'src: missing');
      if (!force) void this.showSaved(src, key, signal);
      const value = await this.parse(await load(src, { signal, timeout: this.options.timeout?.(), force }), key);
      if (signal.aborted || args !== this.args) return; // superseded: drop the late answer
      this.fresh = value;
      this.good = { src, value };
      this.host.emit('portal-load', { value });
    } catch (e) {
      if (signal.aborted || args !== this.args) return;
      this.error = toPortalError(e);
      console.warn('[portal-widgets]', src, this.error.message); // the developer detail, kept off the reader's screen
      this.host.emit('portal-error', { error: this.error });
    } finally {
      if (!signal.aborted && args === this.args) {
        this.pending = false;
        this.host.requestUpdate();
      }
    }
  }

  private parse(loaded: Loaded, key: string): Promise<T> {
    return parseOnce(loaded, key, async (text, url) => {
      const value = await this.options.parse(text, url);
      for (const w of this.options.warnings?.(value) ?? []) console.warn(`[portal-widgets] ${url}: ${w}`);
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
    const given = this.options.data?.();
    if (given) return given;
    const good = this.good;
    return this.fresh ?? (good && good.src === this.options.src() ? good.value : undefined);
  }

  /** Fetch again past this page's copy: the retry button. */
  retry = (): void => {
    void this.start(this.args, true);
  };
}

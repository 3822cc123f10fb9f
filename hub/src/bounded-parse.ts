/**
 * Upstream bodies are parsed (and their HTML sanitized) in a worker thread with
 * a time limit and a memory limit: a body built to be slow or huge to parse
 * stops that worker (a fresh one takes the next body), never the hub that
 * serves the readers.
 */
import { Worker } from 'node:worker_threads';
import { PortalError, type Feed, type FieldMap, type PortalErrorCode } from 'portal-widgets/core';
import type { JsonFeedItem } from './feed-output.js';
import type { ParseRequest, SanitizeRequest } from './parse-worker.js';

/** Run from the sources (tsx) or from the build: the worker file beside this one. */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js', import.meta.url);

export interface ParseLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/** A request sent to the worker; `timer` runs while it is the one being worked on (see ask). */
type Pending = { resolve: (result: never) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout; restart: () => NodeJS.Timeout };

export class BoundedParser {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;

  constructor(private readonly limits: ParseLimits = { timeoutMs: 5000, maxMemoryMb: 128 }) {}

  /** An upstream body → the model, its HTML sanitized. */
  parse(bytes: Uint8Array, contentType: string | undefined, url: string, map?: FieldMap): Promise<Feed> {
    return this.ask<Feed>('parsing', (id) => ({ id, bytes, contentType, url, map }) satisfies ParseRequest);
  }

  /** A stored copy's items (read by an older hub) with their HTML sanitized again, against their own URL, else the upstream's `url`. */
  sanitize(items: JsonFeedItem[], url: string): Promise<JsonFeedItem[]> {
    return this.ask<JsonFeedItem[]>('sanitizing', (id) => ({ id, sanitize: items, url }) satisfies SanitizeRequest);
  }

  private ask<T>(work: string, message: (id: number) => ParseRequest | SanitizeRequest): Promise<T> {
    const worker = this.start();
    const id = this.next++;
    // The worker takes one request at a time and says when it starts one (and after each batch of items
    // sanitized): the limit counts from there, not from the wait behind the others (after an upgrade every
    // upstream is read again at once). Only a request sent to an idle worker is timed from now (its start-up).
    const idle = this.pending.size === 0;
    return new Promise<T>((resolve, reject) => {
      const restart = () => setTimeout(() => this.fail(new PortalError('parse', `${work} took longer than ${this.limits.timeoutMs} ms`)), this.limits.timeoutMs);
      this.pending.set(id, { resolve: resolve as (result: never) => void, reject, restart, ...(idle ? { timer: restart() } : {}) });
      worker.postMessage(message(id));
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const resourceLimits = { maxOldGenerationSizeMb: this.limits.maxMemoryMb };
    // From the sources (tests, npm start), tsx must be registered in the worker itself (tsx#354).
    const worker = WORKER.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`, { eval: true, resourceLimits })
      : new Worker(WORKER, { resourceLimits });
    worker.unref();
    worker.on('message', ({ id, result, error, progress }: { id: number; result?: never; error?: { code: PortalErrorCode; detail: string }; progress?: true }) => {
      const p = this.pending.get(id);
      if (!p) return;
      if (progress) {
        // Started, or a batch of items sanitized: the limit is per step, so a long feed of ordinary HTML is not cut off.
        clearTimeout(p.timer);
        p.timer = p.restart();
        return;
      }
      this.pending.delete(id);
      clearTimeout(p.timer);
      if (error) p.reject(new PortalError(error.code, error.detail));
      else p.resolve(result!);
    });
    worker.on('error', (e: NodeJS.ErrnoException) =>
      this.fail(new PortalError('parse', e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `parsing needed more than ${this.limits.maxMemoryMb} MB` : e.message)),
    );
    worker.on('exit', () => this.worker === worker && this.fail(new PortalError('parse', 'the parser stopped')));
    return (this.worker = worker);
  }

  /** Stops the worker and fails what it was parsing. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.fail(new PortalError('parse', 'the hub is stopping'));
  }
}

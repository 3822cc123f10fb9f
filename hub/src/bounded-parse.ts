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

/**
 * A request sent to the worker, kept with its message so that it can be sent again to a fresh worker;
 * `timer` runs while it is the one being worked on (see send).
 */
type Pending = {
  message: ParseRequest | SanitizeRequest;
  resolve: (result: never) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
  restart: () => NodeJS.Timeout;
};

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
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const restart = () => setTimeout(() => this.lose(new PortalError('parse', `${work} took longer than ${this.limits.timeoutMs} ms`)), this.limits.timeoutMs);
      const p: Pending = { message: message(id), resolve: resolve as (result: never) => void, reject, restart };
      this.pending.set(id, p);
      this.send(id, p);
    });
  }

  private send(id: number, p: Pending): void {
    const worker = this.start();
    // The worker takes one request at a time and says when it starts one (and after each batch of items
    // sanitized): the limit counts from there, not from the wait behind the others (after an upgrade every
    // upstream is read again at once). Only the request first in line is timed from now (the worker's start-up).
    if (this.pending.keys().next().value === id) p.timer = p.restart();
    worker.postMessage(p.message);
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
      this.lose(new PortalError('parse', e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `parsing needed more than ${this.limits.maxMemoryMb} MB` : e.message)),
    );
    worker.on('exit', () => this.worker === worker && this.lose(new PortalError('parse', 'the parser stopped')));
    return (this.worker = worker);
  }

  /**
   * The worker stopped (out of memory, past the time limit, exited) on the request it was on: the first in
   * line, as it takes them in the order sent. Only that one fails; the others, queued behind a hostile body,
   * are sent again to a fresh worker.
   */
  private lose(error: Error): void {
    this.stopWorker();
    const [first] = this.pending;
    if (!first) return;
    const [id, p] = first;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.reject(error);
    for (const [id, p] of this.pending) this.send(id, p);
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  /** Stops the worker and fails every request in line. */
  async close(): Promise<void> {
    this.stopWorker();
    const error = new PortalError('parse', 'the hub is stopping');
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }
}

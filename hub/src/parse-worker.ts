/**
 * Runs in a worker thread (bounded-parse.ts): upstream bodies → the model, its
 * HTML sanitized (html-sanitize.ts), one message at a time; and stored HTML of
 * an older hub sanitized again. A worker can be stopped mid-parse and has its
 * own memory limit, which a parse on the main thread could not.
 */
import { parentPort } from 'node:worker_threads';
import { PortalError, type FieldMap } from 'portal-widgets/core';
import type { JsonFeedItem } from './feed-output.js';
import { sanitizeFeed, sanitizeItems } from './html-sanitize.js';
import { parseUpstream } from './upstream-parse.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  contentType?: string;
  url: string;
  map?: FieldMap;
}

/** A stored copy's items (read by an older hub, or with another config), their HTML to sanitize again against `url`, the upstream's. */
export interface SanitizeRequest {
  id: number;
  sanitize: JsonFeedItem[];
  url: string;
}

/** One request at a time, in the order sent: bounded-parse.ts's time limit counts from when this one starts. */
let queue = Promise.resolve();
parentPort!.on('message', (request: ParseRequest | SanitizeRequest) => void (queue = queue.then(() => answer(request))));

async function answer(request: ParseRequest | SanitizeRequest): Promise<void> {
  const { id } = request;
  // Heard by bounded-parse.ts: its time limit is per step (from the start, the parse, each batch of items sanitized).
  const progress = () => parentPort!.postMessage({ id, progress: true });
  progress();
  try {
    const result =
      'sanitize' in request
        ? await sanitizeItems(request.sanitize, 'content_html', request.url, progress)
        : await sanitizeFeed(await parseUpstream(request.bytes, request.contentType, request.url, request.map), request.url, progress);
    parentPort!.postMessage({ id, result });
  } catch (e) {
    const error = e instanceof PortalError ? { code: e.code, detail: e.detail } : { code: 'parse', detail: `internal error: ${String(e)}` };
    parentPort!.postMessage({ id, error });
  }
}

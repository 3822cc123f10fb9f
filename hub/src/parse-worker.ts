/**
 * Runs in a worker thread (bounded-parse.ts): upstream bodies → the model, its
 * HTML sanitized (html-sanitize.ts), one message at a time; and stored HTML of
 * an older hub sanitized again. A worker can be stopped mid-parse and has its
 * own memory limit, which a parse on the main thread could not.
 */
import { parentPort } from 'node:worker_threads';
import { PortalError, type FieldMap } from 'portal-widgets/core';
import { sanitizeFeed, sanitizeHtml, type StoredHtml } from './html-sanitize.js';
import { parseUpstream } from './upstream-parse.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  contentType?: string;
  url: string;
  map?: FieldMap;
}

export interface SanitizeRequest {
  id: number;
  sanitize: StoredHtml[];
}

parentPort!.on('message', async (request: ParseRequest | SanitizeRequest) => {
  const { id } = request;
  try {
    const result =
      'sanitize' in request
        ? request.sanitize.map((s) => sanitizeHtml(s.html, s.base))
        : sanitizeFeed(await parseUpstream(request.bytes, request.contentType, request.url, request.map), request.url);
    parentPort!.postMessage({ id, result });
  } catch (e) {
    const error = e instanceof PortalError ? { code: e.code, detail: e.detail } : { code: 'parse', detail: `internal error: ${String(e)}` };
    parentPort!.postMessage({ id, error });
  }
});

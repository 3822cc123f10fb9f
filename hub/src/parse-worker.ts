/**
 * Runs in a worker thread (bounded-parse.ts): upstream bodies → the model, one
 * message at a time. A worker can be stopped mid-parse and has its own memory
 * limit, which a parse on the main thread could not.
 */
import { parentPort } from 'node:worker_threads';
import { PortalError, type FieldMap } from 'portal-widgets/core';
import { parseUpstream } from './upstream-parse.js';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  contentType?: string;
  url: string;
  map?: FieldMap;
}

parentPort!.on('message', async ({ id, bytes, contentType, url, map }: ParseRequest) => {
  try {
    parentPort!.postMessage({ id, feed: await parseUpstream(bytes, contentType, url, map) });
  } catch (e) {
    const error = e instanceof PortalError ? { code: e.code, detail: e.detail } : { code: 'parse', detail: `internal error: ${String(e)}` };
    parentPort!.postMessage({ id, error });
  }
});

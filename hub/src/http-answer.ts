/** What every route of the hub answers with: a refusal carrying its status, and a JSON body. */
import type { ServerResponse } from 'node:http';

/** A request the server refuses, with its status and a message for the JSON body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headOnly = false, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(headOnly ? undefined : text);
}

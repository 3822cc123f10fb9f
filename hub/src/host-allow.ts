/**
 * The host names the hub answers to (against DNS rebinding: a page on an
 * attacker's name that resolves to the hub sends `Host: evil.example` and, from
 * that page, `Origin: http://evil.example`, which would pass as "the hub's own
 * origin"). Only the configured `hosts`, plus the loopback names the demo and
 * a local proxy use, with any port; anything else gets 421.
 */
import type { IncomingMessage } from 'node:http';
import type { HubConfig } from './config.js';
import { HttpError } from './http-answer.js';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export function hostAllowList(config: HubConfig): (req: IncomingMessage) => void {
  const listen = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  const names = new Set([...LOOPBACK, ...config.hosts.map((h) => h.toLowerCase()), ...(['0.0.0.0', '[::]'].includes(listen) ? [] : [listen])]);
  return (req) => {
    const host = String(req.headers.host ?? '').toLowerCase();
    const name = host.replace(/:\d+$/, '');
    if (!names.has(name)) throw new HttpError(421, `host ${JSON.stringify(host)} is not one this hub serves (config: hosts)`);
  };
}

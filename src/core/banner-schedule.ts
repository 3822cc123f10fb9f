/**
 * Which banner messages show now, and when that changes: a message with a
 * `start`/`end` (read by formats/banner.ts) shows only in its period.
 */
import type { BannerMessage } from './model.js';

/** The messages shown at `now`: started and not yet ended. */
export const currentMessages = (messages: BannerMessage[], now = Date.now()): BannerMessage[] =>
  messages.filter((m) => (!m.start || +m.start <= now) && (!m.end || now < +m.end));

/** Milliseconds until the next message starts or ends, if one will. */
export function nextChange(messages: BannerMessage[], now = Date.now()): number | undefined {
  const later = messages.flatMap((m) => [m.start, m.end]).map(Number).filter((t) => t > now);
  return later.length ? Math.min(...later) - now : undefined;
}

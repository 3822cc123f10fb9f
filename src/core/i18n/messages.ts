/**
 * Every shared message of a language at once, the error texts with them, for
 * Node (the CLI, the hub) and tests. Widgets get theirs through
 * src/internal/messages.ts, which loads English and the error texts on demand.
 */
import type { PortalError } from '../errors.js';
import { en } from './en.js';
import { errorTexts, type ErrorTexts } from './errors.js';
import type { Lang } from './index.js';
import { vi, type Messages } from './vi.js';

export type AllMessages = Messages & { errors: ErrorTexts };

export const messages = (lang: Lang): AllMessages => ({ ...(lang === 'en' ? en : vi), errors: errorTexts[lang] });

/** An error in words, as the widgets and the CLI show it: `Máy chủ trả lỗi (HTTP 500)`. */
export function describeError(error: PortalError, lang: Lang): string {
  return `${errorTexts[lang][error.code]}${error.detail ? ` (${error.detail})` : ''}`;
}

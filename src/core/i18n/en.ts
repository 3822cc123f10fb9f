/** English, the second language: widgets load it on the first English render (src/internal/messages.ts). */
import type { Messages } from './vi.js';

export const en: Messages = {
  loading: 'Loading…',
  empty: 'No news yet.',
  noMatch: 'No matching news.',
  retry: 'Try again',
  more: 'More',
  staleNote: 'Showing the copy saved earlier.',
  errorTitle: 'Could not load the news',
  count: (n: number) => (n === 1 ? '1 article' : n ? `${n} articles` : 'No articles'),
  more_loading: 'Loading more…',
};

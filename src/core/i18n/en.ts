import type { Messages } from './vi.js';

export const en: Messages = {
  loading: 'Loading…',
  empty: 'No news yet.',
  noMatch: 'No matching news.',
  retry: 'Try again',
  more: 'More',
  staleNote: 'Showing the copy saved earlier.',
  errors: {
    http: 'The server answered with an error',
    timeout: 'The server did not answer in time',
    offline: 'Could not reach the server',
    blocked: 'The feed does not allow this site to read it',
    parse: 'The data is damaged and cannot be read',
    format: 'This address is not a valid news source',
    version: 'This feed version is not supported',
    'too-large': 'The document is too large to load',
    redirects: 'The address redirects in a loop or too many times',
    config: 'The widget is not set up correctly',
    'not-found': 'Article not found',
  },
  errorTitle: 'Could not load the news',
  count: (n: number) => (n === 1 ? '1 article' : n ? `${n} articles` : 'No articles'),
  more_loading: 'Loading more…',
};

/**
 * A document that never arrives, for the "loading" stories: fetches of
 * `/fixtures/__pending__/…` wait until aborted. Every other request goes to the
 * real fetch (the static fixtures), so the feed store is exercised as on a page.
 */
export const PENDING_PREFIX = '/fixtures/__pending__/';

const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  if (!url.pathname.startsWith(PENDING_PREFIX)) return realFetch(input, init);
  return new Promise((_, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
};

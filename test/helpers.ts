/** Shared test helpers: fixture URLs on the test server, request counts, waiting for a widget. */
import { resetStore } from '../src/core/feed-store.js';

/** URL of a fixture served through the fault-injecting middleware. */
export function docUrl(file: string, params: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ file, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return `/test-api/doc?${q}`;
}

let n = 0;
/** A key unique to this test, so request counts of tests never mix. */
export const uniqueKey = (name = 'k') => `${name}-${Date.now()}-${n++}`;

export async function requestCount(key: string): Promise<{ count: number; notModified: number }> {
  return (await fetch(`/test-api/count?key=${encodeURIComponent(key)}`)).json();
}

/** Forgets this page's fetched copies and the saved ones on the device. */
export async function resetFeeds(): Promise<void> {
  resetStore();
  await caches.delete('portal-widgets-v1');
}

/**
 * Waits until the device holds a saved copy of a URL containing `part`: the
 * feed store saves it once the page is idle (up to 500 ms after the answer,
 * longer on a loaded machine), so a fixed pause is not enough.
 */
export async function untilSaved(part: string, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!(await (await caches.open('portal-widgets-v1')).keys()).some((r) => r.url.includes(part))) {
    if (performance.now() > end) throw new Error(`timed out waiting for the saved copy of ${part}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until `check` is true (polling), or fails after `ms`. */
export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the next `name` event from `el`. */
export const nextEvent = <T = unknown>(el: EventTarget, name: string) =>
  new Promise<CustomEvent<T>>((resolve) => el.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }));

/** Collects console.warn calls while `fn` runs. */
export async function captureWarnings(fn: () => Promise<void> | void): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/**
 * Opens `src` in a frame and resolves with the first message its page posts with
 * `{source}` (a probe's report); the frame is removed once it has answered.
 */
export function framedReport<T>(src: string, source: string, ms = 25000): Promise<T> {
  const frame = document.createElement('iframe');
  return new Promise<T>((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.contentWindow || e.data?.source !== source) return;
      removeEventListener('message', onMessage);
      resolve(e.data as T);
    };
    addEventListener('message', onMessage);
    setTimeout(() => reject(new Error(`the ${source} page did not report`)), ms);
    frame.src = src;
    document.body.append(frame);
  }).finally(() => frame.remove());
}

/** Page-level settings a webmaster writes once, read by every widget, and the checks of what a webmaster writes. */

/** Tells the developer, in the console, that a setting was ignored or corrected (`detail` like `limit: not a whole number ≥ 1`). */
export const warnConfig = (detail: string): void => console.warn(`[portal-widgets] config: ${detail}`);

/**
 * A widget's document URL: its own `src`, else the page's meta of its document
 * kind (`<meta name="portal-widgets:src" content="/feed.json">`, see documents.ts),
 * made absolute against the page. One that is no http(s) URL (`javascript:`,
 * `file:`, `data:`) is none, and a console warning says so once per address; the
 * widget then shows its `config` error, not the `blocked` one a fetch would give.
 */
export function documentUrl(src: string | undefined, meta: string): string | undefined {
  const raw = src || document.querySelector<HTMLMetaElement>(`meta[name="${meta}"]`)?.content;
  if (!raw) return undefined;
  const url = httpUrl(raw);
  if (!url) refuse(raw, `src: not http(s): ${raw.slice(0, 80)}`);
  return url?.href;
}

/** The addresses already told to be no http(s) URL: documentUrl() and a search's results run on every render. */
const refused = new Set<string>();

/** Tells `detail` once per address `raw`. */
function refuse(raw: string, detail: string): void {
  if (!refused.has(raw)) warnConfig(detail);
  refused.add(raw);
}

/**
 * An address a webmaster wrote (`action`, a filled `list-href`) made absolute
 * against the page, if it is an http(s) URL; else undefined, with a console
 * `config` warning naming `attribute`: no exception, no `javascript:` navigation.
 */
export function pageHref(raw: string, attribute: string): URL | undefined {
  const url = httpUrl(raw);
  if (!url) refuse(raw, `${attribute}: not a URL (http: or https:)`);
  return url;
}

/** `raw` made absolute against the page, if it is an http(s) URL. */
function httpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The page address's query parameter `name`, if set. */
export const pageParam = (name: string): string | undefined =>
  new URLSearchParams(location.search).get(name) ?? undefined;

/**
 * The attribute converter of a count (`limit`): a whole number of at least 1
 * (`2.5` → 2); anything else (`0`, `-3`, `abc`) is `fallback`, the property's
 * default, with a console `config` warning, rather than an empty list or
 * `slice(0, -3)` dropping the last items.
 */
export const countAttribute = (name: string, fallback: number) => ({
  fromAttribute(value: string | null): number {
    const n = Math.floor(Number(value));
    if (value === null || (Number.isFinite(n) && n >= 1)) return value === null ? fallback : n;
    warnConfig(`${name}="${value}" ignored (not a whole number ≥ 1): ${fallback}`);
    return fallback;
  },
});

/** The longest delay a browser timer keeps (2^31−1 ms, about 24.8 days): a longer one, or Infinity, fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `ms` as a timer delay: at most {@link MAX_TIMER_MS}, so a far-off time never becomes a timer that fires at once. */
export const timerDelay = (ms: number): number => Math.min(ms, MAX_TIMER_MS);

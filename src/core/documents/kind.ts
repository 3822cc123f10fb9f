/**
 * What a widget needs to know of a document kind: the `<meta name>` a page names
 * its document with, the parse key (equal keys share one parse of one answer
 * between the widgets of a page, so every reader of a kind spells it the same
 * way: they all read it from the kind) and the parser. `setting` is what changes
 * a parse: the news `map` attribute, the banner's time zone.
 */
export interface DocumentKind<T> {
  /** The page's default document: `<meta name="…" content="URL">`. */
  meta: string;
  /** Names the parser and its setting. */
  key: (setting: string) => string;
  parse: (text: string, url: string, setting: string) => T | Promise<T>;
  /** Byte cap of its body (the feed store's default, 10 MB, when absent). */
  maxBytes?: number;
  /** Starts loading the parser's own code while the document is fetched (it loads on demand). */
  prepare?: () => void;
}

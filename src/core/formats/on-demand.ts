/**
 * A part of a reader loaded on demand: its module loads only once a document needs
 * it (./json-news.ts imports it then, and reads the document again if it was read
 * without it), and puts its function here. Until then `read` is undefined and the
 * reader does without it.
 */
export interface OnDemand<F> {
  /** The part's function, once its module is loaded. */
  read?: F;
}

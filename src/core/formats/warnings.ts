/**
 * What a parser tells about an entry it could not read whole: data, so the
 * console line, the CLI's vi/en report and tests are all made from the same
 * record rather than from an English sentence parsed back.
 */

/** What the widgets did about it. */
export type WarningEffect =
  | 'skip-item' // the entry (item, link, message) is left out
  | 'drop-field' // the entry is kept without that field
  | 'drop-document' // nothing of the document is shown
  | 'repair' // the document was repaired and read (broken XML)
  | 'cut'; // the field or list was cut to a bound (src/core/limits.ts)

/** Stable codes, worded to read in a console line as they are; the CLI's vi/en texts are keyed by them. */
export type WarningProblem =
  | 'missing'
  | 'empty'
  | 'not-a-string'
  | 'not-a-number'
  | 'not-a-whole-number'
  | 'not-a-date'
  | 'not-an-object'
  | 'not-an-array'
  | 'url-not-allowed'
  | 'incomplete-attachment'
  | 'before-start'
  | 'id-from-url'
  | 'id-from-hash'
  | 'xml-repaired'
  | 'too-long'
  | 'too-large'
  | 'too-deep'
  | 'too-many-items';

export interface ParseWarning {
  /** Field path in the document's own terms: `items[3].date_published`, `groups[0].links[2].url`. */
  path: string;
  problem: WarningProblem;
  effect: WarningEffect;
  /** The offending value, shortened, when it helps to see it. */
  value?: string;
}

/** A problem code as words: `not-a-date` → `not a date`, `url-not-allowed` → `URL not allowed`. */
export const words = (p: WarningProblem) => p.replace(/-/g, ' ').replace(/^url|xml/, (w) => w.toUpperCase());

/** The console line: `items[3].date_published: not a date`. */
export const warningText = (w: ParseWarning): string =>
  `${w.path ? `${w.path}: ` : ''}${words(w.problem)}${w.value ? ` (${w.value})` : ''}`;

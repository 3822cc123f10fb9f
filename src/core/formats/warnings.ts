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
  | 'repair'; // the document was repaired and read (broken XML)

/** Stable codes: the CLI's texts and the console text are keyed by them. */
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
  | 'xml-repaired';

export interface ParseWarning {
  /** Field path in the document's own terms: `items[3].date_published`, `groups[0].links[2].url`. */
  path: string;
  problem: WarningProblem;
  effect: WarningEffect;
  /** The offending value, shortened, when it helps to see it. */
  value?: string;
}

const TEXT: Record<WarningProblem, string> = {
  missing: 'missing',
  empty: 'empty',
  'not-a-string': 'not a string',
  'not-a-number': 'not a number',
  'not-a-whole-number': 'not a whole number',
  'not-a-date': 'not a date',
  'not-an-object': 'not an object',
  'not-an-array': 'not an array',
  'url-not-allowed': 'URL not allowed',
  'incomplete-attachment': 'needs url and mime_type',
  'before-start': 'before start',
  'id-from-url': 'missing: the url is used as id',
  'id-from-hash': 'missing: id made from title and date',
  'xml-repaired': 'broken XML repaired',
};

/** The console line: `items[3].date_published: not a date`. */
export const warningText = (w: ParseWarning): string =>
  `${w.path ? `${w.path}: ` : ''}${TEXT[w.problem]}${w.value ? ` (${w.value})` : ''}`;

/** Thrown by a field reader: the entry being read is skipped with this warning. */
export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: WarningProblem,
    readonly value?: string,
  ) {
    super(`${path}: ${TEXT[problem]}`);
  }
}

/** The warning for an entry skipped (or a field dropped) by `e`. */
export const skipped = (e: Invalid, effect: WarningEffect = 'skip-item'): ParseWarning => ({
  path: e.path,
  problem: e.problem,
  effect,
  ...(e.value === undefined ? {} : { value: e.value }),
});

/**
 * Reads each entry of `list` (JSON values or XML elements) with `read`; an entry
 * whose reader throws {@link Invalid} is skipped with one warning, the others kept
 * in order. `read` may return undefined to leave an entry out silently.
 */
export function readEach<R, T>(list: readonly R[], path: string, warnings: ParseWarning[], read: (raw: R, path: string) => T | undefined): T[] {
  const out: T[] = [];
  list.forEach((raw, i) => {
    try {
      const value = read(raw, `${path}[${i}]`);
      if (value !== undefined) out.push(value);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      warnings.push(skipped(e));
    }
  });
  return out;
}

/**
 * Runs an optional field's reader: an {@link Invalid} drops that field (undefined)
 * with a warning instead of skipping the entry.
 */
export function optional<T>(warnings: ParseWarning[], read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    warnings.push(skipped(e, 'drop-field'));
    return undefined;
  }
}

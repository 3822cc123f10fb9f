/**
 * Reading a list entry by entry: the one place where a bad entry becomes a
 * skipped item, or a bad field a dropped field, with its warning.
 */
import { words, type ParseWarning, type WarningEffect, type WarningProblem } from './warnings.js';

/** Thrown by a field reader: the entry being read is skipped with this warning. */
export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: WarningProblem,
    readonly value?: string,
  ) {
    super(`${path}: ${words(problem)}`);
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
 * Runs an optional field's reader on `args`: an {@link Invalid} drops that field
 * (undefined) with a warning instead of skipping the entry. The reader and its
 * arguments rather than a closure: an item's dozen fields are then not a dozen
 * functions, each compiled once the feed has a few items.
 */
export function optional<A extends unknown[], T>(warnings: ParseWarning[], read: (...args: A) => T, ...args: A): T | undefined {
  try {
    return read(...args);
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    warnings.push(skipped(e, 'drop-field'));
    return undefined;
  }
}

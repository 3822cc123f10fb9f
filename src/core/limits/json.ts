/**
 * The JSON side of ../limits.ts, loaded only for a document that may be over
 * the bounds (many commas, or a long text).
 */
import { CUT_MARK, type LimitedText, LIMITS, oversized, SLICE_MS, yieldToPage } from './bounds.js';

/** Whether the `"` at `at` is escaped (an odd run of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let n = 0;
  while (text.charCodeAt(at - 1 - n) === 92) n++;
  return n % 2 === 1;
}

/**
 * `text` with every array closed after LIMITS.items elements and every
 * oversized string replaced by CUT_MARK.
 */
export async function limitJson(text: string): Promise<LimitedText> {
  const max = LIMITS.items;
  /** Per open container: -1 for an object, the commas seen so far for an array. */
  const open: number[] = [];
  const kept: string[] = [];
  let from = 0;
  let itemsCut = false;
  /** While cutting: the depth of the array being cut and where the cut starts. */
  let cutDepth = -1;
  let cutFrom = 0;
  let slice = performance.now();
  let steps = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump over the string (indexOf is far faster than a loop over its characters).
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) break;
      if (cutDepth < 0 && oversized(end - i - 1)) {
        kept.push(text.slice(from, i + 1), CUT_MARK);
        from = end;
      }
      i = end;
    } else if (c === 91) open.push(0);
    else if (c === 123) open.push(-1);
    else if (c === 93 || c === 125) {
      if (cutDepth === open.length) {
        kept.push(text.slice(from, cutFrom));
        from = i;
        cutDepth = -1;
      }
      open.pop();
    } else if (c === 44 && cutDepth < 0 && open[open.length - 1] >= 0 && ++open[open.length - 1] === max) {
      cutDepth = open.length;
      cutFrom = i;
      itemsCut = true;
    }
    if (++steps === 0x10000 && ((steps = 0), performance.now() - slice > SLICE_MS)) {
      await yieldToPage();
      slice = performance.now();
    }
  }
  if (!kept.length) return { text, itemsCut, marked: false };
  kept.push(text.slice(from));
  return { text: kept.join(''), itemsCut, marked: kept.includes(CUT_MARK) };
}


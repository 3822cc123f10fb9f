/**
 * Vietnamese-aware text matching: "hoi nghi" finds "Hội nghị", "duong" finds
 * "Đường", NFC and NFD input alike. A query word matches the start of a word
 * (a Vietnamese syllable), so "hoi" finds "Hội" but not "thời", and a word
 * being typed ("hội ngh") already matches. The index is built once per feed:
 * each item's words are listed once, exact (NFC, lower case) and folded, in two
 * sorted vocabularies, so a keystroke costs two binary searches per word and a
 * walk over the items that hold the words — never a pass over the text.
 */
import { htmlToText } from './formats/html-text.js';
import type { NewsItem } from './model.js';

const MARKS = /[\u0300-\u036f]/g;

/** Lower case, tone and vowel marks removed, đ/Đ → d. Keeps one char per NFC char. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower-cased NFC text: for ranking exact-diacritic matches first. */
const exact = (text: string) => text.normalize('NFC').toLowerCase();

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const wordChars = new Map<number, boolean>();
/** Is this UTF-16 unit part of a word (letter, mark, digit)? ASCII inline, the rest asked once each. */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters and symbols alike: kept inside words
  let word = wordChars.get(c);
  if (word === undefined) wordChars.set(c, (word = WORD_CHAR.test(String.fromCharCode(c))));
  return word;
}

/**
 * Calls `visit` with each word of `text`: runs of letters, marks and digits.
 * A hand-written scan: splitting with a Unicode regular expression is five
 * times slower, and the index tokenizes every word of the feed.
 */
function eachWord(text: string, visit: (word: string) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isWordUnit(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(text.slice(start, i));
      start = -1;
    }
  }
}

/** The words of a query or a text (NFC, lower case), punctuation dropped. */
export function queryWords(query: string): string[] {
  const words: string[] = [];
  eachWord(exact(query), (w) => words.push(w));
  return words;
}

/** Weights by field (title, summary, body): a word in the title counts most. */
const FIELD_WEIGHT = [100, 10, 1];
/** An exact-diacritic match outranks any folded one. */
const EXACT_BONUS = 1000;

/** The text the index searches in an item: title, summary, body. */
function fieldsOf(item: NewsItem): [string, string, string] {
  return [item.title, item.summary ?? '', item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : '')];
}

/** Words in code-unit order, each with its postings (item index × 3 + field). */
interface Vocabulary {
  words: string[];
  postings: number[][];
}

function vocabulary(map: Map<string, number[]>): Vocabulary {
  const words = [...map.keys()].sort();
  return { words, postings: words.map((w) => map.get(w)!) };
}

/** Calls `visit` with the postings of every word of `vocab` that starts with `prefix`. */
function eachStartingWith(vocab: Vocabulary, prefix: string, visit: (postings: number[]) => void): void {
  const { words } = vocab;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < words.length && words[i].startsWith(prefix); i++) visit(vocab.postings[i]);
}

export class SearchIndex {
  private readonly items: readonly NewsItem[];
  private readonly exactWords: Vocabulary;
  private readonly foldedWords: Vocabulary;

  constructor(items: readonly NewsItem[]) {
    this.items = items;
    const exactMap = new Map<string, number[]>();
    items.forEach((item, i) => {
      fieldsOf(item).forEach((text, f) => {
        const posting = i * 3 + f;
        eachWord(exact(text), (word) => {
          const list = exactMap.get(word);
          if (!list) exactMap.set(word, [posting]);
          else if (list[list.length - 1] !== posting) list.push(posting);
        });
      });
    });
    // Fold each distinct word once, not each occurrence: a feed repeats its words.
    const foldedMap = new Map<string, number[]>();
    for (const [word, postings] of exactMap) {
      const folded = foldVietnamese(word);
      const list = foldedMap.get(folded);
      if (!list) foldedMap.set(folded, postings.slice());
      else for (const p of postings) list.push(p);
    }
    this.exactWords = vocabulary(exactMap);
    this.foldedWords = vocabulary(foldedMap);
  }

  /** Number of items indexed. */
  get size(): number {
    return this.items.length;
  }

  /** Items with a word starting with each word of `query`, best first; all items for an empty query. */
  search(query: string): NewsItem[] {
    const words = queryWords(query);
    const n = this.items.length;
    if (!words.length) return this.items.slice();
    const total = new Float64Array(n);
    const matched = new Uint8Array(n);
    const best = new Float64Array(n);
    for (const word of words) {
      best.fill(0);
      const mark = (bonus: number) => (postings: number[]) => {
        for (const p of postings) {
          const i = (p / 3) | 0;
          const s = FIELD_WEIGHT[p - i * 3] * bonus;
          if (s > best[i]) best[i] = s;
        }
      };
      eachStartingWith(this.foldedWords, foldVietnamese(word), mark(1));
      eachStartingWith(this.exactWords, word, mark(EXACT_BONUS));
      for (let i = 0; i < n; i++)
        if (best[i]) {
          total[i] += best[i];
          matched[i]++;
        }
    }
    // Best score first, then feed order (newest first): one numeric sort of (−score, index) keys.
    let count = 0;
    for (let i = 0; i < n; i++) if (matched[i] === words.length) count++;
    const keys = new Float64Array(count);
    for (let i = 0, k = 0; i < n; i++) if (matched[i] === words.length) keys[k++] = -total[i] * n + i;
    keys.sort();
    const out: NewsItem[] = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.items[((keys[k] % n) + n) % n];
    return out;
  }
}

const indexes = new WeakMap<readonly NewsItem[], SearchIndex>();

/** The search index of a list of items, built once per list (per feed), not per keystroke. */
export function searchIndex(items: readonly NewsItem[]): SearchIndex {
  let index = indexes.get(items);
  if (!index) indexes.set(items, (index = new SearchIndex(items)));
  return index;
}

/** A piece of text to show, and whether it is a matched word (to wrap in `<mark>`). */
export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into segments with the word starts that match `query` marked, as
 * the index matches them (folded, at a word start). For rendering as text:
 * never as HTML. The text is shown in NFC.
 */
export function highlight(text: string, query: string): Segment[] {
  text = text.normalize('NFC');
  const words = queryWords(query).map(foldVietnamese);
  if (!words.length) return [{ text, match: false }];
  // Fold char by char so positions in the folded text are positions in `text`.
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = foldVietnamese(text[i]);
    for (let k = 0; k < f.length; k++) at.push(i);
    folded += f;
  }
  at.push(text.length);
  const marked = new Uint8Array(text.length);
  for (const w of words) {
    for (let i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
      if (i > 0 && isWordUnit(folded.charCodeAt(i - 1))) continue; // inside a word: not a match
      marked.fill(1, at[i], at[i + w.length]);
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    segments.push({ text: text.slice(i, j), match: marked[i] === 1 });
    i = j;
  }
  return segments;
}

/**
 * Vietnamese-aware text matching: "hoi nghi" finds "Hội nghị", "duong" finds
 * "Đường", NFC and NFD input alike. A query word matches a whole word (a
 * Vietnamese syllable), so "hoi" finds "Hội" but not "thời"; the last word,
 * the one being typed ("hội ngh"), may also match the start of a word. The
 * index is built once per feed (see {@link SearchIndex}).
 */
import { newestFirst } from './dates.js';
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
/** At most this many query words count (the phrase check keeps one bit per word). */
const MAX_WORDS = 20;

/**
 * A match's rank, as one number so a numeric sort orders the results: the
 * words as a phrase, then words matched whole, then words with their exact
 * diacritics, then the fields: the phrase's (title 3, summary 2, body 1 × 10⁴)
 * and each word's best (title 100, summary 10, body 1). Each term's largest
 * sum stays below the next term's unit (3 × 10⁴ + {@link MAX_WORDS} × 100 < 10⁶,
 * {@link MAX_WORDS} × 10⁶ < 10⁸, × 10⁸ < 10¹⁰), and the whole, times the item
 * count, below 2⁵³.
 */
const PHRASE = 1e10;
const PHRASE_FIELD = 1e4;
const WHOLE = 1e8;
const EXACT = 1e6;

/** The text the index searches in an item: title, summary, body. */
function fieldsOf(item: NewsItem): [string, string, string] {
  return [item.title, item.summary ?? '', item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : '')];
}

/**
 * Ranks items for a query by the rules readers expect of a portal's search
 * (docs/accessibility.md): the query words as a phrase (adjacent, in order)
 * before scattered; whole words before prefixes (only the last word, the one
 * being typed, may match as a prefix: "nghi" is not "nghiệp" until it is the
 * last word); exact diacritics before folded; title, summary, body; then the
 * newest. The index keeps each distinct word once (NFC, lower case) with its
 * postings, each field as a sequence of word ids (for the phrase check), and
 * a sorted folded vocabulary: a keystroke costs binary searches and a walk
 * over the items holding the words, never a pass over the text.
 */
export class SearchIndex {
  private readonly items: readonly NewsItem[];
  /** Distinct words (NFC, lower case), by id. */
  private readonly words: string[] = [];
  /** Per word id: its postings, item index × 3 + field. */
  private readonly postings: number[][] = [];
  /** Per item × 3 + field: the field's words as ids, in order. */
  private readonly sequences: Int32Array[] = [];
  /** Per word id: where it occurs, as pairs (item × 3 + field, position): the phrase check starts only there. */
  private readonly occurrences: number[][] = [];
  /** Folded words in code-unit order, each with the ids of the words that fold to it. */
  private readonly folded: string[];
  private readonly foldedIds: number[][];
  /** Per item: its place when sorted newest first (feed order among equals); and the items in that order. */
  private readonly recency: Float64Array;
  private readonly byRecency: number[];

  constructor(items: readonly NewsItem[]) {
    this.items = items;
    const ids = new Map<string, number>();
    items.forEach((item, i) => {
      fieldsOf(item).forEach((text, f) => {
        const posting = i * 3 + f;
        const seq: number[] = [];
        eachWord(exact(text), (word) => {
          let id = ids.get(word);
          if (id === undefined) {
            ids.set(word, (id = this.words.length));
            this.words.push(word);
            this.postings.push([posting]);
            this.occurrences.push([]);
          } else {
            const list = this.postings[id];
            if (list[list.length - 1] !== posting) list.push(posting);
          }
          this.occurrences[id].push(posting, seq.length);
          seq.push(id);
        });
        this.sequences.push(Int32Array.from(seq));
      });
    });
    // Fold each distinct word once, not each occurrence: a feed repeats its words.
    const foldedMap = new Map<string, number[]>();
    this.words.forEach((word, id) => {
      const folded = foldVietnamese(word);
      const list = foldedMap.get(folded);
      if (list) list.push(id);
      else foldedMap.set(folded, [id]);
    });
    this.folded = [...foldedMap.keys()].sort();
    this.foldedIds = this.folded.map((w) => foldedMap.get(w)!);
    this.byRecency = items.map((_, i) => i).sort((a, b) => newestFirst(items[a], items[b]) || a - b);
    this.recency = new Float64Array(items.length);
    this.byRecency.forEach((item, rank) => (this.recency[item] = rank));
  }

  /** Number of items indexed. */
  get size(): number {
    return this.items.length;
  }

  /** Items holding every word of `query`, best first (see the class); all items, in feed order, for an empty query. */
  search(query: string): NewsItem[] {
    const words = queryWords(query).slice(0, MAX_WORDS);
    const n = this.items.length;
    if (!words.length) return this.items.slice();
    const score = new Float64Array(n);
    const matched = new Uint8Array(n);
    const best = new Float64Array(n);
    /** Per word id: a bit for each query word it matches, for the phrase check; and the ids the first word matches. */
    const mask = new Uint32Array(this.words.length);
    const first: number[] = [];
    const phrase = new Uint8Array(n);
    const last = words.length - 1;
    words.forEach((word, j) => {
      best.fill(0);
      const folded = foldVietnamese(word);
      const typing = j === last;
      // Folded words equal to the query word, or (the word being typed) starting with it: from the first not below it.
      let k = 0;
      for (let hi = this.folded.length; k < hi; ) {
        const mid = (k + hi) >> 1;
        if (this.folded[mid] < folded) k = mid + 1;
        else hi = mid;
      }
      for (; k < this.folded.length; k++) {
        const candidate = this.folded[k];
        const whole = candidate === folded;
        if (!whole && !(typing && candidate.startsWith(folded))) break;
        for (const id of this.foldedIds[k]) {
          const text = this.words[id];
          const exactMatch = text === word || (typing && text.startsWith(word));
          // Whole word beats prefix beats nothing; exact beats folded; then the field.
          const value = (whole ? WHOLE : 0) + (exactMatch ? EXACT : 0);
          mask[id] |= 1 << j;
          if (!j) first.push(id);
          for (const p of this.postings[id]) {
            const i = (p / 3) | 0;
            const s = value + FIELD_WEIGHT[p - i * 3];
            if (s > best[i]) best[i] = s;
          }
        }
      }
      for (let i = 0; i < n; i++)
        if (best[i]) {
          score[i] += best[i];
          matched[i]++;
        }
    });
    // The phrase: from each place the first word occurs in a matching item, do the next words follow?
    if (last > 0)
      for (const id of first) {
        const occ = this.occurrences[id];
        for (let k = 0; k < occ.length; k += 2) {
          const p = occ[k];
          const i = (p / 3) | 0;
          const field = 3 - (p - i * 3); // title 3, summary 2, body 1
          if (matched[i] !== words.length || phrase[i] >= field) continue; // not a result, or a phrase found in a field as good
          const seq = this.sequences[p];
          let j = 1;
          while (j <= last && mask[seq[occ[k + 1] + j]] & (1 << j)) j++;
          if (j > last) phrase[i] = field;
        }
      }
    // Best score first, then the newest: one numeric sort of (−score × n + recency) keys.
    let count = 0;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++)
      if (matched[i] === words.length) keys[count++] = -(score[i] + (phrase[i] && PHRASE + PHRASE_FIELD * phrase[i])) * n + this.recency[i];
    return [...keys.subarray(0, count).sort()].map((key) => this.items[this.byRecency[((key % n) + n) % n]]);
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
 * Splits `text` into segments with the words that match `query` marked, as
 * the index matches them (folded, whole words; the last query word also as a word start). For rendering as text:
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
  words.forEach((w, k) => {
    for (let i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
      if (i > 0 && isWordUnit(folded.charCodeAt(i - 1))) continue; // inside a word: not a match
      // As the index matches: only the word being typed (the last) may be the start of a longer word.
      if (k < words.length - 1 && isWordUnit(folded.charCodeAt(i + w.length))) continue;
      marked.fill(1, at[i], at[i + w.length]);
    }
  });
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    segments.push({ text: text.slice(i, j), match: marked[i] === 1 });
    i = j;
  }
  return segments;
}

/**
 * Whether a text holds every word of `query`, matched as the search matches
 * them (folded; whole words, the last also as a word start): "huong" finds
 * "Hương Trà" but not "Thương mại". For short texts such as link titles.
 */
export function wordMatcher(query: string): (text: string) => boolean {
  const words = queryWords(query).map(foldVietnamese);
  const last = words.length - 1;
  return (text) => {
    const own: string[] = [];
    eachWord(foldVietnamese(text), (w) => own.push(w));
    return words.every((w, k) => own.some((o) => o === w || (k === last && o.startsWith(w))));
  };
}

/**
 * Vietnamese-aware text matching: "hoi nghi" finds "Hội nghị", "duong" finds
 * "Đường", NFC and NFD input alike. A query word matches the start of a word
 * (a Vietnamese syllable), so "hoi" finds "Hội" but not "thời". The index folds
 * every item once per feed, so a keystroke costs only substring tests; typing
 * on (a query that narrows the previous one) searches only the previous hits.
 */
import { htmlToText } from './formats/html-text.js';
import type { NewsItem } from './model.js';

const MARKS = /[\u0300-\u036f]/g;
/** Anything that is not a letter or digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** Lower case, tone and vowel marks removed, đ/Đ → d. Keeps one char per NFC char. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower-cased NFC text: for ranking exact-diacritic matches first. */
const exact = (text: string) => text.normalize('NFC').toLowerCase();

/** Splits a query into words, dropping punctuation. */
export function queryWords(query: string): string[] {
  return query.normalize('NFC').split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
}

/** ` word word ` form of a field: a word start is then `' ' + word`, one substring test. */
const spaced = (text: string) => ` ${text.replace(SEPARATORS, ' ').trim()} `;

interface Entry {
  item: NewsItem;
  /** Title, summary and body folded, spaced, joined by '\n': "does every word occur at all" in one test each. */
  all: string;
  /** title, summary, body: folded, then exact (NFC, lower case), spaced. */
  folded: [string, string, string];
  exact: [string, string, string];
}

/** Weights by field: a word in the title counts most. */
const FIELD_WEIGHT = [100, 10, 1];
/** An exact-diacritic match outranks any folded one. */
const EXACT_BONUS = 1000;

/** The text the index searches in an item: title, summary, body. */
function fieldsOf(item: NewsItem): [string, string, string] {
  return [item.title, item.summary ?? '', item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : '')];
}

export class SearchIndex {
  private readonly entries: Entry[];
  /** The last query's folded word starts and the entries that matched them: typing on searches only those. */
  private last?: { words: string[]; hits: number[] };

  constructor(items: readonly NewsItem[]) {
    this.entries = items.map((item) => {
      const fields = fieldsOf(item);
      const folded = fields.map((f) => spaced(foldVietnamese(f))) as Entry['folded'];
      return { item, all: folded.join('\n'), folded, exact: fields.map((f) => spaced(exact(f))) as Entry['exact'] };
    });
  }

  /** Number of items indexed. */
  get size(): number {
    return this.entries.length;
  }

  /** Items whose words start with every word of `query`, best first; all items for an empty query. */
  search(query: string): NewsItem[] {
    const words = queryWords(query);
    if (!words.length) return this.entries.map((e) => e.item);
    const folded = words.map((w) => ` ${foldVietnamese(w)}`);
    const exactWords = words.map((w) => ` ${exact(w)}`);
    // A query that only adds to the last one (each old word is inside a new one) matches a subset of its hits.
    const last = this.last;
    const narrows = last && last.words.every((old) => folded.some((w) => w.includes(old)));
    const candidates = narrows ? last.hits : undefined;
    const hits: number[] = [];
    const scored: { item: NewsItem; score: number; index: number }[] = [];
    const n = candidates ? candidates.length : this.entries.length;
    for (let c = 0; c < n; c++) {
      const index = candidates ? candidates[c] : c;
      const entry = this.entries[index];
      if (!folded.every((w) => entry.all.includes(w))) continue;
      hits.push(index);
      let score = 0;
      for (let w = 0; w < folded.length; w++) {
        let best = 0;
        for (let f = 0; f < 3; f++) {
          if (!entry.folded[f].includes(folded[w])) continue;
          const s = FIELD_WEIGHT[f] * (entry.exact[f].includes(exactWords[w]) ? EXACT_BONUS : 1);
          if (s > best) best = s;
        }
        score += best;
      }
      scored.push({ item: entry.item, score, index });
    }
    this.last = { words: folded, hits };
    // Stable: equal scores keep feed order (newest first).
    return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
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
  const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);
  for (const w of words) {
    for (let i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
      if (isWordChar(folded[i - 1])) continue; // inside a word: not a match
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

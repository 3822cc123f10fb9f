/**
 * Vietnamese-aware text matching: "hoi nghi" finds "Hội nghị", "duong" finds
 * "Đường", NFC and NFD input alike. The index folds every item once per feed,
 * so a keystroke costs only substring tests.
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

/** Splits a query into words, dropping punctuation. */
export function queryWords(query: string): string[] {
  return query.normalize('NFC').split(/[\s\p{P}\p{S}]+/u).filter(Boolean);
}

interface Entry {
  item: NewsItem;
  /** title, summary, body: folded, then exact. */
  folded: [string, string, string];
  exact: [string, string, string];
}

/** Weights by field: a word in the title counts most. */
const FIELD_WEIGHT = [100, 10, 1];

export class SearchIndex {
  private readonly entries: Entry[];

  constructor(items: readonly NewsItem[]) {
    this.entries = items.map((item) => {
      const fields: [string, string, string] = [
        item.title,
        item.summary ?? '',
        item.contentText ?? (item.contentHtml ? htmlToText(item.contentHtml) : ''),
      ];
      return { item, folded: fields.map(foldVietnamese) as Entry['folded'], exact: fields.map(exact) as Entry['exact'] };
    });
  }

  /** Items containing every word of `query`, best first; all items for an empty query. */
  search(query: string): NewsItem[] {
    const words = queryWords(query);
    if (!words.length) return this.entries.map((e) => e.item);
    const folded = words.map(foldVietnamese);
    const exactWords = words.map(exact);
    const scored: { item: NewsItem; score: number; index: number }[] = [];
    this.entries.forEach((entry, index) => {
      let score = 0;
      for (let w = 0; w < folded.length; w++) {
        let best = 0;
        for (let f = 0; f < 3; f++) {
          if (!entry.folded[f].includes(folded[w])) continue;
          // An exact-diacritic match outranks any folded one in the same field.
          const s = FIELD_WEIGHT[f] * (entry.exact[f].includes(exactWords[w]) ? 1000 : 1);
          if (s > best) best = s;
        }
        if (!best) return;
        score += best;
      }
      scored.push({ item: entry.item, score, index });
    });
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

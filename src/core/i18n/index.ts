/**
 * Language resolution and the message tables' shape. Vietnamese is the default;
 * English is the second language (./messages.ts has every table at once). No
 * runtime localization framework: a host page that uses one for itself never
 * collides with ours.
 */
import { toLang, type Lang } from '../locale.js';
import type { Messages } from './vi.js';

export type { Lang, Messages };

/** The language of `el`: its own `lang`, else the nearest `[lang]` (across shadow roots), else `<html lang>`, else vi. */
export function resolveLang(el: Element, own?: string): Lang {
  // A `lang` property set from script is not reflected to the attribute until after the render.
  if (own) return toLang(own);
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return toLang(lang);
    // lang="" means unknown: keep looking above it, and above the shadow host.
    node = found?.parentElement ?? hostOf(found ?? node);
  }
  return toLang(document.documentElement.lang);
}

/** The shadow host `node` is in; null in the document. */
export function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * A widget's own messages in both languages (src/core/i18n/<widget>.ts), kept
 * apart from the shared table so a page pays only for the widgets it uses.
 * The vi table defines the shape; en must match it.
 */
export type Localized<T> = { vi: T; en: T };

/** The messages of `table` in `lang`. */
export const localize = <T>(table: Localized<T>, lang: Lang): T => table[lang];

/**
 * The shared messages as widgets get them: Vietnamese at once; English and the
 * error texts loaded the first time a widget needs them, so a Vietnamese page
 * that shows no error downloads neither. Until one arrives (or when it cannot,
 * offline), a widget shows Vietnamese, or the error box without its reason.
 */
import type { PortalError } from '../core/errors.js';
import type { ErrorTexts } from '../core/i18n/errors.js';
import type { Lang, Localized } from '../core/i18n/index.js';
import { vi, type Messages } from '../core/i18n/vi.js';

let english: Messages | undefined;
let errorTexts: Localized<ErrorTexts> | undefined;
let englishLoad: Promise<void> | undefined;
let errorsLoad: Promise<void> | undefined;
/** A load that failed (offline) is not tried again: the widget keeps its fallback. */
let englishFailed = false;
let errorsFailed = false;

/**
 * What every widget's `updateComplete` waits for beside its own render: the tables
 * below while they load, and a render a widget put off (a long list's items beyond
 * the first screenful). Kept here, with its first users: a module of its own
 * measured +0.01 KB gz on the whole-library entry.
 */
export const pendingWork = new Set<Promise<void>>();

/** Makes every widget's `updateComplete` wait for `work` too. */
export const trackPending = (work: Promise<void>): Promise<void> => {
  pendingWork.add(work);
  void work.finally(() => pendingWork.delete(work));
  return work;
};

/** Loads the error texts once; settles when they are there or cannot be. */
export const loadErrorTexts = (): Promise<void> =>
  (errorsLoad ??= trackPending(
    import('../core/i18n/errors.js').then(
      (m) => void (errorTexts = m.errorTexts),
      () => void (errorsFailed = true),
    ),
  ));

const loadEnglish = (): Promise<void> =>
  (englishLoad ??= trackPending(
    import('../core/i18n/en.js').then(
      (m) => void (english = m.en),
      () => void (englishFailed = true),
    ),
  ));

/** The shared table of `lang`; `arrived` runs once English, asked for here, is there. */
export function sharedMessages(lang: Lang, arrived: () => void): Messages {
  if (lang === 'en') {
    if (english) return english;
    if (!englishFailed) void loadEnglish().then(arrived);
  }
  return vi;
}

/** The reader's words for `error` in `lang`: undefined (and `arrived` once they are there) while the texts load, '' if they cannot. */
export function errorText(error: PortalError, lang: Lang, arrived: () => void): string | undefined {
  if (errorTexts) return errorTexts[lang][error.code];
  if (errorsFailed) return '';
  void loadErrorTexts().then(arrived);
  return undefined;
}

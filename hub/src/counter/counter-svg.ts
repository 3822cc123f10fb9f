/**
 * The counter without JavaScript: a small SVG of the figures for an `<img>` in
 * `<noscript>`. Its `<title>` and `<desc>` carry the same text for assistive
 * technology and for anyone opening it; the labels and number format are the
 * widget's own (portal-widgets/core), so both say the same words.
 */
import { formatNumber, visitCounterMessages } from 'portal-widgets/core';
import type { Counts } from '../storage.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function counterSvg(siteName: string, counts: Counts, lang: 'vi' | 'en'): string {
  const m = visitCounterMessages[lang];
  const rows: [string, number][] = [
    [m.total, counts.total],
    [m.online, counts.online],
    [m.today, counts.today],
  ];
  const desc = rows.map(([label, n]) => `${label}: ${formatNumber(n, lang)}`).join('. ');
  const lineHeight = 20;
  const height = 28 + rows.length * lineHeight;
  const lines = rows
    .map(
      ([label, n], i) =>
        `<text x="8" y="${44 + i * lineHeight}">${escape(label)}</text>` +
        `<text x="232" y="${44 + i * lineHeight}" text-anchor="end" font-weight="bold">${escape(formatNumber(n, lang))}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" lang="${lang}" width="240" height="${height}" viewBox="0 0 240 ${height}" role="img" aria-labelledby="t d">` +
    `<title id="t">${escape(`${m.heading} — ${siteName}`)}</title><desc id="d">${escape(desc)}.</desc>` +
    // Dark text on white: 15:1, far above WCAG's 4.5:1 for small text.
    `<rect width="240" height="${height}" rx="4" fill="#fff" stroke="#767676"/>` +
    `<g font-family="system-ui, sans-serif" font-size="14" fill="#1a1a1a"><text x="8" y="20" font-weight="bold">${escape(m.heading)}</text>${lines}</g>` +
    '</svg>'
  );
}

/**
 * HTML to plain text, for summaries shown as text, titles and the search index.
 * Reached only from the XML readers and the search index, which load on demand.
 */
import { decodeEntities } from './entities.js';

/** Strips tags, decodes character references and collapses white space. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A title or name as text: HTML in it (`<span>₹</span>`, `&lt;b&gt;`, entities
 * escaped twice) is read as its text, never shown as tags.
 */
export function plainText(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let text = raw;
  // A few rounds: `&amp;lt;b&amp;gt;` (escaped twice) comes out as no tag.
  for (let i = 0; i < 3 && /<\/?[a-z][^>]*>|&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text); i++) text = htmlToText(text);
  return text.replace(/\s+/g, ' ').trim() || undefined;
}

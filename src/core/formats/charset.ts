/**
 * Bytes → text, as a careful feed reader decodes them (never "UTF-8 always"):
 * a byte-order mark, else the `Content-Type` charset, else the XML
 * declaration's `encoding` (ISO-8859-1, windows-1252, GB2312/GBK, windows-1258 …),
 * else UTF-8. `TextDecoder` knows these labels in browsers and in Node. The feed
 * store loads this module only for a body ./utf8.ts cannot tell is UTF-8.
 */
import { charsetOf } from './utf8.js';

export { charsetOf } from './utf8.js';

/** Which encoding a body is read in, and what said so. */
export interface Charset {
  encoding: string;
  from: 'bom' | 'content-type' | 'declaration' | 'default';
}

/** A TextDecoder for `label`, if it knows it. */
function decoder(label: string | undefined): TextDecoder | undefined {
  try {
    return label ? new TextDecoder(label) : undefined;
  } catch {
    return undefined; // a label TextDecoder does not know: try the next source
  }
}

export function detectCharset(bytes: Uint8Array, contentType?: string | null): Charset {
  const [a, b, c] = bytes;
  const bom = a === 0xef && b === 0xbb && c === 0xbf ? 'utf-8' : a === 0xfe && b === 0xff ? 'utf-16be' : a === 0xff && b === 0xfe ? 'utf-16le' : '';
  if (bom) return { encoding: bom, from: 'bom' };
  const header = decoder(charsetOf(contentType));
  if (header) return { encoding: header.encoding, from: 'content-type' };
  // The XML declaration, read as ASCII (NULs dropped, for UTF-16 without a BOM).
  const head = String.fromCharCode(...bytes.subarray(0, 256)).replace(/\0/g, '');
  const xml = decoder(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]);
  return xml ? { encoding: xml.encoding, from: 'declaration' } : { encoding: 'utf-8', from: 'default' };
}

/** Decodes a response body; `contentType` is the response's Content-Type header, if any. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  // TextDecoder drops a BOM that matches its encoding, so none is left in the text.
  return new TextDecoder(detectCharset(bytes, contentType).encoding).decode(bytes);
}

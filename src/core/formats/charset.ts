/**
 * Bytes → text, as a careful feed reader decodes them (never "UTF-8 always"):
 * a byte-order mark, else the `Content-Type` charset, else the XML
 * declaration's `encoding` (ISO-8859-1, windows-1252, GB2312/GBK, windows-1258 …),
 * else UTF-8. `TextDecoder` knows these labels in browsers and in Node.
 */

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The `charset` parameter of a Content-Type header value. */
export const charsetOf = (contentType: string | null | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];

/** The encoding an XML declaration names: `<?xml version="1.0" encoding="windows-1258"?>`. */
function declared(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 256)).replace(/\0/g, '');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

function decoder(label: string | undefined): TextDecoder | undefined {
  try {
    return label ? new TextDecoder(label) : undefined;
  } catch {
    return undefined; // a label TextDecoder does not know: try the next source
  }
}

/** Which encoding a body is read in, and what said so. */
export interface Charset {
  encoding: string;
  from: 'bom' | 'content-type' | 'declaration' | 'default';
}

export function detectCharset(bytes: Uint8Array, contentType?: string | null): Charset {
  const bom = BOMS.find(([b]) => b.every((x, i) => bytes[i] === x));
  if (bom) return { encoding: bom[1], from: 'bom' };
  const header = decoder(charsetOf(contentType));
  if (header) return { encoding: header.encoding, from: 'content-type' };
  const xml = decoder(declared(bytes));
  return xml ? { encoding: xml.encoding, from: 'declaration' } : { encoding: 'utf-8', from: 'default' };
}

/** Decodes a response body; `contentType` is the response's Content-Type header, if any. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): string {
  // TextDecoder drops a BOM that matches its encoding, so none is left in the text.
  return new TextDecoder(detectCharset(bytes, contentType).encoding).decode(bytes);
}

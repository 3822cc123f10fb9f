/**
 * The ONE place where the hub decodes upstream bytes and calls into the
 * widgets' core readers, so that switching to core's next API (a DOMParser
 * passed in, charset decoding and entity repair in core: issue 11) is an edit
 * of this file only.
 *
 * For now: bytes are decoded here by their charset (the Content-Type's, then
 * the XML declaration's, then a BOM, else UTF-8) with TextDecoder, which knows
 * every WHATWG label (ISO-8859-1 is read as windows-1252, as browsers do);
 * RSS and Atom are read with core's readers on @xmldom/xmldom, which neither
 * expands entities declared in a DTD nor fetches external ones (such a feed
 * fails to parse instead of growing or reaching out).
 */
import { parseBanner, parseLinks, parseNews, type Banner, type Feed, type FieldMap, type LinkDirectory } from 'portal-widgets/core';
import { installDomParser } from 'portal-widgets/node-dom';

installDomParser();

const CHARSET_PARAM = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i;
const XML_DECLARATION = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/** The charset label a body declares, if any. */
export function declaredCharset(bytes: Uint8Array, contentType = ''): string | undefined {
  const fromHeader = CHARSET_PARAM.exec(contentType)?.[1];
  if (fromHeader) return fromHeader;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le';
  // The declaration is ASCII in every charset a feed uses: read the first bytes as latin1.
  return XML_DECLARATION.exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1];
}

/** Upstream bytes → text. An unknown label falls back to UTF-8 (with U+FFFD for what does not decode). */
export function decodeBody(bytes: Uint8Array, contentType?: string): string {
  const label = declaredCharset(bytes, contentType) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** A news document (JSON Feed, RSS, Atom, or a CMS's JSON through `map`) → the widgets' model. */
export function parseUpstream(bytes: Uint8Array, contentType: string | undefined, url: string, map?: FieldMap): Promise<Feed> {
  return parseNews(decodeBody(bytes, contentType), url, map);
}

/** A links or banner document the hub serves, checked at start with the widgets' own readers. */
export function parseDocument(type: 'links' | 'banner', text: string, url: string): LinkDirectory | Banner {
  return type === 'links' ? parseLinks(text, url) : parseBanner(text, url);
}

/**
 * The one place where the hub calls into the widgets' core readers: upstream
 * bytes are decoded by core's charset rules (BOM, Content-Type, the XML
 * declaration, else UTF-8; NFC after decoding) and read with core's parsers,
 * the same code the widgets run, with @xmldom/xmldom as the XML parser in
 * Node (core refuses DTD entities before any parser sees them).
 */
import { decodeBody, parseBanner, parseLinks, parseNews, setXmlParser, type Banner, type Feed, type FieldMap, type LinkDirectory } from 'portal-widgets/core';
import { nodeXmlParser } from 'portal-widgets/node-dom';

// Given to core's own reader: the node-dom entry is a bundle of its own, with its own copy of core.
setXmlParser(nodeXmlParser);

/** A news document (JSON Feed, RSS, Atom, or a CMS's JSON through `map`) → the widgets' model. */
export function parseUpstream(bytes: Uint8Array, contentType: string | undefined, url: string, map?: FieldMap): Promise<Feed> {
  return parseNews(decodeBody(bytes, contentType), url, map);
}

/** A links or banner document the hub serves, checked at start with the widgets' own readers. */
export function parseDocument(type: 'links' | 'banner', text: string, url: string): LinkDirectory | Banner {
  return type === 'links' ? parseLinks(text, url) : parseBanner(text, url);
}

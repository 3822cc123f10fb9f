/**
 * The Node path of the RSS and Atom readers (src/core/formats): a DOMParser
 * made of @xmldom/xmldom, handed to the readers with `setXmlParser`, so the
 * feed checker and the hub read feeds with exactly the code the widgets run.
 * Only Node code loads this: @xmldom/xmldom never reaches a page.
 *
 * The hub and the CLI call `useNodeXmlParser()` (below) once; from then on
 * `parseNews(text, url)` reads RSS and Atom in Node.
 *
 * Made to answer as browsers do: a malformed document becomes a document whose
 * root is `<parsererror>` (xmldom throws instead).
 */
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { setXmlParser, type XmlParser } from '../core/formats/xml.js';

const escapeXml = (s: string) => s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

/** A DOMParser-like object over @xmldom/xmldom, answering as a browser's does. */
export const nodeXmlParser: XmlParser = {
  parseFromString(text: string, type: 'application/xml'): Document {
    let first: string | undefined;
    try {
      const onError = (level: string, message: string) => {
        if (level === 'warning') return;
        first ??= message;
        throw new Error(message);
      };
      return new XmlDomParser({ onError }).parseFromString(text, type) as unknown as Document;
    } catch (e) {
      const message = (first ?? (e as Error).message).replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0];
      return new XmlDomParser().parseFromString(`<parsererror>${escapeXml(message)}</parsererror>`, 'application/xml') as unknown as Document;
    }
  },
};

/** Makes the core readers parse RSS and Atom with {@link nodeXmlParser} from now on. */
export function useNodeXmlParser(): void {
  setXmlParser(nodeXmlParser);
}

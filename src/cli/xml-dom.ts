/**
 * A DOMParser for Node, so the browser's RSS and Atom readers (src/core/formats)
 * run unchanged in the feed checker. Only the CLI loads this, and only for an
 * XML body: @xmldom/xmldom never reaches a page.
 *
 * Made to answer as browsers do: a malformed document becomes a document whose
 * root is `<parsererror>` (xmldom throws instead), and elements get the
 * `innerHTML` getter that the Atom reader uses for `type="xhtml"` text.
 */
import { DOMParser as XmlDomParser, XMLSerializer } from '@xmldom/xmldom';

const escapeXml = (s: string) => s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);

class NodeDOMParser {
  parseFromString(text: string, type: string): Document {
    let first: string | undefined;
    try {
      const onError = (level: string, message: string) => {
        if (level === 'warning') return;
        first ??= message;
        throw new Error(message);
      };
      return new XmlDomParser({ onError }).parseFromString(text, type as 'application/xml') as unknown as Document;
    } catch (e) {
      const message = (first ?? (e as Error).message).replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0];
      return new XmlDomParser().parseFromString(`<parsererror>${escapeXml(message)}</parsererror>`, 'application/xml') as unknown as Document;
    }
  }
}

/** Makes `DOMParser` available to the core parsers (once). */
export function installDomParser(): void {
  const g = globalThis as { DOMParser?: unknown };
  if (g.DOMParser) return;
  const element = Object.getPrototypeOf(new XmlDomParser().parseFromString('<a/>', 'application/xml').documentElement);
  if (!('innerHTML' in element)) {
    const serializer = new XMLSerializer();
    Object.defineProperty(element, 'innerHTML', {
      get(this: { childNodes: ArrayLike<unknown> }) {
        return Array.from(this.childNodes, (n) => serializer.serializeToString(n as never)).join('');
      },
    });
  }
  g.DOMParser = NodeDOMParser;
}

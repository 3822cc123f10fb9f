/**
 * The HTML named character references feeds use without declaring them:
 * Latin-1 (`&nbsp;` … `&yuml;`, in code-point order from U+00A0) and the
 * typographic ones. Written compactly: the XML readers load this on demand.
 */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const OTHERS: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217,
  sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242,
  Prime: 8243, lsaquo: 8249, rsaquo: 8250, euro: 8364, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, minus: 8722,
  le: 8804, ge: 8805, ne: 8800, infin: 8734, asymp: 8776, hearts: 9829, dong: 8363,
};
let table: Map<string, number> | undefined;

/** The character `&name;` stands for, or undefined for a name HTML does not define. */
export function entityText(name: string): string | undefined {
  if (!table) {
    table = new Map(Object.entries(OTHERS));
    LATIN1.split(' ').forEach((n, i) => table!.set(n, 160 + i));
  }
  const code = table.get(name);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/**
 * Whether a body is UTF-8 by the rules of ./charset.ts without its sniffing, which
 * loads only for the rest: another (or an unknown) charset label, a UTF-16
 * byte-order mark, or XML without a label, whose declaration may name one. Most
 * feeds are JSON or say `charset=utf-8`, and a page reading one need not carry
 * the sniffing.
 */

/** The `charset` parameter of a Content-Type header value. */
export const charsetOf = (contentType: string | null | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];

/** What ./charset.ts skips before an XML declaration: NUL (UTF-16 without a BOM) and `\s` in Latin-1. */
const BEFORE_DECLARATION = [0, 9, 10, 11, 12, 13, 32, 160];

/** True when ./charset.ts would surely read `bytes` as UTF-8; false when it must look (it may still find UTF-8). */
export function surelyUtf8(bytes: Uint8Array, contentType?: string | null): boolean {
  if (bytes[0] === 0xfe || bytes[0] === 0xff) return false; // perhaps a UTF-16 byte-order mark
  const label = charsetOf(contentType);
  if (label) return /^utf-?8$/i.test(label);
  return bytes[bytes.findIndex((b) => !BEFORE_DECLARATION.includes(b))] !== 0x3c; // not `<`: no XML declaration
}

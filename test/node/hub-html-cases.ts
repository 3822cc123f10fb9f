/**
 * Upstream HTML for the hub's sanitizing tests (hub-sanitize.test.ts, hub-sanitize-parity.test.ts): hostile
 * parts and ordinary article HTML, written for these tests.
 */

/** Hostile parts, each as it would be written: none may be in what the hub serves. */
export const HOSTILE =
  '<script>alert("s")</script><img src="/x.png" onerror="alert(1)" alt="x"><p onclick="alert(2)" style="color:red">bị tấn công</p>' +
  '<a href="javascript:alert(3)">j</a><a href=" JaVa\tScRiPt:alert(4)">j2</a><a href="data:text/html,<script>alert(5)</script>">d</a><img src="data:image/svg+xml,x" alt="d">' +
  '<iframe src="https://evil.example/"></iframe><object data="/x.swf">o</object><embed src="/x.swf">' +
  '<form action="https://evil.example/"><input name="pw"><button>gửi</button></form><style>body{display:none}</style>' +
  '<svg><script>alert(6)</script><a href="/x"><text>svg</text></a></svg>';
/** What must not survive, as found in HTML: a tag, a handler, a URL scheme, a style. */
export const LEFTOVERS = /<(script|iframe|object|embed|form|input|button|style|svg|text)\b|\bon[a-z]+=|javascript:|data:|style=|alert\(/i;
/** Ordinary article HTML: paragraphs, an image and a link by relative URL, a link that opens a new tab, a table. */
export const ARTICLE =
  '<h2>Kết quả</h2><p>Đoạn <strong>một</strong>.</p><figure><img src="anh/hoi-nghi.jpg" alt="Hội nghị" width="640"><figcaption>Ảnh</figcaption></figure>' +
  '<p><a href="/tin/2.html">tin khác</a> <a href="https://tinhuytthue.vn/" target="_top">nguồn</a></p>' +
  '<table><thead><tr><th scope="col">Xã</th></tr></thead><tbody><tr><td colspan="2">12</td></tr></tbody></table>';

/**
 * An XSS corpus generated from the known attack classes (not a copied list):
 * each vector runs `payload(id)` if a browser ever executes it, so the test can
 * tell which one got through.
 *
 *   handlers    every dangerous element × event-handler attribute, with the
 *               attributes that make the handler fire by itself
 *   schemes     javascript:/data:/vbscript: URLs in every URL-bearing attribute,
 *               with case, white space, control characters and entity encodings
 *   namespaces  SVG/MathML namespace confusion (foreign content × raw-text breakers)
 *   mutation    noscript, style, template, xmp, textarea, title, nested forms … whose
 *               content re-parses differently once serialized
 *   breakouts   attribute and tag breakouts, malformed tags
 */
export interface Vector {
  id: number;
  cls: 'handlers' | 'schemes' | 'namespaces' | 'mutation' | 'breakouts';
  html: string;
}

/** Elements with what makes each fire its handlers unaided. */
const ELEMENTS: [string, string, string][] = [
  ['img', 'src=x', ''],
  ['image', 'src=x', ''],
  ['video', 'src=x autoplay', '</video>'],
  ['audio', 'src=x autoplay', '</audio>'],
  ['input', 'autofocus', ''],
  ['input', 'type=image src=x', ''],
  ['svg', '', '</svg>'],
  ['body', '', ''],
  ['iframe', 'src=x', '</iframe>'],
  ['object', 'data=x', '</object>'],
  ['embed', 'src=x', ''],
  ['details', 'open', '<summary>s</summary></details>'],
  ['marquee', '', 'm</marquee>'],
  ['select', 'autofocus', '</select>'],
  ['textarea', 'autofocus', '</textarea>'],
  ['div', 'tabindex=1 autofocus contenteditable', 'd</div>'],
  ['style', '', '</style>'],
  ['link', 'rel=stylesheet href=x', ''],
  ['script', 'src=x', '</script>'],
  ['a', 'href=# autofocus', 'a</a>'],
  ['button', 'autofocus', 'b</button>'],
  ['frameset', '', '</frameset>'],
  ['math', 'href=#', '<mi>x</mi></math>'],
  ['table', 'background=x', '<tr><td>t</td></tr></table>'],
];

const HANDLERS = [
  'onerror', 'onload', 'onfocus', 'onfocusin', 'onmouseover', 'onclick', 'ontoggle', 'onstart',
  'onbegin', 'onanimationstart', 'onpointerenter', 'onbeforetoggle', 'onloadstart', 'onpageshow',
];

/** `javascript:` written the ways browsers still read as that scheme (and a few they do not). */
const JS_SCHEMES = [
  'javascript:', 'JaVaScRiPt:', 'JAVASCRIPT:', ' javascript:', '\tjavascript:', 'java\tscript:', 'java\nscript:',
  'java\rscript:', '\u0001javascript:', '\u000Bjavascript:', '&#106;avascript:', '&#x6A;avascript:',
  '&#0000106;avascript:', '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A', 'javascript&colon;',
  'jav&#x09;ascript:', 'jav&NewLine;ascript:', 'javascript&#58;', '&Tab;javascript:', '%20javascript:',
];

/** Where a URL can carry script: element, attribute, closing. */
const URL_SLOTS: [string, string, string][] = [
  ['<a href="', '">link</a>', 'href'],
  ['<a target=_blank href="', '">new tab</a>', 'href'],
  ['<img src="', '">', 'src'],
  ['<iframe src="', '"></iframe>', 'src'],
  ['<form><button formaction="', '">b</button></form>', 'formaction'],
  ['<form action="', '"><input type=submit></form>', 'action'],
  ['<object data="', '"></object>', 'data'],
  ['<embed src="', '">', 'src'],
  ['<svg><a xlink:href="', '"><text y=20>t</text></a></svg>', 'xlink:href'],
  ['<math href="', '"><mi>x</mi></math>', 'href'],
  ['<base href="', '">', 'href'],
  ['<blockquote cite="', '">q</blockquote>', 'cite'],
  ['<meta http-equiv=refresh content="0;url=', '">', 'content'],
];

/** Foreign-content containers and raw-text breakers for namespace confusion. */
const FOREIGN: [string, string][] = [
  ['<svg>', '</svg>'],
  ['<math>', '</math>'],
  ['<svg><foreignObject>', '</foreignObject></svg>'],
  ['<math><mtext>', '</mtext></math>'],
  ['<math><annotation-xml encoding="text/html">', '</annotation-xml></math>'],
  ['<svg><desc>', '</desc></svg>'],
  ['<math><mi><mglyph>', '</mglyph></mi></math>'],
  ['<svg><title>', '</title></svg>'],
  ['<math><mtext><table><mglyph>', '</mglyph></table></mtext></math>'],
];
const RAW_TEXT = ['style', 'title', 'textarea', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'plaintext'];

export function xssCorpus(payload: (id: number) => string): Vector[] {
  const out: Vector[] = [];
  const add = (cls: Vector['cls'], make: (p: string) => string) => {
    const id = out.length + 1;
    out.push({ id, cls, html: make(payload(id)) });
  };
  const img = (p: string) => `<img src=x onerror=${p}>`;

  // Every dangerous element × every event handler, quoting and case varied across the grid.
  ELEMENTS.forEach(([tag, attrs, close], e) =>
    HANDLERS.forEach((handler, h) => {
      const q = ['"', "'", ''][(e + h) % 3];
      const name = (e + h) % 4 === 0 ? handler.toUpperCase() : handler;
      add('handlers', (p) => `<${tag} ${attrs} ${name}=${q}${p}${q}>${close}`);
    }),
  );

  // Script URLs in every URL slot: javascript: variants, data:, vbscript:.
  for (const [open, close, attr] of URL_SLOTS) {
    for (const scheme of JS_SCHEMES) add('schemes', (p) => `${open}${scheme}${p}${close}`);
    add('schemes', (p) => `${open}data:text/html,<script>${p}</script>${close}`);
    add('schemes', (p) => `${open}data:text/html;base64,${btoa(`<script>${p}</script>`)}${close}`);
    add('schemes', (p) => `${open}data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${p}'/>${close}`);
    add('schemes', (p) => `${open}  DaTa:text/html,<script>${p}</script>${close}`);
    add('schemes', () => `${open}vbscript:msgbox(1)${close}`);
    add('schemes', () => `${open}VBScript&#58;msgbox(1)${close}`);
    if (attr === 'href') add('schemes', (p) => `${open}javascript://%0a${p}${close}`);
  }

  // Namespace confusion: a raw-text element inside foreign content, hiding markup
  // that an HTML parse would read as an element.
  for (const [open, close] of FOREIGN)
    for (const raw of RAW_TEXT) add('namespaces', (p) => `${open}<${raw}><a title="</${raw}>${img(p)}"></a></${raw}>${close}`);
  for (const [open, close] of FOREIGN) add('namespaces', (p) => `${open}<p><style>${img(p)}</style>${close}`);
  for (const [open, close] of FOREIGN) add('namespaces', (p) => `${open}</p><style><a id="</style>${img(p)}">${close}`);

  // Mutation: content that means one thing inside a raw-text or template element
  // and another once the element is dropped or the tree is serialized again.
  for (const wrapper of [...RAW_TEXT, 'select', 'table', 'option', 'form', 'svg', 'math'])
    for (const inner of [
      (p: string) => `<p title="</${wrapper}>${img(p)}">`,
      (p: string) => `<!--</${wrapper}>${img(p)}-->`,
      (p: string) => img(p),
    ])
      add('mutation', (p) => `<${wrapper}>${inner(p)}</${wrapper}>`);
  add('mutation', (p) => `<form><math><mtext></form><form><mglyph><style></math>${img(p)}`);
  add('mutation', (p) => `<form id=a><form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style>${img(p)}">`);
  add('mutation', (p) => `<math><mtext><table><mglyph><style><!--</style>${img(p)}-->`);
  add('mutation', (p) => `<noscript><style></noscript>${img(p)}</style>`);
  add('mutation', (p) => `<template><template><style></template>${img(p)}</style></template>`);
  add('mutation', (p) => `<svg></p><title><a id="</title>${img(p)}">`);
  add('mutation', (p) => `<xmp><p title="</xmp><svg/onload=${p}>">`);

  // Attribute and tag breakouts, malformed tags.
  for (const prefix of ['"><', "'><", '"/><', '--><', ']]><', '</title><', '</textarea><', '</script><', '</style><', '`><', '</noscript><', '</xmp><'])
    for (const tail of [(p: string) => `img src=x onerror=${p}>`, (p: string) => `script>${p}</script>`, (p: string) => `svg onload=${p}>`])
      add('breakouts', (p) => `${prefix}${tail(p)}`);
  for (const malformed of [
    (p: string) => `<img/src=x/onerror=${p}>`,
    (p: string) => `<img src=x onerror\n=${p}>`,
    (p: string) => `<img src=x onerror\u000C=${p}>`,
    (p: string) => `<<script>${p}//<</script>`,
    (p: string) => `<scr<script>ipt>${p}</scr</script>ipt>`,
    (p: string) => `<img """><script>${p}</script>">`,
    (p: string) => `<svg/onload=${p}//`,
    (p: string) => `<a """ onmouseover=${p} href=#>x</a>`,
    (p: string) => `<a href=x title="a"onmouseover=${p}>x</a>`,
    (p: string) => `<img src=\`x\`onerror=${p}>`,
    (p: string) => `<img src=x onerror=${p} <`,
    (p: string) => `<p style="background:url(javascript:${p})">s</p>`,
    (p: string) => `<div style="x:expression(${p})">s</div>`,
    (p: string) => `<img src=x on\u0000error=${p}>`,
    (p: string) => `<IMG SRC=x OnErRoR=${p}>`,
    (p: string) => `<iframe srcdoc="<img src=x onerror=${p}>"></iframe>`,
    (p: string) => `<object type=text/html data="data:text/html,<script>${p}</script>"></object>`,
    (p: string) => `<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3a;${p}">x</a>`,
  ])
    add('breakouts', malformed);

  return out;
}

// Collapses, in the static text of every Lit html`…` literal, each run of white
// space that holds a line break to one space: HTML renders both alike (outside
// <pre> and <textarea>, whose templates are left as written), and the shipped
// templates lose their indentation. The TypeScript parser finds the literals,
// nested ones included, so a backtick in a string or a comment cannot mislead it.
import ts from 'typescript';

/** `code` with its html`` literals' line breaks collapsed. */
export function minifyHtmlLiterals(code, file = 'x.ts') {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html' && !/<(pre|textarea)\b/.test(node.template.getText(source))) {
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const p of parts) {
        // The literal's text between its delimiters: ` or } before, ` or ${ after.
        const start = p.getStart(source) + 1;
        const end = p.getEnd() - (p.kind === ts.SyntaxKind.TemplateHead || p.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const raw = code.slice(start, end);
        const squeezed = raw.replace(/\s*\n\s*/g, ' ');
        if (squeezed !== raw) edits.push([start, end, squeezed]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [s, e, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + text + out.slice(e);
  return out;
}

/**
 * custom-elements.json from the JSDoc of every widget class (`npm run manifest`,
 * part of `npm run build`). Storybook's controls and docs and README's attribute
 * tables (scripts/readme-tables.mjs) are generated from it, so an attribute is
 * documented once, on its field.
 *
 * The `--litelement` support reads `static properties = {…}`; the plugin below
 * adds what it does not know about our conventions:
 * - tags are registered with `define('portal-x', PortalX)` (src/internal/define.ts),
 *   not `customElements.define`, so it links those calls to their classes;
 * - `{state: true}` properties are internal state, not attributes: removed;
 * - private and protected members, and undocumented events (the generic
 *   `dispatchEvent(new CustomEvent(name…))` inside `emit`), are not public API:
 *   removed; every widget documents its events with `@fires`;
 * - an attribute without a type annotation gets its type from its declaration
 *   (`type: Number` → number, `Boolean` → boolean, none → string);
 * - only the widgets and their base classes are kept: src/core modules are read
 *   only to resolve default values (`DEFAULT_TIME_ZONE` → 'Asia/Ho_Chi_Minh');
 * - every widget gets the shared `--portal-*` properties of src/styles/tokens.ts
 *   that its own JSDoc does not describe, so they are documented once.
 */
import { readFileSync } from 'node:fs';

const KEEP = /^src\/(components\/|internal\/(portal|document|news)-element\.ts$)/;

/** The shared `--portal-*` properties, documented once in src/styles/tokens.ts (`@cssprop --name - description`). */
const SHARED_TOKENS = [...readFileSync(new URL('./src/styles/tokens.ts', import.meta.url), 'utf8').matchAll(/@cssprop (--[\w-]+) - (.+)/g)].map(
  ([, name, description]) => ({ name, description }),
);

function portalConventions() {
  /** class name → {props: property name → {state, type} from `static properties`, base: superclass name}. */
  const declared = new Map();
  return {
    name: 'portal-widgets-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      // define('portal-news-list', PortalNewsList)
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'define' &&
        node.arguments.length === 2 &&
        ts.isStringLiteral(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        const tag = node.arguments[0].text;
        const className = node.arguments[1].text;
        const from = node.getSourceFile().statements.find(
          (s) => ts.isImportDeclaration(s) && s.importClause?.namedBindings?.elements?.some((e) => e.name.text === className),
        );
        const module = from
          ? new URL(from.moduleSpecifier.text.replace(/\.js$/, '.ts'), `file:///${moduleDoc.path}`).pathname.slice(1)
          : moduleDoc.path;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tag, declaration: { name: className, module } },
        ];
      }
      // static override properties: PropertyDeclarations = { x: {state: true}, n: {type: Number} }
      if (
        ts.isPropertyDeclaration(node) &&
        node.name.getText() === 'properties' &&
        node.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer) &&
        ts.isClassLike(node.parent) &&
        node.parent.name
      ) {
        const props = new Map();
        for (const p of node.initializer.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
          const opt = Object.fromEntries(
            p.initializer.properties.filter(ts.isPropertyAssignment).map((o) => [o.name.getText(), o.initializer.getText()]),
          );
          props.set(p.name.getText(), { state: opt.state === 'true', type: opt.type });
        }
        const base = node.parent.heritageClauses?.[0]?.types[0]?.expression.getText();
        declared.set(node.parent.name.text, { props, base });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const manifest = customElementsManifest;
      // Defaults that name a constant (`timeZone = DEFAULT_TIME_ZONE`) get its value.
      const constants = new Map(
        manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.kind === 'variable' && d.default).map((d) => [d.name, d.default])),
      );
      for (const m of manifest.modules)
        for (const d of m.declarations ?? [])
          for (const x of [...(d.members ?? []), ...(d.attributes ?? [])]) if (constants.has(x.default)) x.default = constants.get(x.default);
      manifest.modules = manifest.modules.filter((m) => KEEP.test(m.path));
      const isPublic = (x) => !x.privacy || x.privacy === 'public';
      for (const mod of manifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (d.kind !== 'class') continue;
          // The declaration in this class or the nearest ancestor: an inherited attribute is declared in its base.
          const props = (name) => {
            for (let cls = declared.get(d.name); cls; cls = declared.get(cls.base)) if (cls.props.has(name)) return cls.props.get(name);
            return undefined;
          };
          const isState = (name) => props(name)?.state === true;
          d.members = (d.members ?? []).filter((m) => isPublic(m) && !m.static && !m.name.startsWith('#') && !isState(m.name));
          d.attributes = (d.attributes ?? []).filter((a) => !isState(a.fieldName ?? a.name));
          for (const a of d.attributes) {
            // A widget that redeclares an inherited field (`declare src`) describes its attribute in its own words.
            const own = d.members.find((m) => m.name === a.fieldName);
            if (own?.description) a.description = own.description;
            if (a.type?.text) continue;
            const t = props(a.fieldName)?.type;
            a.type = { text: t === 'Number' ? 'number' : t === 'Boolean' ? 'boolean' : 'string' };
            const field = d.members.find((m) => m.name === a.fieldName);
            if (field && !field.type) field.type = a.type;
          }
          d.events = (d.events ?? []).filter((e) => e.description);
          if (d.customElement && d.tagName) {
            const own = new Set((d.cssProperties ?? []).map((p) => p.name));
            d.cssProperties = [...(d.cssProperties ?? []), ...SHARED_TOKENS.filter((t) => !own.has(t.name))];
          }
          for (const key of ['members', 'attributes', 'events']) if (!d[key].length) delete d[key];
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/portal-element.ts', 'src/internal/document-element.ts', 'src/internal/news-element.ts', 'src/core/dates.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer must not rewrite it.
  packagejson: false,
  plugins: [portalConventions()],
};

/**
 * The CDN build's rewrite of Rolldown's namespace helper (build/namespace-objects.js):
 * the object it writes instead gives the same live bindings, the runtime chunk
 * goes with its last user, and a call it cannot rewrite fails the build.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namespaceObjects } from '../../build/namespace-objects.js';

const RUNTIME = 'rolldown-runtime-X1.js';
const bundle = (code) => ({
  [RUNTIME]: { type: 'chunk', fileName: RUNTIME, moduleIds: ['\0rolldown/runtime.js'], imports: [], code: 'export{t}' },
  'news-A1.js': { type: 'chunk', fileName: 'news-A1.js', moduleIds: ['/src/news.ts'], imports: ['shared-B1.js', RUNTIME], code },
  'shared-B1.js': { type: 'chunk', fileName: 'shared-B1.js', moduleIds: ['/src/shared.ts'], imports: [], code: 'export{}' },
});

test('writes each namespace as getters, drops the import and the runtime chunk', () => {
  const b = bundle(`import{a as s}from"./shared-B1.js";import{t as e}from"./${RUNTIME}";let Y=1;var J=e({readNews:()=>Y,limit:()=>s});Y=2;export{J as t};`);
  namespaceObjects().generateBundle({}, b);
  const chunk = b['news-A1.js'];
  assert.equal(chunk.code, 'import{a as s}from"./shared-B1.js";let Y=1;var J={get readNews(){return Y},get limit(){return s}};Y=2;export{J as t};');
  assert.deepEqual(chunk.imports, ['shared-B1.js']);
  assert.equal(b[RUNTIME], undefined);
  // Live bindings: the getter reads the variable as it is now, as a module namespace does.
  const ns = new Function('s', 'let Y=1;var J={get readNews(){return Y},get limit(){return s}};Y=2;return J')(7);
  assert.deepEqual({ ...ns }, { readNews: 2, limit: 7 });
});

test('a call in another shape fails the build instead of calling a helper no longer imported', () => {
  const b = bundle(`import{t as e}from"./${RUNTIME}";var J=e({readNews:()=>Y},!0);export{J as t};`);
  assert.throws(() => namespaceObjects().generateBundle({}, b), /news-A1\.js calls Rolldown's runtime/);
});

test('an import of the runtime in an unknown form fails the build', () => {
  const b = bundle(`import*as e from"./${RUNTIME}";export{};`);
  assert.throws(() => namespaceObjects().generateBundle({}, b), /unknown form/);
});

/**
 * `npm run bench:peers -- --heap`: what a page keeps in its JS heap once the
 * list is on screen, from a V8 heap snapshot taken after a GC: self size by
 * kind (strings, code, Lit's template parts by constructor …) and the largest
 * strings, each page beside the baseline. Self sizes, not retained ones: they
 * add up to the heap figure, so the rows say where the difference lies.
 */

/** Reads a snapshot taken through the DevTools protocol. */
async function takeSnapshot(cdp) {
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  // HEAP_DUMP=PREFIX: each snapshot also written to PREFIX-<time>.heapsnapshot (DevTools' Memory panel opens it).
  if (process.env.HEAP_DUMP) (await import('node:fs')).writeFileSync(`${process.env.HEAP_DUMP}-${Date.now()}.heapsnapshot`, chunks.join(''));
  return JSON.parse(chunks.join(''));
}

const STRING_TYPES = new Set(['string', 'concatenated string', 'sliced string']);

/** Self size by row label, and the largest strings. */
export async function heapBreakdown(cdp) {
  const { snapshot, nodes, edges, strings, locations } = await takeSnapshot(cdp);
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const rows = new Map();
  const big = [];
  let total = 0;
  let native = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + TYPE]];
    const name = strings[nodes[i + NAME]];
    const size = nodes[i + SIZE];
    total += size;
    if (type === 'native') native += size;
    let label;
    if (STRING_TYPES.has(type)) {
      label = 'strings';
      if (size > 4096) big.push({ size, text: name });
    } else if (type === 'object' || type === 'native') label = `${type === 'native' ? 'native ' : ''}${name.split(' ')[0] || '(anonymous)'}`;
    else label = process.env.HEAP_CODE && type === 'code' ? `(code) ${name.slice(0, 40)}` : `(${type})`;
    rows.set(label, (rows.get(label) ?? 0) + size);
  }
  big.sort((a, b) => b.size - a.size);
  return {
    total,
    native,
    rows,
    big: big.slice(0, 5),
    machineCode: process.env.HEAP_JIT ? machineCode(snapshot, nodes, edges, strings, locations) : undefined,
    kept: process.env.HEAP_KEEP ? kept(snapshot, nodes, edges, strings) : undefined,
  };
}

/**
 * `HEAP_KEEP=1`: the page's data by what holds it, to tell what a list keeps
 * per item: a string by the property that holds it (`.summary`, `.title`; an
 * array's element reads `[]`, a closure's variable `(context) name`), an object
 * by its constructor and first keys, each with its count. Slices and
 * concatenations of a larger string (V8's sliced and cons strings) are counted
 * apart with the parents they keep alive: a title cut from a body keeps the
 * whole body.
 */
function kept(snapshot, nodes, edges, strings) {
  const width = snapshot.meta.node_fields.length;
  const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => snapshot.meta.node_fields.indexOf(f));
  const edgeWidth = snapshot.meta.edge_fields.length;
  const [EDGE_TYPE, EDGE_NAME, TO] = ['type', 'name_or_index', 'to_node'].map((f) => snapshot.meta.edge_fields.indexOf(f));
  const types = snapshot.meta.node_types[0];
  const edgeTypes = snapshot.meta.edge_types[0];
  const type = (i) => types[nodes[i + TYPE]];
  // The first strong holder of each node, and the edge that reaches it.
  const holder = new Map();
  for (let i = 0, e = 0; i < nodes.length; i += width) {
    for (let k = 0; k < nodes[i + EDGES]; k++, e += edgeWidth) {
      const edgeType = edgeTypes[edges[e + EDGE_TYPE]];
      if (edgeType !== 'weak' && !holder.has(edges[e + TO])) holder.set(edges[e + TO], [i, edgeType, edges[e + EDGE_NAME]]);
    }
  }
  const firstEdge = new Map();
  for (let i = 0, e = 0; i < nodes.length; e += nodes[i + EDGES] * edgeWidth, i += width) firstEdge.set(i, e);
  // A sliced or cons string with the strings it holds: what it keeps alive.
  const partsOf = (i) => {
    let sum = 0;
    for (let k = 0, e = firstEdge.get(i); k < nodes[i + EDGES]; k++, e += edgeWidth) {
      const to = edges[e + TO];
      if (STRING_TYPES.has(type(to))) sum += nodes[to + SIZE] + (type(to) === 'string' ? 0 : partsOf(to));
    }
    return sum;
  };
  const rows = new Map();
  const add = (label, size) => {
    const row = rows.get(label) ?? { size: 0, count: 0 };
    row.size += size;
    row.count++;
    rows.set(label, row);
  };
  const keys = (i, e0) => {
    const names = [];
    for (let k = 0, e = e0; k < nodes[i + EDGES] && names.length < 4; k++, e += edgeWidth) if (edgeTypes[edges[e + EDGE_TYPE]] === 'property') names.push(strings[edges[e + EDGE_NAME]]);
    return names.join(',');
  };
  for (let i = 0, e = 0; i < nodes.length; e += nodes[i + EDGES] * edgeWidth, i += width) {
    const t = type(i);
    const size = nodes[i + SIZE];
    if (t === 'object' && !strings[nodes[i + NAME]].startsWith('system')) add(`${strings[nodes[i + NAME]]} {${keys(i, e)}}`, size);
    if (!STRING_TYPES.has(t)) continue;
    const [by, edgeType, edgeName] = holder.get(i) ?? [];
    if (by === undefined) continue;
    const byType = type(by);
    if (STRING_TYPES.has(byType)) continue; // a part of a sliced or cons string: counted with it
    const by_ = byType === 'object' ? `${strings[nodes[by + NAME]]}.${edgeType === 'element' ? '[]' : strings[edgeName]}` : byType === 'closure' || edgeType === 'context' ? `(context) ${strings[edgeName]}` : null;
    if (by_ === null) continue; // the engine's own strings (names, source, constant pools)
    add(`string ${by_}${t === 'string' ? '' : ` (${t})`}`, size + (t === 'string' ? 0 : partsOf(i)));
  }
  return rows;
}

/**
 * `HEAP_JIT=1`: the machine code (V8's InstructionStream objects: functions its
 * tiers compiled, regular expressions compiled to native code) by what holds
 * it: where the "(code)" row's difference from jquery-rss lies. A regular
 * expression reads as its source (`/^\d+$/`: Chromium compiles one to machine
 * code at its first run); a function as its name (minified) and where it starts,
 * `script:line:column` (1-based: a source map of the page's bundle names its
 * src/ module), with ` (optimised)` for code held by the function itself, not
 * by its shared info (Maglev's or TurboFan's, for a function called hundreds of
 * times). Functions none of whose closures is alive have no position.
 */
function machineCode(snapshot, nodes, edges, strings, locations) {
  const fields = snapshot.meta.node_fields;
  const width = fields.length;
  const [TYPE, NAME, SIZE, EDGES] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f));
  const edgeWidth = snapshot.meta.edge_fields.length;
  const TO = snapshot.meta.edge_fields.indexOf('to_node');
  const types = snapshot.meta.node_types[0];
  const holders = new Map();
  const firstEdge = new Map();
  for (let i = 0, e = 0; i < nodes.length; i += width) {
    firstEdge.set(i, e);
    for (let k = 0; k < nodes[i + EDGES]; k++, e += edgeWidth) {
      const to = edges[e + TO];
      const list = holders.get(to);
      if (list) list.push(i);
      else holders.set(to, [i]);
    }
  }
  const name = (i) => strings[nodes[i + NAME]];
  const children = (i) => Array.from({ length: nodes[i + EDGES] }, (_, k) => edges[firstEdge.get(i) + k * edgeWidth + TO]);
  // Where each closure starts: the snapshot's locations (object, script id, script object, line, column; 0-based).
  const [OBJECT, SCRIPT, LINE, COLUMN] = ['object_index', 'script_object_index', 'line', 'column'].map((f) => snapshot.meta.location_fields.indexOf(f));
  const locationWidth = snapshot.meta.location_fields.length;
  const where = new Map();
  for (let k = 0; k < (locations?.length ?? 0); k += locationWidth) {
    const script = name(locations[k + SCRIPT]).split('/').pop();
    where.set(locations[k + OBJECT], `${script}:${locations[k + LINE] + 1}:${locations[k + COLUMN] + 1}`);
  }
  const isClosure = (j) => types[nodes[j + TYPE]] === 'closure';
  const functionLabel = (info) => {
    const closure = (holders.get(info) ?? []).find(isClosure);
    return `${name(info).replace('system / SharedFunctionInfo', '').replace(/^ \/ /, '') || '(anonymous)'}${closure !== undefined && where.has(closure) ? ` @${where.get(closure)}` : ''}`;
  };
  const byHolder = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    if (types[nodes[i + TYPE]] !== 'code' || !name(i).endsWith('InstructionStream')) continue;
    // InstructionStream ← Code ← SharedFunctionInfo (a function), IrRegExpData (a regular expression) or the closure itself (optimised code).
    const owners = (holders.get(i) ?? []).flatMap((j) => holders.get(j) ?? []);
    const info = owners.find((j) => name(j).includes('SharedFunctionInfo'));
    const regExp = owners.find((j) => name(j).includes('RegExpData'));
    const closure = owners.find(isClosure);
    let label = '(other)';
    // Its source's line breaks and tabs written as escapes, so it prints on one line.
    if (regExp !== undefined) label = `/${name(children(regExp).find((j) => types[nodes[j + TYPE]] === 'string') ?? regExp).replace(/[\t\n\r]/g, (c) => JSON.stringify(c).slice(1, -1))}/`;
    else if (info !== undefined) label = functionLabel(info);
    else if (closure !== undefined) label = `${name(closure) || '(anonymous)'}${where.has(closure) ? ` @${where.get(closure)}` : ''} (optimised)`;
    byHolder.set(label, (byHolder.get(label) ?? 0) + nodes[i + SIZE]);
  }
  return [...byHolder].sort((a, b) => b[1] - a[1]);
}

const kb = (b) => (b / 1024).toFixed(1);

/** Prints each page's breakdown: the rows where it differs most from the baseline's. */
export function printHeap(n, byPage, baseline) {
  const base = byPage[baseline];
  console.log(`\n${n} items: heap snapshot self size, KB (total; the rows furthest from ${baseline})`);
  for (const [name, h] of Object.entries(byPage)) {
    console.log(`  ${name}: ${kb(h.total)} KB, of which JS ${kb(h.total - h.native)}, the DOM and layout (native) ${kb(h.native)}`);
    if (name === baseline) continue;
    const labels = new Set([...h.rows.keys(), ...base.rows.keys()]);
    const diffs = [...labels].map((l) => [l, (h.rows.get(l) ?? 0) - (base.rows.get(l) ?? 0)]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const js = diffs.filter(([l]) => !l.startsWith('native '));
    const dom = diffs.filter(([l]) => l.startsWith('native '));
    for (const [label, d] of [...js.slice(0, 12), ...dom.slice(0, 6)]) console.log(`    ${label.padEnd(36)} ${kb(h.rows.get(label) ?? 0).padStart(8)}  (${d >= 0 ? '+' : ''}${kb(d)})`);
    for (const s of h.big) console.log(`    string ${kb(s.size)} KB: ${JSON.stringify(s.text.slice(0, 70))}`);
    if (h.kept) {
      // What this page holds beyond the baseline, by holder: the rows that grow with the items.
      const more = [...h.kept].map(([label, row]) => [label, row, base.kept?.get(label)]).filter(([, row, b]) => row.size - (b?.size ?? 0) > 1024);
      console.log(`    kept beyond ${baseline} by holder (KB, count, bytes per item):`);
      for (const [label, row, b] of more.sort((x, y) => y[1].size - x[1].size).slice(0, 12)) {
        const size = row.size - (b?.size ?? 0);
        console.log(`      ${kb(size).padStart(6)} ${String(row.count - (b?.count ?? 0)).padStart(5)} ${(size / n).toFixed(0).padStart(5)}  ${label.length > 90 ? `${label.slice(0, 87)}…` : label}`);
      }
    }
    if (h.machineCode) {
      const all = h.machineCode.reduce((sum, [, size]) => sum + size, 0);
      const regExps = h.machineCode.filter(([l]) => l.startsWith('/')).reduce((sum, [, size]) => sum + size, 0);
      console.log(`    machine code ${kb(all)} KB (regular expressions ${kb(regExps)}), the largest holders (KB):`);
      for (const [label, size] of h.machineCode.slice(0, Number(process.env.HEAP_JIT) > 1 ? Number(process.env.HEAP_JIT) : 16)) console.log(`      ${kb(size).padStart(5)}  ${label.length > 110 ? `${label.slice(0, 107)}…` : label}`);
    }
  }
}

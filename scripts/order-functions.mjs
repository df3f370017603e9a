// Orders a wasm's functions so that gzip finds more of each function in the
// ones just before it: what a page downloads is the gzip of the file, and
// deflate only looks 32 KB back. The compiler leaves functions in the order
// of the source, where a function is often far from those that look like it
// (the same Vec growth for another element type, a sibling drawing routine).
//
//   node scripts/order-functions.mjs IN.wasm OUT.wasm -- <wasm-opt flags>
//
// IN is wasm-opt's output (scripts/build.sh). A few orders are tried, each
// made greedily (start with the first function; next, the one not yet placed
// that shares the most byte sequences with the last placed), put in place with
// Binaryen's own JavaScript API (calls name their callee, so nothing else
// changes), and written out by wasm-opt with the build's flags again (its
// binary writer drops the redundant stack code the API's writer keeps). The
// smallest after gzip -9 is kept, the input's own order included: the result
// is never larger, and the same input always gives the same output. Only the
// order of the code changes; what a function does, and the module's imports
// and exports, stay as they were.
import binaryen from 'binaryen';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionSizes } from './wasm-sizes.mjs';

/** The set of a body's byte sequences of length `k`, each as a number. */
function shingles(body, k) {
  const set = new Set();
  for (let i = 0; i + k <= body.length; i++) {
    let h = 0;
    for (let j = 0; j < k; j++) h = h * 257 + body[i + j];
    set.add(h);
  }
  return set;
}

/**
 * An order of the functions (indices into `bodies`): from the first, each
 * next the one that shares the most sequences of `k` bytes with the last
 * `window` placed (counted, or as a share of both: `jaccard`).
 */
function greedyOrder(bodies, { k, window, jaccard }) {
  const sets = bodies.map((b) => shingles(b, k));
  const left = new Set(bodies.keys());
  const order = [0];
  left.delete(0);
  while (left.size) {
    let near = sets[order[order.length - 1]];
    if (window > 1) {
      near = new Set();
      for (const i of order.slice(-window)) for (const h of sets[i]) near.add(h);
    }
    let best = -1;
    let bestScore = -1;
    for (const j of left) {
      const other = sets[j];
      const [small, big] = near.size < other.size ? [near, other] : [other, near];
      let shared = 0;
      for (const h of small) if (big.has(h)) shared++;
      const score = jaccard ? shared / (near.size + other.size - shared || 1) : shared;
      if (score > bestScore) {
        bestScore = score;
        best = j;
      }
    }
    left.delete(best);
    order.push(best);
  }
  return order;
}

/** `bytes` with its defined functions in `order`, as Binaryen's API writes it. */
function reorder(bytes, order) {
  const module = binaryen.readBinary(bytes);
  const F = binaryen.Features;
  // What the build enables (scripts/wasm-build.sh), and nothing newer: the
  // writer would use encodings browsers do not read yet.
  module.setFeatures(F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt | F.ReferenceTypes | F.Multivalue);
  const defined = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
    if (!info.module) defined.push(info);
  }
  if (defined.length !== order.length) throw new Error(`order-functions: ${defined.length} functions, ${order.length} bodies`);
  // Removed and added again, each goes to the end: in `order`.
  for (const i of order) {
    const f = defined[i];
    module.removeFunction(f.name);
    module.addFunction(f.name, f.params, f.results, f.vars, f.body);
  }
  if (!module.validate()) throw new Error('order-functions: the reordered module does not validate');
  const out = module.emitBinary();
  module.dispose();
  return out;
}

const [input, output, dashes, ...flags] = process.argv.slice(2);
if (!input || !output || dashes !== '--') {
  console.error('usage: node scripts/order-functions.mjs IN.wasm OUT.wasm -- <wasm-opt flags>');
  process.exit(2);
}
const bytes = readFileSync(input);
const gzipped = (b) => gzipSync(b, { level: 9 }).length;
const { bodies } = functionSizes(bytes);
const dir = mkdtempSync(join(tmpdir(), 'order-functions-'));
try {
  let best = { name: 'as compiled', bytes, size: gzipped(bytes) };
  const before = best.size;
  for (const [name, how] of [
    ['3-byte sequences shared with the last', { k: 3, window: 1, jaccard: false }],
    ['4-byte sequences shared with the last', { k: 4, window: 1, jaccard: false }],
    ['4-byte sequences, share of both, the last three', { k: 4, window: 3, jaccard: true }],
  ]) {
    const moved = join(dir, 'moved.wasm');
    const written = join(dir, 'written.wasm');
    writeFileSync(moved, reorder(bytes, greedyOrder(bodies, how)));
    execFileSync('npx', ['--no-install', 'wasm-opt', ...flags, moved, '-o', written], { stdio: 'inherit' });
    const candidate = readFileSync(written);
    const size = gzipped(candidate);
    if (size < best.size) best = { name, bytes: candidate, size };
  }
  writeFileSync(output, best.bytes);
  console.log(`order-functions: ${input}: ${before} -> ${best.size} B gzip -9 (${best.name})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Shortens the names a wasm module and its wasm-bindgen glue share: each
// import ("./x_bg.js" "__wbg_fillText_89d353a9ad9f4a1a", a name with a hash
// that gzip cannot squeeze) and each export but `memory` becomes a short
// name, in the wasm's import and export sections and in the glue alike.
// Every page downloads both files, so each name was paid for twice: about
// 1 KB gzip on the widget. scripts/build.sh runs it between wasm-bindgen and
// wasm-opt; it checks that every name it renames is found in the glue.
//
//   node scripts/short-names.mjs MODULE_bg.wasm GLUE.js
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: node scripts/short-names.mjs MODULE_bg.wasm GLUE.js');

const bytes = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

// LEB128 and names, as the wasm binary format writes them.
function readU32(at) {
  let value = 0, shift = 0, b, p = at;
  do { b = bytes[p++]; value |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return [value >>> 0, p];
}
function u32(n) {
  const out = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return out;
}
function readName(at) {
  const [n, p] = readU32(at);
  return [bytes.subarray(p, p + n).toString('utf8'), p + n];
}
const name = (s) => { const b = Buffer.from(s, 'utf8'); return [...u32(b.length), ...b]; };

// Short names: a, b, … z, A … Z, then aa, ab, …
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function short(i) {
  let s = '';
  do { s = ALPHABET[i % ALPHABET.length] + s; i = Math.floor(i / ALPHABET.length) - 1; } while (i >= 0);
  return s;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Replaces whole-word occurrences of `from` (after `prefix`) in the glue;
// a name the glue never mentions means the glue's shape changed.
function rename(prefix, from, to) {
  const re = new RegExp(`(${escape(prefix)})${escape(from)}(?![A-Za-z0-9_$])`, 'g');
  const before = glue;
  glue = glue.replace(re, `$1${to}`);
  if (glue === before) throw new Error(`${gluePath}: ${prefix}${from} not found; check the pinned wasm-bindgen version`);
}

// The module the imports come from is named by a fingerprint of what the
// wasm and its glue agree on (the function types, and the import and export
// names as wasm-bindgen wrote them, hashes and all): short names are the
// same in every build ("a", "b", …), and a glue given the wasm of another
// build would otherwise link, calling one import for another. With it, such
// a pair fails to link, and says so.
const hash = createHash('sha256');
for (let at = 8; at < bytes.length; ) {
  const [len, body] = readU32(at + 1);
  if ([1, 2, 7].includes(bytes[at])) hash.update(bytes.subarray(at, body + len));
  at = body + len;
}
const MODULE = `w${parseInt(hash.digest('hex').slice(0, 8), 16).toString(36)}`;

const out = [bytes.subarray(0, 8)];
let p = 8;
let moduleName = null;
while (p < bytes.length) {
  const id = bytes[p];
  const [len, body] = readU32(p + 1);
  const end = body + len;
  if (id === 2) {
    // Imports: module, field, then a description copied as it is.
    let [count, q] = readU32(body);
    const section = [...u32(count)];
    for (let i = 0; i < count; i++) {
      let mod, field;
      [mod, q] = readName(q);
      [field, q] = readName(q);
      const kind = bytes[q];
      const start = q;
      q += 1;
      if (kind === 0) [, q] = readU32(q);
      else if (kind === 1) { q += 1; const [f, r] = readU32(q); [, q] = readU32(r); if (f & 1) [, q] = readU32(q); }
      else if (kind === 2) { const [f, r] = readU32(q); [, q] = readU32(r); if (f & 1) [, q] = readU32(q); }
      else if (kind === 3) q += 2;
      else throw new Error(`${wasmPath}: import kind ${kind} is not known here`);
      let newMod = mod;
      let newField = field;
      if (mod.endsWith('_bg.js')) {
        if (moduleName === null) moduleName = mod;
        newMod = MODULE;
        newField = short(i);
        rename('', field, newField);
      }
      section.push(...name(newMod), ...name(newField), ...bytes.subarray(start, q));
    }
    out.push(Buffer.from([2, ...u32(section.length), ...section]));
  } else if (id === 7) {
    // Exports: every one the glue reaches as `wasm.<name>`, but memory.
    let [count, q] = readU32(body);
    const section = [...u32(count)];
    for (let i = 0; i < count; i++) {
      let field;
      [field, q] = readName(q);
      const kind = bytes[q];
      const [index, r] = readU32(q + 1);
      q = r;
      let newField = field;
      if (field !== 'memory' && new RegExp(`wasm\\.${escape(field)}(?![A-Za-z0-9_$])`).test(glue)) {
        newField = `_${short(i)}`;
        rename('wasm.', field, newField);
      }
      section.push(...name(newField), kind, ...u32(index));
    }
    out.push(Buffer.from([7, ...u32(section.length), ...section]));
  } else {
    out.push(bytes.subarray(p, end));
  }
  p = end;
}
if (moduleName === null) throw new Error(`${wasmPath}: no imports from wasm-bindgen's glue`);
// The glue names the module its imports come from once, as an object key.
const key = JSON.stringify(moduleName);
if (!glue.includes(key)) throw new Error(`${gluePath}: ${key} not found; check the pinned wasm-bindgen version`);
glue = glue.split(key).join(JSON.stringify(MODULE));

writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(gluePath, glue);

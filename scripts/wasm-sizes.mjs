// Function sizes of a wasm file, by name: reads the code section and the
// name section (a build that keeps names, see scripts/size-breakdown.sh),
// and prints the largest functions and the total per crate. twiggy panics
// on this project's wasm, so this reads the format itself (a few dozen lines).
//
//   node scripts/wasm-sizes.mjs FILE.wasm [--top N] [--json]
import { readFileSync } from 'node:fs';

/**
 * The sections' sizes by id, each defined function's name and size, and
 * (`bodies`) the bytes of each defined function's body, in order.
 */
export function functionSizes(bytes) {
  let p = 0;
  const u32 = () => {
    let r = 0, shift = 0, b;
    do { b = bytes[p++]; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return r >>> 0;
  };
  const name = () => { const n = u32(); const s = new TextDecoder().decode(bytes.subarray(p, p + n)); p += n; return s; };
  if (bytes[0] !== 0 || bytes[1] !== 0x61) throw new Error('not a wasm file');
  p = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (p < bytes.length) {
    const id = bytes[p++];
    const len = u32();
    const end = p + len;
    sections[id] = (sections[id] || 0) + len;
    if (id === 2) { // imports: functions among them take the first indices
      for (let n = u32(); n > 0; n--) {
        name(); name();
        const kind = bytes[p++];
        if (kind === 0) { u32(); imported++; } else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } else { p++; u32(); }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) { const size = u32(); bodies.push(bytes.subarray(p, p + size)); p += size; }
    } else if (id === 0) {
      const section = name();
      if (section === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          const sublen = u32();
          const subend = p + sublen;
          if (sub === 1) for (let n = u32(); n > 0; n--) { const i = u32(); names.set(i, name()); }
          p = subend;
        }
      }
    }
    p = end;
  }
  return {
    sections,
    functions: bodies.map((body, i) => ({ name: names.get(i + imported) || `func[${i + imported}]`, size: body.length })),
    bodies,
  };
}

/** The crate a Rust symbol belongs to (demangled-ish names from the name section). */
export function crateOf(symbol) {
  const s = symbol.replace(/^_ZN|^<|^&/g, '').replace(/^\d+/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
  return m ? m[1] : '?';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, ...rest] = process.argv.slice(2);
  const top = Number(rest[rest.indexOf('--top') + 1]) || 40;
  const { functions, sections } = functionSizes(readFileSync(file));
  functions.sort((a, b) => b.size - a.size);
  const total = functions.reduce((s, f) => s + f.size, 0);
  const byCrate = new Map();
  for (const f of functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) || 0) + f.size);
  if (rest.includes('--markdown')) {
    const cell = (t) => t.replace(/\|/g, '\\|').replace(/::h[0-9a-f]{16}$/, '');
    console.log(`Code: ${total} B in ${functions.length} functions; data (strings, tables): ${sections[11] || 0} B.\n`);
    console.log('| crate | code bytes | share |\n|---|--:|--:|');
    for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`| ${c} | ${s} | ${((100 * s) / total).toFixed(1)} % |`);
    console.log(`\n| largest ${top} functions | bytes |\n|---|--:|`);
    for (const f of functions.slice(0, top)) console.log(`| \`${cell(f.name.slice(0, 120))}\` | ${f.size} |`);
  } else if (rest.includes('--json')) {
    console.log(JSON.stringify({ total, sections, functions }, null, 1));
  } else {
    console.log(`code: ${total} B in ${functions.length} functions; data: ${sections[11] || 0} B`);
    console.log('\nby crate:');
    for (const [c, s] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${String(s).padStart(8)}  ${c}`);
    console.log(`\nlargest ${top} functions:`);
    for (const f of functions.slice(0, top)) console.log(`${String(f.size).padStart(8)}  ${f.name.slice(0, 140)}`);
  }
}

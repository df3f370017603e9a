// Long-history benchmark (`npm run bench:history`; not a test): GitHub's
// whole status history, 1,282 real incidents of 2010-2023 from
// ../shared/realdata, as one Statuspage feed. Prints the time to import it
// (Node, the full wasm), to lay it out and draw it as SVG, and to first
// paint in Chromium (element created with the imported timeline as .data,
// to its ready event). RUNS=n sets the timed runs (default 5).
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importTimeline, renderToSvg } from '../../pkg/node.js';
import { startHarness } from './harness.mjs';

const RUNS = Number(process.env.RUNS || 5);
const HISTORY = new URL('../../../shared/realdata/statuspage/github-incident-history/', import.meta.url);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const time = (fn) => {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
};

const files = readdirSync(HISTORY).filter((f) => f.endsWith('.json'));
const docs = files.map((f) => JSON.parse(readFileSync(new URL(f, HISTORY), 'utf8')));
const feed = { page: docs[0].page, incidents: docs.map((d) => d.incident) };
const text = JSON.stringify(feed);

const imports = [];
const svgs = [];
let result;
let svg;
for (let i = 0; i <= RUNS; i += 1) {
  const [ti, r] = time(() => importTimeline(text));
  const [ts, s] = time(() => renderToSvg(r.timeline, { width: 1100 }));
  if (i > 0) {
    imports.push(ti);
    svgs.push(ts);
  }
  result = r;
  svg = s;
}
const events = result.timeline.events.length;
console.log(`GitHub status history: ${files.length} incidents, ${(text.length / 1048576).toFixed(1)} MB of JSON → ` +
  `${events} events in ${result.timeline.lanes.length} lanes, ${result.warnings.length} warnings`);
console.log(`median of ${RUNS} runs (ms):`);
console.log(`  import (Node, full wasm, JSON text → format v1)   ${median(imports).toFixed(1).padStart(8)}`);
console.log(`  layout + SVG (renderToSvg, 1,100 px; ${(svg.length / 1024).toFixed(0)} KB)     ${median(svgs).toFixed(1).padStart(8)}`);

const h = await startHarness();
try {
  const p = await h.openPage('/test/bench.html');
  await p.page.evaluate(() => window.itBench.warm());
  const paints = [];
  for (let i = 0; i <= RUNS; i += 1) {
    const ms = await p.page.evaluate((data) => new Promise((resolve) => {
      const el = document.createElement('incident-timeline');
      const t0 = performance.now();
      el.addEventListener('incident-timeline:ready', () => {
        const ready = performance.now() - t0;
        el.remove();
        resolve(ready);
      }, { once: true });
      el.data = data;
      document.body.append(el);
    }), result.timeline);
    if (i > 0) paints.push(ms);
  }
  console.log(`  first paint in Chromium (.data set → ready)         ${median(paints).toFixed(1).padStart(8)}`);
  await p.close();
} finally {
  await h.close();
}

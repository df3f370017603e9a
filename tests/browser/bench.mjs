// First-paint benchmark (`npm run bench`; not a test): in headless Chromium,
// the time from creating an <incident-timeline> with `.data` set, the wasm
// already instantiated, to its incident-timeline:ready event (fired right
// after the first draw: parse + layout + paint), and to the next animation
// frame after it; for the seed post-mortem and generated timelines of 1,000
// and 10,000 events. Targets (PRODUCT.md): seed within 30 ms, 10,000 events
// within 200 ms. RUNS=n changes the number of timed runs (default 7).
import { startHarness } from './harness.mjs';

const RUNS = Number(process.env.RUNS || 7);
const CASES = [
  { name: 'seed (30 events)', spec: { url: '/examples/seed-postmortem.json' }, target: 30 },
  { name: '1,000 events, 8 lanes', spec: { events: 1000, lanes: 8, seed: 1 } },
  { name: '10,000 events, 12 lanes', spec: { events: 10000, lanes: 12, seed: 2 }, target: 200 },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => x.toFixed(1).padStart(8);

const h = await startHarness();
try {
  const p = await h.openPage('/test/bench.html');
  const warm = await p.page.evaluate(() => window.itBench.warm());
  console.log(`Chromium ${h.browser.version()}; wasm fetched, compiled and instantiated, and a one-event widget drawn, ` +
    `${warm.sinceNavigation.toFixed(0)} ms after navigation (${warm.tinyReady.toFixed(1)} ms for that widget).`);
  console.log(`${RUNS} timed runs each (after one untimed), ms from element creation:\n`);
  const W = 34;
  console.log('timeline [events]'.padEnd(W) + 'to ready: median     min     max' + '   next frame: median     min');
  for (const c of CASES) {
    const runs = await p.page.evaluate(({ spec, runs }) => window.itBench.run(spec, runs), { spec: c.spec, runs: RUNS });
    const ready = runs.map((r) => r.ready);
    const frame = runs.map((r) => r.nextFrame);
    const verdict = c.target ? (median(ready) <= c.target ? `  (target ${c.target} ms: met)` : `  (target ${c.target} ms: MISSED)`) : '';
    console.log(
      `${c.name} [${runs[0].events}]`.padEnd(W) +
        `         ${ms(median(ready))}${ms(Math.min(...ready))}${ms(Math.max(...ready))}` +
        `               ${ms(median(frame))}${ms(Math.min(...frame))}` +
        verdict,
    );
  }
  const problems = await p.problems();
  if (problems.length) {
    console.error('\nthe bench page had errors:\n' + problems.join('\n'));
    process.exitCode = 1;
  }
  await p.close();
} finally {
  await h.close();
}

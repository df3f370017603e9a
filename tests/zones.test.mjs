// Time zones in wasm agree with the native tz database. The command line
// reads zone rules from chrono-tz; renderToSvg in Node reads them from the
// host's Intl, learning a week of offsets from two reads and finding a
// clock change between them by halving (src/time/zone/intl.rs). For zones
// with clock changes of an hour, half an hour (Lord Howe), 45 minutes
// (Chatham) and changes that come and go within weeks (Casablanca's
// Ramadan), each month of 2023 is drawn both ways: the axis, the labels'
// times, the caption and the ranges' ends must be the same bytes. Half the
// events are written as UTC instants, half as wall-clock times in the zone,
// and they come in no time order, so offsets are asked for out of order
// both ways. Node 20 has no Temporal, so there the offsets come from Intl;
// the same months are then drawn by renderToSvg in Chromium, which reads
// them from Temporal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToSvg } from '../pkg/node.js';
import { startHarness } from './browser/harness.mjs';

const root = new URL('../', import.meta.url).pathname;
const bin = `${root}target/debug/incident-timeline`;
const dir = mkdtempSync(join(tmpdir(), 'it-zones-'));

before(() => {
  execFileSync('cargo', ['build', '--bin', 'incident-timeline'], { cwd: root, stdio: 'inherit' });
});

const ZONES = [
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'America/Santiago',
];

// A small deterministic generator (the same documents every run).
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** A month of `zone` with eight events in two lanes, in no time order. */
function month(zone, m) {
  const rnd = random(m * 7919 + zone.length);
  const from = Date.UTC(2023, m, 1);
  const events = [];
  for (let i = 0; i < 8; i++) {
    const start = from + Math.floor(rnd() * 30 * 96) * 900_000;
    const end = start + (1 + Math.floor(rnd() * 12)) * 900_000;
    const utc = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
    // A wall-clock time in the zone: the UTC fields as if local, moved to
    // 4 AM-6 PM, away from the small hours where a clock change may make a
    // time not exist or occur twice.
    const wall = (t) => {
      const d = new Date(t - (start % 86_400_000) + (4 + (start / 3_600_000) % 14) * 3_600_000);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
    };
    const write = i % 2 ? utc : wall;
    events.push(i % 4 === 3
      ? { lane: 'b', kind: 'milestone', at: write(start), title: `Milestone ${i}` }
      : { lane: i % 2 ? 'a' : 'b', kind: 'outage', start: write(start), end: write(end), title: `Outage ${i}` });
  }
  return {
    version: 1,
    title: `${zone}, ${m + 1}/2023`,
    timezone: zone,
    lanes: [{ id: 'a', label: 'API' }, { id: 'b', label: 'Web' }],
    events,
  };
}

/** Each month of 2023 in `zone`: the document's text and the command line's SVG. */
function months(zone) {
  const out = [];
  for (let m = 0; m < 12; m++) {
    const doc = JSON.stringify(month(zone, m));
    const file = join(dir, `${zone.replace('/', '_')}-${m}.json`);
    writeFileSync(file, doc);
    const cli = spawnSync(bin, ['render', file, '--width', '1400'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    out.push({ doc, svg: cli.stdout, what: `${zone}, month ${m + 1}` });
  }
  return out;
}

for (const zone of ZONES) {
  test(`${zone}: every month of 2023 drawn by the command line and by renderToSvg in Node (Intl) is the same`, () => {
    for (const { doc, svg, what } of months(zone)) {
      assert.equal(renderToSvg(doc, { width: 1400 }), svg, what);
    }
  });
}

let h;
let page;
after(async () => {
  await page?.close();
  await h?.close();
});

test('the same months drawn by renderToSvg in Chromium (Temporal) are the same as the command line\'s', async () => {
  h = await startHarness();
  page = await h.openPage('/test/blank.html');
  assert.equal(await page.page.evaluate(() => typeof Temporal?.Instant), 'function', 'this Chromium has Temporal');
  for (const zone of ZONES) {
    const cases = months(zone);
    const drawn = await page.page.evaluate(async (docs) => {
      const { renderToSvg } = await import('/pkg/index.js');
      return docs.map((doc) => renderToSvg(doc, { width: 1400 }));
    }, cases.map((c) => c.doc));
    cases.forEach(({ svg, what }, i) => assert.equal(drawn[i], svg, what));
  }
});

// The static-site plugins' blocks that are not format v1: a status-page feed
// in the fence or named with src=, and post-mortem text (```incident-timeline
// {format="text" date="2022-12-07"}): each is read at build time into format
// v1 and SVG; a text line that looks like an entry but cannot be read fails
// the build with the file and its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderBlock } from '../pkg/ssg.js';

const ROOT = new URL('../', import.meta.url).pathname;
const INCIDENT = '../shared/realdata/statuspage/github-incident-history/bypf7bqdh4g0.json';

const TEXT = `8:24 – 8:49 AM (PST): A 25-minute outage occurred
8:36 AM: Our team isolated the issue
(12/8) 9 AM: The backend server is initialized
`;

test('a text block becomes format v1 and SVG at build time', () => {
  const { json, svg } = renderBlock(TEXT, { info: '{format="text" date="2022-12-07"}', file: 'post.md', line: 10 });
  const doc = JSON.parse(json);
  assert.equal(doc.version, 1);
  assert.equal(doc.events.length, 3);
  assert.equal(doc.events.find((e) => e.kind === 'outage').start, '2022-12-07T08:24:00-08:00');
  assert.match(svg, /^<svg role="img"/);
});

test('a text block of instants: an inferred window, infer="none" turns it off, and no "0 s" is claimed', () => {
  const INSTANTS = '14:02 UTC: First alerts for elevated 5xx errors\n14:20 UTC: Most services begin to recover\n14:51 UTC: Incident mitigated\n';
  const auto = JSON.parse(renderBlock(INSTANTS, { info: '{format="text" date="2024-05-01"}', file: 'post.md', line: 1 }).json);
  const inferred = auto.events.filter((e) => e.inferred === true);
  assert.ok(inferred.length >= 1, JSON.stringify(auto.events));
  assert.ok(inferred.every((e) => ['outage', 'degraded'].includes(e.kind) && /^Inferred from “First alerts/.test(e.detail)), JSON.stringify(inferred));
  const off = renderBlock(INSTANTS, { info: '{format="text" date="2024-05-01" infer="none"}', file: 'post.md', line: 1 });
  const doc = JSON.parse(off.json);
  assert.deepEqual(doc.events.map((e) => e.kind), ['milestone', 'milestone', 'milestone']);
  assert.ok(doc.events.every((e) => !('inferred' in e)));
  // The SVG's description says no outage was stated, not "0 s" of downtime.
  const desc = off.svg.match(/<desc[^>]*>([^<]*)<\/desc>/)?.[1] ?? '';
  assert.match(desc, /No outage or degraded time stated/);
  assert.doesNotMatch(desc, /\b0 s\b/);
});

test('an unreadable line in a text block fails the build at its line', () => {
  assert.throws(
    () => renderBlock(`${TEXT}25:99 PM: not a time\n`, { info: '{format="text" date="2022-12-07"}', file: 'post.md', line: 10 }),
    (e) => e.name === 'IncidentTimelineBuildError' && /post\.md:10/.test(e.message) && /line 14, column \d+: .*25:99/.test(e.message),
  );
  // Without the date the text lacks, the build says so.
  assert.throws(() => renderBlock(TEXT, { info: '{format="text"}', file: 'post.md', line: 3 }), /pass a date/);
});

test('a feed block, inline or by src=, becomes format v1 and SVG at build time', () => {
  const feed = readFileSync(`${ROOT}${INCIDENT}`, 'utf8');
  const inline = renderBlock(feed, { info: '{format="statuspage"}', file: `${ROOT}post.md`, line: 1 });
  const bySrc = renderBlock('', { info: `{src="${INCIDENT}"}`, file: `${ROOT}post.md`, line: 1 });
  for (const { json, svg } of [inline, bySrc]) {
    const doc = JSON.parse(json);
    assert.equal(doc.version, 1);
    assert.equal(doc.title, 'Incident with Packages and Pages');
    assert.ok(doc.lanes.some((l) => l.label === 'Packages'));
    assert.match(svg, /<title>Incident with Packages and Pages<\/title>/);
  }
  assert.equal(inline.json, bySrc.json);
  assert.throws(
    () => renderBlock('', { info: '{src="missing.json"}', file: `${ROOT}post.md`, line: 4 }),
    /post\.md:4: .*src "missing\.json": cannot read/s,
  );
});

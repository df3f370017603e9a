// The command-line tool on every real feed in ../shared/realdata: `import`
// writes format v1 that `check` accepts (as format v1, not as a feed), and
// `render` and `check` read the feed itself. A document that is no known
// feed fails with the error that says so.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'target/debug/incident-timeline');
const realdata = join(root, '../shared/realdata');
const history = join(realdata, 'statuspage/github-incident-history');
const feeds = [
  ...readdirSync(join(realdata, 'statuspage')).filter((f) => f.endsWith('.json')).map((f) => join(realdata, 'statuspage', f)),
  ...readdirSync(join(realdata, 'gcp')).map((f) => join(realdata, 'gcp', f)),
];
const out = mkdtempSync(join(tmpdir(), 'incident-timeline-import-'));

before(() => {
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--bin', 'incident-timeline'], { cwd: root, stdio: 'inherit' });
});

function cli(...args) {
  return spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

test('import: every real feed file, and GitHub\'s history folder, become format v1 that check accepts', () => {
  assert.ok(feeds.length >= 5, feeds.join('\n'));
  for (const [i, input] of [...feeds, history].entries()) {
    const r = cli('import', input);
    assert.equal(r.status, 0, `${input}: ${r.stderr}`);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.version, 1);
    assert.ok(doc.events.length > 0, input);
    const file = join(out, `${i}.json`);
    writeFileSync(file, r.stdout);
    const check = cli('check', file);
    assert.equal(check.status, 0, `${input} → ${file}: ${check.stderr}`);
    assert.match(check.stdout, /: ok \(\d+ events, \d+ lanes\)\n$/, 'read as format v1, not as a feed');
  }
});

test('render and check read a feed directly; the feed options filter it', () => {
  const one = join(history, 'bypf7bqdh4g0.json');
  const check = cli('check', one);
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /imported from a statuspage feed/);
  const svg = cli('render', one, '--width', '700');
  assert.equal(svg.status, 0, svg.stderr);
  assert.match(svg.stdout, /^<svg role="img"/);
  assert.match(svg.stdout, /<title>Incident with Packages and Pages<\/title>/);
  const year = JSON.parse(cli('import', history, '--since', '2020-01-01', '--until', '2020-12-31').stdout);
  const all = JSON.parse(cli('import', history).stdout);
  assert.ok(year.events.length > 0 && year.events.length < all.events.length / 4, `${year.events.length} of ${all.events.length}`);
  for (const e of year.events) assert.match(e.start ?? e.at, /^2020-/);
});

test('a document that is no known feed, and a bad option, fail with errors that say so', () => {
  const upptime = join(realdata, 'other/upptime_upptime_history_summary.json');
  const r = cli('import', upptime);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /neither format v1 nor a known status-page feed/);
  const bad = cli('import', feeds[0], '--from', 'pagerduty');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--from is statuspage, incidentio, gcp or text, not pagerduty/);
});

test('import of a real post-mortem: impact inferred from its instants, --infer none turns it off', () => {
  // Fastly's 8 June 2021 summary: instants only ("09:47 Initial onset of global disruption" …
  // "12:35 Incident mitigated"), no range written as one.
  const post = join(root, 'tests/fixtures/corpus/c-fastly-2021-06-08-outage.md');
  const auto = cli('import', post, '--date', '2021-06-08');
  assert.equal(auto.status, 0, auto.stderr);
  const inferred = JSON.parse(auto.stdout).events.filter((e) => e.inferred === true);
  assert.ok(inferred.length >= 1, auto.stdout);
  assert.ok(inferred.every((e) => e.kind === 'outage' || e.kind === 'degraded'), JSON.stringify(inferred));
  assert.equal(inferred[0].start, '2021-06-08T09:47:00Z');
  const none = cli('import', post, '--date', '2021-06-08', '--infer', 'none');
  assert.equal(none.status, 0, none.stderr);
  const events = JSON.parse(none.stdout).events;
  assert.ok(events.every((e) => e.kind === 'milestone' && !('inferred' in e)), none.stdout);
  const bad = cli('import', post, '--infer', 'maybe');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--infer is auto or none, not maybe/);
});

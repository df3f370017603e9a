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

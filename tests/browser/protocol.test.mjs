// The names JavaScript and the core share, pinned from both sides: the JS
// reads every rule by name from the wasm `Chart` (colour roles, the fields
// of a description, the size limit), and each name the JS or the docs use
// must be one the core gives, and the other way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { coreLoader } from '../../pkg/core.js';
import { createGlue } from '../../pkg/glue.js';

const root = new URL('../../', import.meta.url);
const core = coreLoader(createGlue, null);
const { Chart } = core.loadSync(readFileSync(new URL('pkg/incident_timeline_bg.wasm', root)));
const interact = readFileSync(new URL('js/interact.js', root), 'utf8');
const element = readFileSync(new URL('js/element.js', root), 'utf8');

test('every field of a description the JS reads (d.<name>) is one the core names', () => {
  const fields = Chart.describeFields().split(' ');
  assert.ok(fields.length >= 10, fields.join(' '));
  assert.equal(new Set(fields).size, fields.length, 'no name twice');
  const read = new Set([...interact.matchAll(/\bd\.([a-z]+)\b/g)].map((m) => m[1]));
  read.delete('links'); // built by the JS from the pairs after the named fields
  assert.ok(read.size >= 8, [...read].join(' '));
  for (const name of read) assert.ok(fields.includes(name), `interact.js reads d.${name}, which the core does not name`);
  // And the strings really come in that order: the title of the seed's first event.
  const seed = readFileSync(new URL('www/examples/seed-postmortem.json', root), 'utf8');
  const chart = new Chart(seed);
  const a = chart.describe(0);
  const first = JSON.parse(seed).events[0];
  assert.equal(a[fields.indexOf('title')], first.title);
  assert.equal(a[fields.indexOf('id')], first.id ?? '');
  assert.equal(a.length, fields.length + 2 * (first.links?.length ?? 0));
  chart.free();
});

test('the colour roles a page can set are the core\'s names, and docs/element.md lists each', () => {
  const roles = Chart.colorRoles().split(' ');
  const docs = readFileSync(new URL('docs/element.md', root), 'utf8');
  const documented = new Set([...docs.matchAll(/`--incident-timeline-([a-z]+)`/g)].map((m) => m[1]));
  assert.deepEqual([...documented].sort(), [...roles].sort());
  const chart = new Chart(readFileSync(new URL('www/examples/seed-postmortem.json', root), 'utf8'));
  for (const role of roles) assert.equal(chart.setColor(role, 1, 2, 3), true, role);
  assert.equal(chart.setColor('no-such-role', 1, 2, 3), false);
  chart.free();
  // No list of roles, units or slack values left in the JS.
  assert.doesNotMatch(interact, /'critical'|'minute'|\? 10 : 3/);
});

test('the size limit is the core\'s, not a copy', () => {
  assert.equal(Chart.maxDocumentBytes(), 20 * 1024 * 1024);
  assert.doesNotMatch(element, /20 \* 1024 \* 1024/);
  assert.match(element, /maxDocumentBytes\(\)/);
});

test('a glue and a wasm of different builds refuse to link, rather than call one import for another', async () => {
  // scripts/short-names.mjs gives imports the same short names in every
  // build; the module they come from is named by a fingerprint of the build.
  const { createGlue: widgetGlue } = await import('../../pkg/glue-widget.js');
  const full = new WebAssembly.Module(readFileSync(new URL('pkg/incident_timeline_bg.wasm', root)));
  const widget = new WebAssembly.Module(readFileSync(new URL('pkg/incident_timeline_widget_bg.wasm', root)));
  const modules = (m) => new Set(WebAssembly.Module.imports(m).map((i) => i.module));
  assert.notDeepEqual(modules(full), modules(widget), 'each build names its own module');
  // The full core's glue provides every import the widget's wasm has by
  // short name: without the fingerprint this pair linked.
  assert.throws(() => createGlue().initSync({ module: widget }), /module="w[0-9a-z]+"/);
  assert.throws(() => widgetGlue().initSync({ module: full }), /module="w[0-9a-z]+"/);
  // Each with its own glue links; the loader says what went wrong.
  assert.ok(widgetGlue().initSync({ module: widget }));
  assert.throws(() => coreLoader(createGlue, null).loadSync(widget), /script and wasm are from different releases/);
});

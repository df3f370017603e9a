// Docusaurus 3 (tests/packaging/docusaurus-site, the README's config): an
// MDX page with a fenced ```incident-timeline block is built, through
// Docusaurus's own MDX and React server rendering, into <incident-timeline>
// with its JSON in the `timeline` attribute and the server-rendered SVG; the
// client module `import 'incident-timeline/define'` (inert in the server
// pass) makes it interactive in the browser. A bad timeline fails the build
// with the file, the fence's line and the JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, tempDir, timelineAttributes, assertBadBuild } from './projects.mjs';
import { serveSite, assertServerSvgs, assertWidgetsTakeOver, HOSTILE_TITLE } from './browser.mjs';

const PAGE = '/failover/';

let project;
let out;
let h;
let html;

const docusaurus = (args, env = {}) =>
  run(join(project.dir, 'node_modules/.bin/docusaurus'), args, { cwd: project.dir, env: { DOCUSAURUS_TELEMETRY: '0', ...env } });

before(async () => {
  project = await prepareProject('docusaurus-site');
  out = tempDir('incident-timeline-docusaurus-');
  const r = await docusaurus(['build', '--out-dir', out.dir]);
  if (r.code !== 0) throw new Error(`docusaurus build failed (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
  html = readFileSync(join(out.dir, 'failover/index.html'), 'utf8');
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

test('docusaurus build: the element with its JSON in an attribute, the SVG, and the widget wasm', () => {
  assert.match(html, /Written by (<!-- -->)?the database team/, 'the page went through MDX (its JSX expression ran)');
  assert.equal((html.match(/<incident-timeline[ >]/g) || []).length, 2);
  const timelines = timelineAttributes(html).map((t) => JSON.parse(t));
  assert.deepEqual(timelines.map((t) => t.title), ['Database failover', HOSTILE_TITLE]);
  assert.equal(timelines[0].events.length, 4);
  assert.match(html, /<incident-timeline time-zone="UTC" theme="dark" timeline="/);
  assert.match(html, /<svg role="img" class="incident-timeline"[^>]* width="800"/);
  assert.ok(html.includes('<title>Database failover</title>'));
  assert.ok(!html.includes('<img src=x') && !html.includes('</script><img'), 'the hostile title is never markup');
  assert.ok(readdirSync(out.dir).some((f) => f.endsWith('.wasm')), 'webpack emitted the widget wasm');
});

test('docusaurus, without JavaScript: the server-rendered SVG is the chart', () => assertServerSvgs(h, PAGE));

test('docusaurus, with JavaScript: both widgets take over and are interactive', () => assertWidgetsTakeOver(h, PAGE));

test('a bad timeline fails the docusaurus build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-docusaurus-bad-');
  try {
    const r = await docusaurus(['build', '--out-dir', bad.dir], { TEST_DOCUSAURUS_PAGES: 'src-bad/pages' });
    assertBadBuild(r, project.dir, 'src-bad/pages/broken.mdx', join(bad.dir, 'broken/index.html'));
  } finally {
    bad.remove();
  }
});

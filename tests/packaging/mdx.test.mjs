// MDX rendered by React, the pipeline Docusaurus uses (tests/packaging/
// mdx-react: @mdx-js/mdx compiles each page with the remark plugin,
// react-dom/server renders it). React escapes the text of a <script>, so
// the plugin hands the element its JSON in the `timeline` attribute: the
// built page holds the element, its JSON and the server-rendered SVG; with
// JavaScript the widget takes over. A bad timeline fails the build with the
// file, the fence's line and the JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, runOk, tempDir, timelineAttributes, assertBadBuild } from './projects.mjs';
import { serveSite, assertServerSvgs, assertWidgetsTakeOver, HOSTILE_TITLE } from './browser.mjs';

const PAGE = '/failover/';

let project;
let out;
let h;
let html;

before(async () => {
  project = await prepareProject('mdx-react');
  out = tempDir('incident-timeline-mdx-');
  await runOk(process.execPath, ['build.mjs', 'src', out.dir], { cwd: project.dir });
  html = readFileSync(join(out.dir, 'failover/index.html'), 'utf8');
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

test('MDX + React: the element with its JSON in an attribute, and the SVG', () => {
  assert.ok(html.includes('Written by <!-- -->the database team') || html.includes('Written by the database team'), 'the JSX expression ran');
  assert.equal((html.match(/<incident-timeline[ >]/g) || []).length, 2);
  const timelines = timelineAttributes(html).map((t) => JSON.parse(t));
  assert.deepEqual(timelines.map((t) => t.title), ['Database failover', HOSTILE_TITLE]);
  assert.equal(timelines[0].events.length, 4);
  assert.equal(timelines[0].lanes[1].label, 'Investigation & response');
  assert.match(html, /<incident-timeline time-zone="UTC" theme="dark" timeline="/);
  // React writes SVG attributes by their SVG names.
  assert.match(html, /<svg role="img" class="incident-timeline"[^>]* width="800"/);
  assert.ok(html.includes('stroke-width=') && html.includes('text-anchor=') && !/strokeWidth|textAnchor/.test(html));
  assert.ok(html.includes('<title>Database failover</title>'));
  assert.ok(!html.includes('<img src=x') && !html.includes('</script><img'), 'the hostile title is never markup');
});

test('MDX + React, without JavaScript: the server-rendered SVG is the chart', () => assertServerSvgs(h, PAGE));

test('MDX + React, with JavaScript: both widgets take over and are interactive', () => assertWidgetsTakeOver(h, PAGE));

test('a bad timeline fails the MDX build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-mdx-bad-');
  try {
    const r = await run(process.execPath, ['build.mjs', 'src-bad', bad.dir], { cwd: project.dir });
    assertBadBuild(r, project.dir, 'src-bad/broken.mdx', join(bad.dir, 'broken/index.html'));
  } finally {
    bad.remove();
  }
});

// Eleventy v3 (tests/packaging/eleventy-site, the README's config): a
// fenced ```incident-timeline block in a post is built into
// <incident-timeline> with its JSON inline and a server-rendered SVG; the
// plugin copies the browser assets and adds the script tag. Without
// JavaScript the reader sees the SVG; with it, the interactive chart. A bad
// timeline fails the build with the file, the fence's line and the JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, runOk, tempDir, assertBadBuild } from './projects.mjs';
import { serveSite, assertServerSvgs, assertWidgetsTakeOver } from './browser.mjs';

let project;
let out;
let h;
let html;
const PAGE = '/posts/failover/';

before(async () => {
  project = await prepareProject('eleventy-site');
  out = tempDir('incident-timeline-eleventy-');
  await runOk(join(project.dir, 'node_modules/.bin/eleventy'), ['--output', out.dir], { cwd: project.dir });
  html = readFileSync(join(out.dir, 'posts/failover/index.html'), 'utf8');
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

test('eleventy build: the element, its JSON inline, the SVG, the assets and the script tag', () => {
  assert.equal((html.match(/<incident-timeline[ >]/g) || []).length, 2);
  assert.match(html, /<incident-timeline><script type="application\/json">\{"version":1,"title":"Database failover"/);
  assert.match(html, /<incident-timeline time-zone="UTC" theme="dark"><script type="application\/json">/);
  assert.match(html, /<svg role="img" class="incident-timeline"[^>]* width="800"/);
  assert.ok(html.includes('<title>Database failover</title>'));
  assert.ok(html.includes('Investigation &amp; response'), 'the lane label, in the SVG');
  // The hostile title stays inside its script (\u003c) and is text in the SVG.
  assert.ok(html.includes('"title":"Cache \\u003c/script>\\u003cimg src=x onerror=alert(1)> flush"'));
  assert.ok(!html.includes('<img src=x'));
  assert.match(html, /<script src="\.\.\/\.\.\/assets\/incident-timeline\/incident-timeline\.js" defer><\/script>\n<\/head>/);
  for (const f of ['incident-timeline.js', 'incident_timeline_widget_bg.wasm']) {
    assert.ok(existsSync(join(out.dir, 'assets/incident-timeline', f)), `${f} copied`);
  }
});

test('without JavaScript: the server-rendered SVG is the chart', () => assertServerSvgs(h, PAGE));

test('with JavaScript: both widgets take over and are interactive', () => assertWidgetsTakeOver(h, PAGE));

test('a bad timeline fails the eleventy build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-eleventy-bad-');
  try {
    const r = await run(join(project.dir, 'node_modules/.bin/eleventy'), ['--input', 'bad', '--output', bad.dir], { cwd: project.dir });
    assertBadBuild(r, project.dir, 'bad/broken.md', join(bad.dir, 'broken/index.html'));
  } finally {
    bad.remove();
  }
});

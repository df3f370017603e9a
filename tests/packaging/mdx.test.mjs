// MDX rendered by React, the pipeline Docusaurus uses (tests/packaging/
// mdx-react: @mdx-js/mdx compiles each page with the remark plugin,
// react-dom/server renders it). React escapes the text of a <script>, so
// the plugin hands the element its JSON in the `timeline` attribute: the
// built page holds the element, its JSON and the server-rendered SVG; with
// JavaScript the widget takes over. A bad timeline fails the build with the
// file, the fence's line and the JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, runOk, tempDir, lineOf, timelineAttributes } from './projects.mjs';
import { serveSite, assertInteractive, openWithoutScript } from './browser.mjs';

const PAGE = '/failover/';
const HOSTILE = 'Cache </script><img src=x onerror=alert(1)> flush';

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
  assert.deepEqual(timelines.map((t) => t.title), ['Database failover', HOSTILE]);
  assert.equal(timelines[0].events.length, 4);
  assert.equal(timelines[0].lanes[1].label, 'Investigation & response');
  assert.match(html, /<incident-timeline time-zone="UTC" theme="dark" timeline="/);
  // React writes SVG attributes by their SVG names.
  assert.match(html, /<svg role="img" class="incident-timeline"[^>]* width="800"/);
  assert.ok(html.includes('stroke-width=') && html.includes('text-anchor=') && !/strokeWidth|textAnchor/.test(html));
  assert.ok(html.includes('<title>Database failover</title>'));
  assert.ok(!html.includes('<img src=x') && !html.includes('</script><img'), 'the hostile title is never markup');
});

test('MDX + React, without JavaScript: the server-rendered SVG is the chart', async () => {
  const { page, close } = await openWithoutScript(h, PAGE);
  try {
    const svgs = page.locator('incident-timeline > svg');
    assert.equal(await svgs.count(), 2);
    for (let i = 0; i < 2; i += 1) {
      const box = await svgs.nth(i).boundingBox();
      assert.ok(box && box.width >= 700 && box.height > 100, JSON.stringify(box));
    }
    assert.equal(await svgs.nth(1).locator('title').textContent(), HOSTILE);
  } finally {
    await close();
  }
});

test('MDX + React, with JavaScript: both widgets take over and are interactive', async () => {
  const p = await h.openPage(PAGE);
  try {
    await p.page.evaluate(() => document.querySelectorAll('incident-timeline').forEach((el, i) => (el.id = `t${i}`)));
    await assertInteractive(p, '#t0', { events: 4 });
    await p.waitForState('#t1', 'ready');
    const titles = (await p.events('ready')).map((e) => e.detail.title).sort();
    assert.deepEqual(titles, [HOSTILE, 'Database failover']);
    assert.equal(await p.page.locator('img').count(), 0);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a bad timeline fails the MDX build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-mdx-bad-');
  try {
    const r = await run(process.execPath, ['build.mjs', 'src-bad', bad.dir], { cwd: project.dir });
    const output = r.stdout + r.stderr;
    assert.notEqual(r.code, 0, 'the build fails');
    const fence = lineOf(readFileSync(join(project.dir, 'src-bad/broken.mdx'), 'utf8'), '```incident-timeline');
    assert.ok(output.includes(`src-bad/broken.mdx:${fence}: the \`\`\`incident-timeline block has 2 problems:`), output);
    assert.match(output, /events\[0\]\.end: end 10:24 is before start 10:49/);
    assert.match(output, /events\[1\]\.lane: unknown lane "databse"; did you mean "database"\?/);
    assert.ok(!existsSync(join(bad.dir, 'broken/index.html')), 'no page with a blank chart was written');
  } finally {
    bad.remove();
  }
});

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
import { prepareProject, run, runOk, tempDir, lineOf } from './projects.mjs';
import { serveSite, assertInteractive, openWithoutScript } from './browser.mjs';

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

test('without JavaScript: the server-rendered SVG is the chart', async () => {
  const { page, close } = await openWithoutScript(h, PAGE);
  try {
    const svgs = page.locator('incident-timeline > svg');
    assert.equal(await svgs.count(), 2);
    for (let i = 0; i < 2; i += 1) {
      assert.ok(await svgs.nth(i).isVisible());
      const box = await svgs.nth(i).boundingBox();
      assert.ok(box.width >= 700 && box.height > 100, JSON.stringify(box));
    }
    assert.equal(await svgs.first().locator('title').textContent(), 'Database failover');
  } finally {
    await close();
  }
});

test('with JavaScript: both widgets take over and are interactive', async () => {
  const p = await h.openPage(PAGE);
  try {
    await p.page.evaluate(() => document.querySelectorAll('incident-timeline').forEach((el, i) => (el.id = `t${i}`)));
    await assertInteractive(p, '#t0', { events: 4 });
    await p.waitForState('#t1', 'ready');
    // The hostile title arrived whole, as text.
    const titles = (await p.events('ready')).map((e) => e.detail.title).sort();
    assert.deepEqual(titles, ['Cache </script><img src=x onerror=alert(1)> flush', 'Database failover']);
    assert.equal(await p.page.locator('img').count(), 0, 'the title never became an <img>');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a bad timeline fails the eleventy build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-eleventy-bad-');
  try {
    const r = await run(join(project.dir, 'node_modules/.bin/eleventy'), ['--input', 'bad', '--output', bad.dir], { cwd: project.dir });
    const output = r.stdout + r.stderr;
    assert.notEqual(r.code, 0, 'the build fails');
    const fence = lineOf(readFileSync(join(project.dir, 'bad/broken.md'), 'utf8'), '```incident-timeline');
    assert.ok(output.includes(`bad/broken.md:${fence}: the \`\`\`incident-timeline block has 2 problems:`), output);
    assert.match(output, /events\[0\]\.end: end 10:24 is before start 10:49/);
    assert.match(output, /events\[1\]\.lane: unknown lane "databse"; did you mean "database"\?/);
    assert.ok(!existsSync(join(bad.dir, 'broken/index.html')), 'no page with a blank chart was written');
  } finally {
    bad.remove();
  }
});

// Astro 5 (tests/packaging/astro-site, the README's config): the remark
// plugin turns a fenced ```incident-timeline block in a Markdown page, and
// in an MDX page (@astrojs/mdx), into <incident-timeline> with its JSON in
// the `timeline` attribute and a server-rendered SVG, and
// the layout's `import 'incident-timeline/define'` makes it interactive
// (Vite, inside Astro, bundles the element and its wasm). A bad timeline
// fails the build with the file, the fence's line and the JSON paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, runOk, tempDir, timelineAttributes, assertBadBuild } from './projects.mjs';
import { serveSite, assertServerSvgs, assertWidgetsTakeOver, HOSTILE_TITLE } from './browser.mjs';

const ENV = { ASTRO_TELEMETRY_DISABLED: '1' };
const PAGE = '/failover/';
const MDX_PAGE = '/failover-mdx/';

let project;
let out;
let h;
let html;
let mdxHtml;

before(async () => {
  project = await prepareProject('astro-site');
  out = tempDir('incident-timeline-astro-');
  await runOk(join(project.dir, 'node_modules/.bin/astro'), ['build'], {
    cwd: project.dir,
    env: { ...ENV, TEST_ASTRO_OUT_DIR: out.dir },
  });
  html = readFileSync(join(out.dir, 'failover/index.html'), 'utf8');
  mdxHtml = readFileSync(join(out.dir, 'failover-mdx/index.html'), 'utf8');
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

/** What both pages must hold: two elements, their timelines, their SVGs, nothing injected. */
function assertBuilt(page) {
  assert.equal((page.match(/<incident-timeline[ >]/g) || []).length, 2);
  const timelines = timelineAttributes(page).map((t) => JSON.parse(t));
  assert.deepEqual(timelines.map((t) => t.title), ['Database failover', HOSTILE_TITLE]);
  assert.equal(timelines[0].events.length, 4);
  assert.equal(timelines[0].lanes[1].label, 'Investigation & response');
  assert.match(page, /<incident-timeline time-zone="UTC" theme="dark" timeline="/);
  assert.match(page, /<svg role="img" class="incident-timeline"[^>]* width="800"/);
  assert.ok(page.includes('<title>Database failover</title>'));
  assert.ok(page.includes('Investigation &#x26; response') || page.includes('Investigation &amp; response'), 'the lane label');
  assert.ok(!page.includes('<img src=x') && !page.includes('</script><img'), 'the hostile title is never markup');
}

test('astro build, Markdown page: the element, its JSON in an attribute and the SVG, as hast', () => {
  assertBuilt(html);
  const assets = readdirSync(join(out.dir, '_astro'));
  assert.ok(assets.some((f) => /^incident_timeline_widget_bg\..*\.wasm$/.test(f)), `the widget wasm: ${assets}`);
  // The full core ships only as the importers' chunk, which a page fetches when a feed
  // arrives (the "with JavaScript" tests check that these pages never do).
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out.dir, '_astro', f), 'utf8'));
  const eager = js.filter((code) => /incident_timeline_bg\./.test(code) && !/importTimeline/.test(code));
  assert.deepEqual(eager, [], 'the full core is referenced only by the importers\' chunk');
});

test('astro build, MDX page: the same element, JSON and SVG', () => {
  assertBuilt(mdxHtml);
  assert.ok(mdxHtml.includes('Written by the database team'), 'the page went through MDX (its JSX expression ran)');
});

for (const [kind, path] of [['Markdown', PAGE], ['MDX', MDX_PAGE]]) {
  test(`without JavaScript (${kind} page): the server-rendered SVG is the chart`, () => assertServerSvgs(h, path));
  test(`with JavaScript (${kind} page): both widgets take over and are interactive`, () => assertWidgetsTakeOver(h, path));
}

test('a bad timeline fails the astro build with the file, the fence line and the JSON paths', async () => {
  const bad = tempDir('incident-timeline-astro-bad-');
  try {
    const r = await run(join(project.dir, 'node_modules/.bin/astro'), ['build'], {
      cwd: project.dir,
      env: { ...ENV, TEST_ASTRO_SRC_DIR: './src-bad', TEST_ASTRO_OUT_DIR: bad.dir },
    });
    assertBadBuild(r, project.dir, 'src-bad/pages/broken.md', join(bad.dir, 'broken/index.html'));
  } finally {
    bad.remove();
  }
});

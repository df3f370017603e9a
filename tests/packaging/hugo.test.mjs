// Hugo (Debian's; scripts/setup.sh installs it), which runs no JavaScript:
// the package's templates (mounted from node_modules/incident-timeline/pkg/hugo
// by tests/packaging/hugo-site/hugo.toml, as the README shows) turn a fenced
// ```incident-timeline block, or the shortcode, into <incident-timeline>
// with the JSON inline and a <noscript> table built by Hugo from that JSON.
// With JavaScript the widget takes over; without it the reader gets the
// table. Common mistakes fail the build with the fence's position.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, run, runOk, tempDir, lineOf } from './projects.mjs';
import { serveSite, assertInteractive, openWithoutScript } from './browser.mjs';

let project;
let out;
let h;
const html = {};

before(async () => {
  const version = await run('hugo', ['version']).catch(() => null);
  assert.ok(version && version.code === 0, 'hugo is not installed: run scripts/setup.sh --browser (apt-get install hugo)');
  project = await prepareProject('hugo-site');
  out = tempDir('incident-timeline-hugo-');
  await runOk('hugo', ['--destination', out.dir], { cwd: project.dir });
  for (const page of ['failover', 'shortcode']) html[page] = readFileSync(join(out.dir, `posts/${page}/index.html`), 'utf8');
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

/** The JSON inside each <script type="application/json"> of `page`. */
function inlineJson(page) {
  return [...page.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

test('hugo build: the element, its JSON inline and escaped, a table from that JSON, the assets', () => {
  const page = html.failover;
  assert.equal((page.match(/<incident-timeline[ >]/g) || []).length, 2);
  assert.match(page, /<incident-timeline time-zone="UTC" theme="dark">/);
  const [first, second] = inlineJson(page).map((j) => {
    assert.ok(!j.includes('<'), 'no "<" in the inline JSON');
    return JSON.parse(j);
  });
  const source = readFileSync(join(project.dir, 'content/posts/failover.md'), 'utf8');
  const blocks = [...source.matchAll(/```incident-timeline[^\n]*\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  assert.deepEqual(first, blocks[0], 'the inline JSON is the block');
  assert.deepEqual(second, blocks[1]);
  assert.equal(second.title, 'Cache </script><img src=x onerror=alert(1)> flush');
  assert.ok(!page.includes('<img src=x'));
  // The no-JS table.
  assert.match(page, /<noscript>\n<table class="incident-timeline-table">\n<caption>Database failover \(times in Europe\/Berlin\)<\/caption>/);
  assert.match(page, /<tr><td>API servers<\/td><td>outage \(critical\)<\/td><td>2024-05-01 10:02<\/td><td>2024-05-01 10:41<\/td><td>API returned 503 for every request<\/td><\/tr>/);
  assert.match(page, /<td>degraded, 30 %<\/td>/);
  assert.match(page, /<td>degraded, share not stated<\/td>/);
  assert.match(page, /<tr><td>Investigation &amp; response<\/td><td>milestone<\/td><td>2024-05-01 11:20<\/td><td><\/td><td>All clear<\/td><\/tr>/);
  assert.match(page, /<td>2024-05-01 08:02 UTC<\/td>/);
  assert.match(page, /<script src="\/incident-timeline\/incident-timeline\.js" defer><\/script>/);
  for (const f of ['incident-timeline.js', 'incident_timeline_widget_bg.wasm']) {
    assert.ok(existsSync(join(out.dir, 'incident-timeline', f)), `${f} copied by the mount`);
  }
  // The shortcode gives the same markup.
  assert.match(html.shortcode, /<incident-timeline time-zone="Europe\/Berlin">\n<script type="application\/json">\{"events":/);
  assert.match(html.shortcode, /<td>Edge &amp; CDN<\/td><td>outage \(major\)<\/td><td>2024-03-02 00:00 UTC<\/td><td>2024-03-02 01:10 UTC<\/td>/);
});

test('without JavaScript: the table', async () => {
  const { page, close } = await openWithoutScript(h, '/posts/failover/');
  try {
    const tables = page.locator('incident-timeline table');
    assert.equal(await tables.count(), 2);
    assert.ok(await tables.first().isVisible());
    assert.equal(await tables.first().locator('tbody tr').count(), 5);
    assert.equal(await tables.first().locator('caption').textContent(), 'Database failover (times in Europe/Berlin)');
  } finally {
    await close();
  }
});

test('with JavaScript: the widgets take over and are interactive (fenced block and shortcode)', async () => {
  const p = await h.openPage('/posts/failover/');
  try {
    await p.page.evaluate(() => document.querySelectorAll('incident-timeline').forEach((el, i) => (el.id = `t${i}`)));
    await assertInteractive(p, '#t0', { events: 5 });
    await p.waitForState('#t1', 'ready');
    const titles = (await p.events('ready')).map((e) => e.detail.title).sort();
    assert.deepEqual(titles, ['Cache </script><img src=x onerror=alert(1)> flush', 'Database failover']);
    assert.equal(await p.page.locator('img').count(), 0);
    await p.assertClean();
  } finally {
    await p.close();
  }
  const s = await h.openPage('/posts/shortcode/');
  try {
    await s.page.evaluate(() => (document.querySelector('incident-timeline').id = 'sc'));
    await assertInteractive(s, '#sc', { events: 2 });
    await s.assertClean();
  } finally {
    await s.close();
  }
});

test('a bad timeline fails the hugo build at the fence, with the JSON path', async () => {
  const bad = tempDir('incident-timeline-hugo-bad-');
  try {
    const r = await run('hugo', ['--contentDir', 'bad/content', '--destination', bad.dir], { cwd: project.dir });
    const output = r.stdout + r.stderr;
    assert.notEqual(r.code, 0, 'the build fails');
    const fence = lineOf(readFileSync(join(project.dir, 'bad/content/posts/broken.md'), 'utf8'), '```incident-timeline');
    assert.ok(output.includes(`bad/content/posts/broken.md:${fence}:1": incident-timeline: events[1].lane: unknown lane "databse"`), output);
  } finally {
    bad.remove();
  }
});

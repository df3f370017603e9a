// The markdown-it and remark plugins as a project gets them from npm: the
// packed tarball installed into tests/packaging/consumer next to markdown-it
// and unified. A fence becomes the element, its JSON (escaped so a title
// cannot end the script) and the server-rendered SVG; other fences are left
// alone; a bad timeline throws with the file, the fence's line and each JSON
// path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareProject, lineOf, timelineAttributes } from './projects.mjs';

let project;
let load;
before(async () => {
  project = await prepareProject('consumer');
  const require = createRequire(join(project.dir, 'package.json'));
  load = async (name) => (await import(pathToFileURL(require.resolve(name)).href)).default;
});
after(() => project?.remove());

const TIMELINE = {
  version: 1,
  title: 'Cache outage </script><img src=x onerror=alert(1)> & more',
  timezone: 'Europe/Berlin',
  lanes: [{ id: 'api', label: 'API & edge' }],
  events: [
    { lane: 'api', kind: 'outage', severity: 'major', start: '2024-05-01T10:02:00', end: '2024-05-01T10:41:00', title: 'API down' },
    { lane: 'api', kind: 'milestone', at: '2024-05-01T10:41:00', title: 'Recovered' },
  ],
};

const POST = [
  '# A post',
  '',
  'Some text.',
  '',
  '```incident-timeline',
  JSON.stringify(TIMELINE, null, 2),
  '```',
  '',
  '```incident-timeline {time-zone="UTC" theme=dark width=640}',
  JSON.stringify(TIMELINE),
  '```',
  '',
  '```js',
  'const untouched = "<incident-timeline>";',
  '```',
  '',
].join('\n');

const BROKEN_TIMELINE = {
  version: 1,
  lanes: [{ id: 'database', label: 'Database' }],
  events: [
    { lane: 'database', kind: 'outage', start: '2024-05-01T10:49:00Z', end: '2024-05-01T10:24:00Z', title: 'Down' },
    { lane: 'databse', kind: 'activity', start: '2024-05-01T10:00:00Z', end: '2024-05-01T11:00:00Z', title: 'Fixing' },
  ],
};

const BROKEN = ['Intro', '', 'More', '', '```incident-timeline', JSON.stringify(BROKEN_TIMELINE, null, 2), '```', ''].join('\n');
const SYNTAX = ['Intro', '', '```incident-timeline', '{', '  "version": 1,', '  "events": [,]', '}', '```', ''].join('\n');

/** The JSON inside each <script type="application/json"> of `html`. */
function scripts(html) {
  return [...html.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** `inline`: how the element holds its JSON, a `script` child or a `timeline` attribute. */
function checkRendered(html, name, inline) {
  const blocks = html.match(/<incident-timeline[ >]/g) || [];
  assert.equal(blocks.length, 2, `${name}: two elements`);
  const json = inline === 'script' ? scripts(html) : timelineAttributes(html);
  assert.equal(json.length, 2, `${name}: the JSON of each block, whole (no </script> broke out)`);
  for (const j of json) {
    if (inline === 'script') assert.ok(!j.includes('<'), `${name}: no "<" inside the script: ${j.slice(0, 80)}`);
    assert.deepEqual(JSON.parse(j), TIMELINE, `${name}: the inline JSON is the timeline`);
  }
  assert.ok(!/<img src=x/.test(html), `${name}: the title's markup is text, never HTML`);
  assert.equal((html.match(/<svg /g) || []).length, 2, `${name}: an SVG in each element`);
  assert.match(html, /<incident-timeline time-zone="UTC" theme="dark"[ >]/, `${name}: block settings become attributes`);
  assert.match(html, /width="640"/, `${name}: width=640 sizes that block's SVG`);
  assert.match(html, /width="900"/, `${name}: 900 px by default`);
  assert.match(html, /fill="#0D1117"/i, `${name}: the dark block's SVG is dark`);
  assert.match(html, /API &(amp|#x26);amp; edge|API &(amp|#x26); edge/, `${name}: the lane label, escaped`);
  assert.match(html, /<title>Cache outage &(lt|#x3C);\/script/, `${name}: the SVG's <title>, escaped`);
  assert.match(html, /<code class="language-js">const untouched = (&quot;|")(&lt;|&#x3C;)incident-timeline/, `${name}: other fences stay code`);
}

test('markdown-it: a fence becomes the element with escaped JSON and the SVG', async () => {
  const MarkdownIt = await load('markdown-it');
  const plugin = await load('incident-timeline/markdown-it');
  checkRendered(new MarkdownIt().use(plugin).render(POST), 'markdown-it', 'script');
});

test('remark: a fence becomes the element as hast, without raw HTML', async () => {
  const { unified } = await import(pathToFileURL(createRequire(join(project.dir, 'package.json')).resolve('unified')).href);
  const remarkParse = await load('remark-parse');
  const remarkRehype = await load('remark-rehype');
  const rehypeStringify = await load('rehype-stringify');
  const plugin = await load('incident-timeline/remark');
  // Neither allowDangerousHtml nor rehype-raw: the plugin's output is hast.
  const file = await unified().use(remarkParse).use(plugin).use(remarkRehype).use(rehypeStringify).process(POST);
  checkRendered(String(file), 'remark', 'attribute');
});

test('markdown-it: a bad timeline throws with the file, the fence line and each JSON path', async () => {
  const MarkdownIt = await load('markdown-it');
  const plugin = await load('incident-timeline/markdown-it');
  const md = new MarkdownIt().use(plugin);
  const fence = lineOf(BROKEN, '```incident-timeline');
  assert.throws(
    () => md.render(BROKEN, { filename: 'posts/outage.md' }),
    (e) => {
      assert.equal(e.name, 'IncidentTimelineBuildError');
      assert.equal(e.file, 'posts/outage.md');
      assert.equal(e.line, fence);
      assert.match(e.message, new RegExp(`^posts/outage\\.md:${fence}: the \`\`\`incident-timeline block has 2 problems:`));
      assert.match(e.message, /events\[0\]\.end: end 10:24 is before start 10:49/);
      assert.match(e.message, /events\[1\]\.lane: unknown lane "databse"/);
      assert.deepEqual(e.problems.map((p) => p.path), ['events[0].end', 'events[1].lane']);
      return true;
    },
  );
  // A syntax error is located in the file: the fence's line plus the line in the block.
  assert.throws(
    () => md.render(SYNTAX, { filename: 'syntax.md' }),
    (e) => {
      const fenceLine = lineOf(SYNTAX, '```incident-timeline');
      assert.match(e.message, new RegExp(`^syntax\\.md:${fenceLine}: `));
      assert.match(e.message, new RegExp(`line ${lineOf(SYNTAX, '"events"')}, column \\d+: JSON syntax error`));
      return true;
    },
  );
  // Bad settings after the language are build errors too, not ignored.
  assert.throws(() => md.render('```incident-timeline colour=red\n{}\n```\n'), /unknown setting "colour"/);
  assert.throws(() => md.render('```incident-timeline time-zone=Mars/Base\n' + JSON.stringify(TIMELINE) + '\n```\n'), /Mars\/Base/);
  assert.throws(() => md.render('```incident-timeline\n```\n'), /the block is empty/);
});

test('remark: a bad timeline fails with the file, the fence line and each JSON path', async () => {
  const { unified } = await import(pathToFileURL(createRequire(join(project.dir, 'package.json')).resolve('unified')).href);
  const remarkParse = await load('remark-parse');
  const remarkRehype = await load('remark-rehype');
  const rehypeStringify = await load('rehype-stringify');
  const plugin = await load('incident-timeline/remark');
  const processor = unified().use(remarkParse).use(plugin).use(remarkRehype).use(rehypeStringify);
  const fence = lineOf(BROKEN, '```incident-timeline');
  await assert.rejects(
    processor.process({ value: BROKEN, path: join(process.cwd(), 'src', 'pages', 'outage.md') }),
    (e) => {
      assert.equal(e.name, 'IncidentTimelineBuildError');
      assert.match(e.message, new RegExp(`^src/pages/outage\\.md:${fence}: `));
      assert.match(e.message, /events\[0\]\.end: end 10:24 is before start 10:49/);
      assert.match(e.message, /events\[1\]\.lane: unknown lane "databse"/);
      return true;
    },
  );
});

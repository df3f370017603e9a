// The npm package as published: `npm pack` holds pkg/ and nothing else
// (no sources, tests or build output), every export resolves to a file in
// it, and a fresh project (tests/packaging/consumer) installs the tarball,
// loads every entry point in Node and type-checks against its declarations
// under both the `nodenext` and the `bundler` module resolution.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, prepareProject, runOk } from './projects.mjs';

let project;
before(async () => {
  project = await prepareProject('consumer');
});
after(() => project?.remove());

/** Every file path an `exports` entry (with its conditions) points to. */
function exportTargets(exports) {
  const out = [];
  const walk = (v) => {
    if (typeof v === 'string') out.push(v.replace(/^\.\//, ''));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(exports);
  return out;
}

test('npm pack: only the built package, every export inside; size printed', (t) => {
  const { files, size, unpackedSize } = project.tarball;
  t.diagnostic(`npm pack: ${files.length} files, ${size} bytes packed (${(size / 1024).toFixed(1)} KiB), ${unpackedSize} bytes unpacked`);
  console.log(`incident-timeline tarball: ${size} bytes (${(size / 1024).toFixed(1)} KiB), ${files.length} files`);

  for (const f of files) {
    assert.ok(
      f === 'package.json' || f === 'README.md' || /^LICENSE/.test(f) || f.startsWith('pkg/'),
      `${f} should not be published`,
    );
    assert.ok(!/\.(rs|toml|lock|sh|mjs|map)$/.test(f), `${f}: no sources, scripts or maps`);
  }
  assert.ok(!files.some((f) => /^(src|tests|target|fuzz|benches|www|docs|scripts|js|node_modules)\//.test(f)));
  assert.ok(!files.includes('pkg/script-tag.js'), 'the script-tag entry is bundled into incident-timeline.js');

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  for (const target of exportTargets(pkg.exports)) {
    assert.ok(files.includes(target), `export target ${target} is in the tarball`);
  }
  for (const f of ['pkg/glue.js', 'pkg/glue-widget.js', 'pkg/core.js', 'pkg/element.js', 'pkg/interact.js', 'pkg/styles.js',
    'pkg/ssg.js', 'pkg/api.d.ts', 'pkg/ssg.d.ts',
    'pkg/hugo/layouts/_default/_markup/render-codeblock-incident-timeline.html',
    'pkg/hugo/layouts/shortcodes/incident-timeline.html',
    'pkg/hugo/layouts/partials/incident-timeline/element.html',
    'pkg/hugo/layouts/partials/incident-timeline/script.html']) {
    assert.ok(files.includes(f), `${f} (imported or mounted) is in the tarball`);
  }
  // Both cores, and nothing else that is large.
  assert.ok(size < 400 * 1024, `the tarball is ${size} bytes`);
});

test('a fresh project installs the tarball and loads every entry point in Node', async () => {
  const { stdout } = await runOk('node', ['check.mjs'], { cwd: project.dir });
  const report = JSON.parse(stdout.trim().split('\n').pop());
  assert.deepEqual(report, {
    parsed: 1,
    svgStart: '<svg',
    defineInNode: true,
    constructError:
      'IncidentTimelineElement runs in a browser only; in Node, render the chart with renderToSvg and register the element in the browser',
    markdownIt: true,
    remark: true,
    eleventy: true,
    schemaId: JSON.parse(readFileSync(join(ROOT, 'incident-timeline.schema.json'), 'utf8')).$id,
    scriptTag: true,
    widgetWasm: true,
    packageJson: 'incident-timeline',
  });
});

test('TypeScript: the declarations type-check (nodenext without the DOM, bundler with it)', async () => {
  // skipLibCheck is off: the package's own .d.ts files are checked too, so
  // the Node types must not mention the DOM.
  await runOk(join(project.dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.node.json'], { cwd: project.dir });
  await runOk(join(project.dir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bundler.json'], { cwd: project.dir });
});

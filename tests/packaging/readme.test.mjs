// The README's setup snippets are the ones the packaging tests build with:
// every line of each snippet (comments aside) appears in the test project's
// file, so the README cannot drift from what is proven to work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PROJECTS } from './projects.mjs';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => m[2]);

/** The README block whose first line is `first`. */
function block(first) {
  const found = blocks.filter((b) => b.split('\n')[0].trim() === first);
  assert.equal(found.length, 1, `one README block starting with ${first}`);
  return found[0];
}

function codeLines(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(\/\/|#|<!--)/.test(l));
}

const SNIPPETS = [
  ['// eleventy.config.js', 'eleventy-site/eleventy.config.js'],
  ['// astro.config.mjs', 'astro-site/astro.config.mjs'],
  ['<!-- in the layout of your Markdown pages: Astro bundles the element and its wasm -->', 'astro-site/src/layouts/Post.astro'],
  ['# hugo.toml: the site\'s own folders first (a mount replaces the default)', 'hugo-site/hugo.toml'],
  ['// vite.config.js', 'vite-app/vite.config.dev.js'],
  ['// MDX with React: @mdx-js/mdx, the compiler Docusaurus uses', 'mdx-react/build.mjs'],
  ['// docusaurus.config.mjs', 'docusaurus-site/docusaurus.config.mjs'],
  ['// src/incident-timeline.js (the client module)', 'docusaurus-site/src/incident-timeline.js'],
];

for (const [first, file] of SNIPPETS) {
  test(`README snippet "${first}" is what tests/packaging/${file} builds with`, () => {
    const text = readFileSync(join(PROJECTS, file), 'utf8');
    const have = new Set(codeLines(text));
    for (const line of codeLines(block(first))) {
      assert.ok(have.has(line) || text.replace(/\s+/g, ' ').includes(line), `${file} has: ${line}`);
    }
  });
}

test('README: the Hugo partial and the Vite imports are the ones the test sites use', () => {
  assert.ok(readme.includes('{{ partial "incident-timeline/script.html" . }}'));
  assert.ok(readFileSync(join(PROJECTS, 'hugo-site/layouts/_default/baseof.html'), 'utf8').includes('{{ partial "incident-timeline/script.html" . }}'));
  const main = readFileSync(join(PROJECTS, 'vite-app/main.js'), 'utf8');
  assert.ok(main.includes("import 'incident-timeline/define';"));
  assert.ok(main.includes("from 'incident-timeline';"));
});

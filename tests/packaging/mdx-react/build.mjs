// A tiny React MDX site, built the way Docusaurus builds its pages: each
// src/*.mdx is compiled by @mdx-js/mdx with the incident-timeline remark
// plugin, run against React's JSX runtime, and rendered to static HTML by
// react-dom/server. The page loads the widget with one script tag (the
// browser assets are copied next to it).
//
//   node build.mjs <src dir> <out dir>
import { compile, run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import remarkIncidentTimeline from 'incident-timeline/remark';

const [src, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const name of readdirSync(src).filter((f) => f.endsWith('.mdx'))) {
  const path = join(src, name);
  let code;
  try {
    const file = { path, value: readFileSync(path, 'utf8') };
    code = await compile(file, {
      outputFormat: 'function-body',
      remarkPlugins: [[remarkIncidentTimeline, { width: 800 }]],
    });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const { default: Content } = await run(String(code), { ...runtime, baseUrl: import.meta.url });
  const body = renderToStaticMarkup(createElement(Content));
  const page = basename(name, '.mdx');
  mkdirSync(join(out, page), { recursive: true });
  writeFileSync(
    join(out, page, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${page}</title>` +
      `<link rel="icon" href="data:,"><script src="/incident-timeline.js" defer></script></head>` +
      `<body><main>${body}</main></body></html>\n`,
  );
}
const pkg = join(dirname(createRequire(import.meta.url).resolve('incident-timeline/package.json')), 'pkg');
for (const asset of ['incident-timeline.js', 'incident_timeline_widget_bg.wasm']) {
  copyFileSync(join(pkg, asset), join(out, asset));
}

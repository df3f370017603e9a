// Eleventy plugin: eleventyConfig.addPlugin(incidentTimeline, options).
// - Markdown: the markdown-it plugin is added to Eleventy's markdown library,
//   so a fenced ```incident-timeline block becomes the element with inline
//   JSON and server-rendered SVG; a bad timeline fails the build, naming the
//   file, the fence's line and each JSON path.
// - Assets: the script-tag build and the widget's wasm are copied into the
//   output (`assetsDir`, default `assets/incident-timeline`).
// - Script: pages that contain the element get
//   <script src=".../incident-timeline.js" defer> before </head>
//   (`injectScript: false` to write it in your layout yourself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix, relative, resolve, isAbsolute } from 'node:path';
import markdownItIncidentTimeline from './markdown-it.js';

export { IncidentTimelineBuildError } from './ssg.js';

const ASSETS = ['incident-timeline.js', 'incident_timeline_widget_bg.wasm'];

/**
 * Where a page's markdown starts in its file: Eleventy hands markdown-it the
 * body without its front matter (`page.rawInput`), so lines are counted from
 * the file itself.
 */
function locator() {
  const offsets = new Map();
  return function locate(env) {
    const page = env?.page;
    const file = page?.inputPath ? String(page.inputPath) : '<markdown>';
    if (!page?.inputPath) return { file, lineOffset: 0 };
    const key = `${file}\0${page.rawInput ?? ''}`;
    if (!offsets.has(key)) {
      let lineOffset = 0;
      try {
        const text = readFileSync(resolve(file), 'utf8').replace(/\r\n?/g, '\n');
        const body = typeof page.rawInput === 'string' ? page.rawInput.replace(/\r\n?/g, '\n') : null;
        if (body && text.endsWith(body)) {
          lineOffset = text.slice(0, text.length - body.length).split('\n').length - 1;
        } else if (text.startsWith('---')) {
          const end = text.indexOf('\n---', 3);
          if (end >= 0) lineOffset = text.slice(0, end + 4).split('\n').length;
        }
      } catch {
        // Not a file on disk (a virtual template): lines as markdown-it counts them.
      }
      offsets.set(key, lineOffset);
    }
    return { file, lineOffset: offsets.get(key) };
  };
}

/** `assetsDir` as a URL path relative to the page at `pageUrl`. */
function relativeUrl(pageUrl, target) {
  const from = String(pageUrl || '/');
  const dir = from.endsWith('/') ? from : posix.dirname(from);
  const rel = posix.relative(dir, target);
  return rel || posix.basename(target);
}

/**
 * @param {object} eleventyConfig
 * @param {object} [options] `assetsDir` (output folder of the browser assets,
 *   default `assets/incident-timeline`), `injectScript` (default true),
 *   `scriptSrc` (the script's URL, default relative to each page), and the
 *   rendering options of the markdown-it plugin: `width`, `timeZone`,
 *   `theme`, `scale`, `hourCycle`, `locale`.
 */
export default function incidentTimelineEleventy(eleventyConfig, options = {}) {
  const { assetsDir = 'assets/incident-timeline', injectScript = true, scriptSrc, ...renderOptions } = options;
  const dir = String(assetsDir).replace(/^\/+|\/+$/g, '');
  const locate = locator();

  eleventyConfig.amendLibrary('md', (md) => md.use(markdownItIncidentTimeline, { ...renderOptions, locate }));

  const copies = {};
  for (const asset of ASSETS) {
    const from = fileURLToPath(new URL(`./${asset}`, import.meta.url));
    const rel = relative(process.cwd(), from);
    copies[rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : from] = `${dir}/${asset}`;
  }
  eleventyConfig.addPassthroughCopy(copies);

  if (injectScript) {
    eleventyConfig.addTransform('incident-timeline-script', function (content) {
      const outputPath = this?.page?.outputPath;
      if (typeof content !== 'string' || typeof outputPath !== 'string' || !outputPath.endsWith('.html')) return content;
      if (!content.includes('<incident-timeline') || content.includes('incident-timeline.js"')) return content;
      const src = scriptSrc ?? relativeUrl(this.page.url, `/${dir}/incident-timeline.js`);
      const tag = `<script src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" defer></script>`;
      const head = content.search(/<\/head\s*>/i);
      if (head >= 0) return `${content.slice(0, head)}${tag}\n${content.slice(head)}`;
      return `${content}\n${tag}\n`;
    });
  }
}

export { incidentTimelineEleventy };

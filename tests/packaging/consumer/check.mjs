// Run by tests/packaging/package.test.mjs after the packed tarball is
// installed here: every entry point of the package, resolved and loaded by
// Node the way a user's project would. Prints one JSON report.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseTimeline, renderToSvg, IncidentTimelineElement, defineIncidentTimeline } from 'incident-timeline';
// Server-side rendering imports the element's registration too (a client
// module in Docusaurus, a shared component elsewhere): in Node it is inert.
import { IncidentTimelineElement as DefinedElement } from 'incident-timeline/define';
import markdownItPlugin from 'incident-timeline/markdown-it';
import remarkPlugin from 'incident-timeline/remark';
import eleventyPlugin from 'incident-timeline/eleventy';
import MarkdownIt from 'markdown-it';

const require = createRequire(import.meta.url);
const timeline = {
  version: 1,
  title: 'Fresh project',
  timezone: 'UTC',
  events: [{ kind: 'outage', title: 'Down', start: '2024-01-01T10:00:00Z', end: '2024-01-01T10:30:00Z' }],
};

let constructError = null;
try {
  new IncidentTimelineElement();
} catch (e) {
  constructError = e.message;
}

const md = new MarkdownIt().use(markdownItPlugin);
const html = md.render('```incident-timeline\n' + JSON.stringify(timeline) + '\n```\n');

const schemaPath = require.resolve('incident-timeline/schema.json');
const report = {
  parsed: parseTimeline(timeline).events.length,
  svgStart: renderToSvg(timeline, { width: 500 }).slice(0, 4),
  defineInNode: defineIncidentTimeline() === IncidentTimelineElement && DefinedElement === IncidentTimelineElement,
  constructError,
  markdownIt: html.startsWith('<incident-timeline><script type="application/json">') && html.includes('<svg'),
  remark: typeof remarkPlugin() === 'function',
  eleventy: typeof eleventyPlugin === 'function',
  schemaId: JSON.parse(readFileSync(schemaPath, 'utf8')).$id ?? null,
  scriptTag: require.resolve('incident-timeline/incident-timeline.js').endsWith('/pkg/incident-timeline.js'),
  widgetWasm: require.resolve('incident-timeline/incident_timeline_widget_bg.wasm').endsWith('.wasm'),
  packageJson: require('incident-timeline/package.json').name,
};
console.log(JSON.stringify(report));

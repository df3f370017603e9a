// Type-checked by tests/packaging/package.test.mjs (tsc --noEmit, under
// both the `nodenext` and the `bundler` module resolution) against the
// installed tarball's declarations.
import { parseTimeline, renderToSvg, defineIncidentTimeline, IncidentTimelineElement } from 'incident-timeline';
import type { Timeline, TimelineDocument, RenderOptions, IncidentTimelineError, Problem } from 'incident-timeline';
import markdownItPlugin from 'incident-timeline/markdown-it';
import type { MarkdownItOptions } from 'incident-timeline/markdown-it';
import remarkIncidentTimeline from 'incident-timeline/remark';
import eleventyPlugin from 'incident-timeline/eleventy';
import type { EleventyOptions } from 'incident-timeline/eleventy';
import { IncidentTimelineBuildError } from 'incident-timeline/remark';
import MarkdownIt from 'markdown-it';
import { IncidentTimelineElement as DefinedElement } from 'incident-timeline/define';

declare const console: { log(...values: unknown[]): void };

const doc: TimelineDocument = {
  version: 1,
  title: 'Typed',
  events: [{ kind: 'milestone', title: 'Deploy', at: '2024-01-01T10:00:00Z' }],
};
const options: RenderOptions = { width: 600, timeZone: 'UTC', theme: 'dark' };
const svg: string = renderToSvg(doc, options);
const timeline: Timeline = parseTimeline(JSON.stringify(doc));
const firstLane: string = timeline.lanes[0]?.id ?? '';
defineIncidentTimeline();
IncidentTimelineElement.define('incident-timeline');
DefinedElement.define('incident-timeline');

try {
  parseTimeline('{');
} catch (e) {
  const problems: Problem[] = (e as IncidentTimelineError).problems;
  console.log(problems.length);
}

const mdOptions: MarkdownItOptions = { width: 800, theme: 'auto', locate: () => ({ file: 'post.md', lineOffset: 3 }) };
new MarkdownIt().use(markdownItPlugin, mdOptions);
const transformer = remarkIncidentTimeline({ timeZone: 'UTC' });
const eleventy: EleventyOptions = { assetsDir: 'assets/it', injectScript: false };
eleventyPlugin({}, eleventy);
const err = new Error() as IncidentTimelineBuildError;
const where: string = `${err.file}:${err.line}`;

// @ts-expect-error: themes are light, dark (and auto for the plugins only)
renderToSvg(doc, { theme: 'blue' });

console.log(svg.length, firstLane, transformer, where);

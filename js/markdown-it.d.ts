// `incident-timeline/markdown-it`: md.use(incidentTimeline, options).
import type { StaticRenderOptions } from './ssg.js';
export type { StaticRenderOptions } from './ssg.js';
export { IncidentTimelineBuildError } from './ssg.js';

export interface MarkdownItOptions extends StaticRenderOptions {
  /**
   * Names the source in build errors, from markdown-it's `env`. The default
   * reads `env.page.inputPath` (Eleventy), `env.filename` or `env.path`;
   * `lineOffset` is added to markdown-it's line numbers (front matter).
   */
  locate?: (env: any) => { file: string; lineOffset?: number };
}

/** The part of a markdown-it instance the plugin uses (no dependency on its types). */
export interface MarkdownItLike {
  renderer: { rules: { fence?: (...args: any[]) => string; [rule: string]: any } };
  utils: { unescapeAll(text: string): string };
}

/** Renders ```incident-timeline blocks as <incident-timeline> with inline JSON and a server-rendered SVG. */
declare function incidentTimeline(md: MarkdownItLike, options?: MarkdownItOptions): void;
export default incidentTimeline;
export { incidentTimeline };

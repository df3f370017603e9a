// `incident-timeline/remark`: unified().use(remarkIncidentTimeline, options)
// (Astro: markdown.remarkPlugins; Docusaurus: remarkPlugins).
import type { StaticRenderOptions } from './ssg.js';
export type { StaticRenderOptions } from './ssg.js';
export { IncidentTimelineBuildError } from './ssg.js';

/** A unified transformer over an mdast tree (no dependency on unified's types). */
export type RemarkTransformer = (tree: any, file: any) => void;

/**
 * Turns ```incident-timeline code nodes into hast data for
 * <incident-timeline> with inline JSON and a server-rendered SVG; throws
 * IncidentTimelineBuildError for a bad timeline.
 */
declare function remarkIncidentTimeline(options?: StaticRenderOptions): RemarkTransformer;
export default remarkIncidentTimeline;
export { remarkIncidentTimeline };

/** The SVG that renderToSvg returns, as hast element nodes. */
export declare function svgToHast(svg: string): any[];

// `incident-timeline/eleventy`: eleventyConfig.addPlugin(incidentTimeline, options).
import type { StaticRenderOptions } from './ssg.js';
export type { StaticRenderOptions } from './ssg.js';
export { IncidentTimelineBuildError } from './ssg.js';

export interface EleventyOptions extends StaticRenderOptions {
  /** Output folder of incident-timeline.js and the widget's wasm (default `assets/incident-timeline`). */
  assetsDir?: string;
  /** Add <script src=… defer> before </head> of pages with the element (default true). */
  injectScript?: boolean;
  /** The script's URL; by default relative to each page, so `pathPrefix` needs nothing. */
  scriptSrc?: string;
}

/** Markdown (```incident-timeline blocks), the browser assets, and the script tag. */
declare function incidentTimelineEleventy(eleventyConfig: any, options?: EleventyOptions): void;
export default incidentTimelineEleventy;
export { incidentTimelineEleventy };

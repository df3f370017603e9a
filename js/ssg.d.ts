// Types shared by the static-site-generator plugins of `incident-timeline`
// (`./markdown-it`, `./remark`, `./eleventy`).
import type { Problem, RenderOptions } from './api.js';

/** What every static-site plugin accepts: how the server-side SVG is drawn. */
export interface StaticRenderOptions extends Pick<RenderOptions, 'scale' | 'hourCycle' | 'locale'> {
  /** Width of the server-rendered SVG in pixels (default 900). */
  width?: number;
  /** Default `time-zone` of every block (element attribute and SVG); `local` leaves the SVG in the document's zone. */
  timeZone?: string;
  /** Default `theme` of every block; the SVG is light unless this is `dark`. */
  theme?: 'light' | 'dark' | 'auto';
}

/** A bad ```incident-timeline block: the site build fails with this. */
export declare class IncidentTimelineBuildError extends Error {
  name: 'IncidentTimelineBuildError';
  /** The markdown file, as the generator names it. */
  file: string;
  /** 1-based line of the opening fence in that file. */
  line: number | undefined;
  /** Every problem: JSON path (or line and column, for syntax errors) and message. */
  problems: Problem[];
}

// Node entry (the "node" export condition): the full core is read from disk
// and instantiated synchronously at import, so server-side rendering and
// static site generators can call `renderToSvg` without a browser or an await.
import { readFileSync } from 'node:fs';
import { coreLoader } from './core.js';
import { createGlue } from './glue.js';

const core = coreLoader(createGlue, null);
core.loadSync(readFileSync(new URL('./incident_timeline_bg.wasm', import.meta.url)));

/** Checks a timeline (format v1 or a feed, JSON text or object) and returns it normalized; throws with `problems`. */
export function parseTimeline(input, options) {
  return core.run((c) => c.parseTimeline(input, options));
}

/** Reads a status-page feed (or format v1): `{ timeline, warnings, source }`, the timeline as format v1. */
export function importTimeline(input, options) {
  return core.run((c) => c.importTimeline(input, options));
}

/** Draws a timeline as a standalone SVG string: the same bytes as the command-line tool. */
export function renderToSvg(input, options) {
  return core.run((c) => c.renderToSvg(input, options));
}

// The element needs a browser: stand-ins, shared with `incident-timeline/define`.
export { IncidentTimelineElement, defineIncidentTimeline } from './server-element.js';

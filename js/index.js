// The npm package's main entry for browsers and bundlers. The wasm is
// located relative to this file (bundlers such as Vite understand
// `new URL(..., import.meta.url)` and copy it), and loaded before the module
// finishes evaluating, so `parseTimeline` and `renderToSvg` are synchronous.
import { setWasmSource, loadCore, withCore } from './core.js';
import { IncidentTimelineElement } from './element.js';

setWasmSource(new URL('./incident_timeline_bg.wasm', import.meta.url));
await loadCore();

export { IncidentTimelineElement };

/** Registers <incident-timeline> (or `tag`) in `registry`. */
export function defineIncidentTimeline(tag = 'incident-timeline', registry = customElements) {
  return IncidentTimelineElement.define(tag, registry);
}

/** Checks a timeline (JSON text or object) and returns it normalized; throws with `problems`. */
export function parseTimeline(input) {
  return withCore((core) => core.parseTimeline(input));
}

/** Draws a timeline as a standalone SVG string. */
export function renderToSvg(input, options) {
  return withCore((core) => core.renderToSvg(input, options));
}

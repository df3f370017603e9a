// The npm package's main entry for browsers and bundlers. The full core is
// located relative to this file (bundlers such as Vite understand
// `new URL(..., import.meta.url)` and copy it) and loaded before the module
// finishes evaluating, so `parseTimeline` and `renderToSvg` are synchronous.
import { coreLoader } from './core.js';
import { createGlue } from './glue.js';
import { IncidentTimelineElement, useCore, useImporter, useLocales } from './element.js';

const core = coreLoader(createGlue, new URL('./incident_timeline_bg.wasm', import.meta.url));
await core.load();
useCore(core);
useImporter(async () => ({ importTimeline }));
useLocales(() => import('./locale.js'), (language) => new URL(`./locales/${language}.json`, import.meta.url).href);

export { IncidentTimelineElement };

/** Registers <incident-timeline> (or `tag`) in `registry`. */
export function defineIncidentTimeline(tag = 'incident-timeline', registry = customElements) {
  return IncidentTimelineElement.define(tag, registry);
}

/** Checks a timeline (format v1 or a feed, JSON text or object) and returns it normalized; throws with `problems`. */
export function parseTimeline(input, options) {
  return core.run((c) => c.parseTimeline(input, options));
}

/** Reads a status-page feed (or format v1): `{ timeline, warnings, source }`, the timeline as format v1. */
export function importTimeline(input, options) {
  return core.run((c) => c.importTimeline(input, options));
}

/** Draws a timeline as a standalone SVG string. */
export function renderToSvg(input, options) {
  return core.run((c) => c.renderToSvg(input, options));
}

// The importers (status-page feeds to format v1), in the full core. The
// element loads this only when a feed arrives, so a page of format v1
// timelines never downloads it.
import { coreLoader } from './core.js';
import { createGlue } from './glue.js';

const core = coreLoader(createGlue, new URL('./incident_timeline_bg.wasm', import.meta.url));

/** Loads the full core once; then `importTimeline(input, options)` is synchronous. */
export async function load() {
  await core.load();
  return { importTimeline: (input, options) => core.run((c) => c.importTimeline(input, options)) };
}

// Node entry (the "node" export condition): the wasm is read from disk and
// instantiated synchronously at import, so server-side rendering and static
// site generators can call `renderToSvg` without a browser or an await.
import { readFileSync } from 'node:fs';
import { loadCoreSync, withCore } from './core.js';

loadCoreSync(readFileSync(new URL('./incident_timeline_bg.wasm', import.meta.url)));

/** Checks a timeline (JSON text or object) and returns it normalized; throws with `problems`. */
export function parseTimeline(input) {
  return withCore((core) => core.parseTimeline(input));
}

/** Draws a timeline as a standalone SVG string: the same bytes as the command-line tool. */
export function renderToSvg(input, options) {
  return withCore((core) => core.renderToSvg(input, options));
}

// Entry of the classic-script build (pkg/incident-timeline.js): one
// <script src=".../incident-timeline.js"> registers <incident-timeline> and
// finds the wasm next to itself. No module loader, no bundler.
import { setWasmSource, loadCore, withCore } from './core.js';
import { IncidentTimelineElement } from './element.js';

const script = document.currentScript;
setWasmSource(new URL('incident_timeline_bg.wasm', script && script.src ? script.src : document.baseURI).href);
IncidentTimelineElement.define();

/** For pages that want the API without a module system. */
window.IncidentTimeline = {
  IncidentTimelineElement,
  ready: () => loadCore().then(() => undefined),
  parseTimeline: (input) => withCore((core) => core.parseTimeline(input)),
  renderToSvg: (input, options) => withCore((core) => core.renderToSvg(input, options)),
};

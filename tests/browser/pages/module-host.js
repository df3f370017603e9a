// Loads the element from the ES modules in /pkg/ with a wasm loader of its
// own, so tests can reach what the one-script build hides:
//   window.__itCore        the loader (run, generation): a test can make a
//                          call trap the way a bug in the wasm would;
//   window.__itWasmBytes() the size of the current instance's memory;
//   window.__itChart()     the current instance's Chart class, whose
//                          methods a test can make trap.
import { coreLoader } from '/pkg/core.js';
import { createGlue } from '/pkg/glue-widget.js';
import { IncidentTimelineElement, useCore, useImporter } from '/pkg/element.js';

let exports = null;
let current = null;
function glue() {
  const g = createGlue();
  current = g;
  const initSync = g.initSync;
  g.initSync = (options) => (exports = initSync(options));
  return g;
}

const core = coreLoader(glue, new URL('/pkg/incident_timeline_widget_bg.wasm', location.href).href);
useCore(core);
// A timeline with problems is described by the full core, as in the package's entries.
useImporter(() => import('/pkg/import.js').then((m) => m.load()));
IncidentTimelineElement.define();
window.IncidentTimelineElement = IncidentTimelineElement;
window.__itCore = core;
window.__itWasmBytes = () => (exports ? exports.memory.buffer.byteLength : 0);
window.__itChart = () => current.Chart;

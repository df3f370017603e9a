// Entry of the classic-script build (pkg/incident-timeline.js): one
// <script src=".../incident-timeline.js"> registers <incident-timeline> and
// finds the widget's wasm next to itself. No module loader, no bundler.
import { coreLoader } from './core.js';
import { createGlue } from './glue-widget.js';
import { IncidentTimelineElement, useCore } from './element.js';

const script = document.currentScript;
const base = script && script.src ? script.src : document.baseURI;
useCore(coreLoader(createGlue, new URL('incident_timeline_widget_bg.wasm', base).href));
IncidentTimelineElement.define();
window.IncidentTimelineElement = IncidentTimelineElement;

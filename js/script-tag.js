// Entry of the classic-script build (pkg/incident-timeline.js): one
// <script src=".../incident-timeline.js"> registers <incident-timeline> and
// finds the widget's wasm next to itself. No module loader, no bundler.
import { coreLoader } from './core.js';
import { createGlue } from './glue-widget.js';
import { IncidentTimelineElement, useCore, useImporter, useLocales } from './element.js';

const script = document.currentScript;
const base = script && script.src ? script.src : document.baseURI;
const core = coreLoader(createGlue, new URL('incident_timeline_widget_bg.wasm', base).href);
useCore(core);
// Fetch and compile now, while the page parses, not when the first element
// connects. A failure here is retried (and shown) by the elements.
core.load().catch(() => {});
// Feeds: the importers and the full core, from beside this script, only when one arrives.
useImporter(() => import(new URL('incident-timeline-import.js', base).href).then((m) => m.load()));
// A page not in English: its words (locales/<language>.json) and the code asking Intl, only then.
useLocales(() => import(new URL('incident-timeline-locale.js', base).href), (language) => new URL(`locales/${language}.json`, base).href);
IncidentTimelineElement.define();
window.IncidentTimelineElement = IncidentTimelineElement;

// `import 'incident-timeline/define'`: registers <incident-timeline>. Loads
// the small widget core when the first element needs it, not at import.
import { coreLoader } from './core.js';
import { createGlue } from './glue-widget.js';
import { IncidentTimelineElement, useCore, useImporter, useLocales } from './element.js';

useCore(coreLoader(createGlue, new URL('./incident_timeline_widget_bg.wasm', import.meta.url)));
// Feeds: the importers (the full core) are a separate chunk, loaded when one arrives.
useImporter(() => import('./import.js').then((m) => m.load()));
// A page not in English: its words and the code asking Intl, a chunk loaded only then.
useLocales(() => import('./locale.js'), (language) => new URL(`./locales/${language}.json`, import.meta.url).href);
IncidentTimelineElement.define();

export { IncidentTimelineElement };

// `import 'incident-timeline/define'`: registers <incident-timeline>. The wasm
// loads when the first element needs it, not at import.
import { setWasmSource } from './core.js';
import { IncidentTimelineElement } from './element.js';

setWasmSource(new URL('./incident_timeline_bg.wasm', import.meta.url));
IncidentTimelineElement.define();

export { IncidentTimelineElement };

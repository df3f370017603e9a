// `import 'incident-timeline/define'` on a server (Node: server-side
// rendering, and the server pass of frameworks such as Docusaurus, which run
// client modules there too): nothing to register and no wasm to load. The
// browser's build of the same import registers the element.
export { IncidentTimelineElement } from './server-element.js';

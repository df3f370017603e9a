// Types of `incident-timeline/define` on a server (the `node` condition).
export { IncidentTimelineElement } from './node.js';

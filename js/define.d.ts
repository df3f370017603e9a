export { IncidentTimelineElement } from './index.js';

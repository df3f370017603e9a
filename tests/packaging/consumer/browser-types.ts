// Type-checked under the `bundler` resolution with the DOM library: the
// browser entry's element types and the events on HTMLElement.
import 'incident-timeline/define';
import { IncidentTimelineElement, renderToSvg } from 'incident-timeline';

const el = document.querySelector('incident-timeline');
if (el) {
  const state: 'idle' | 'loading' | 'ready' | 'error' = el.state;
  el.data = { version: 1, events: [] };
  el.addEventListener('incident-timeline:error', (e) => console.log(e.detail.problems[0]?.path, state));
  el.addEventListener('incident-timeline:ready', (e) => console.log(e.detail.events));
}
const ctor: typeof HTMLElement = IncidentTimelineElement;
console.log(ctor, renderToSvg('{}'));

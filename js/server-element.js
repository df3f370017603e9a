// The element on a server (the `node` export condition of `incident-timeline`
// and of `incident-timeline/define`): there is no DOM to register it in.
// These stand-ins let code shared by the server and the browser import the
// same names: `define()` and `defineIncidentTimeline()` do nothing, and
// constructing one throws.

export class IncidentTimelineElement {
  static observedAttributes = ['src', 'timeline', 'time-zone', 'theme'];

  static define() {
    return this;
  }

  constructor() {
    throw new TypeError(
      'IncidentTimelineElement runs in a browser only; in Node, render the chart with renderToSvg and register the element in the browser',
    );
  }
}

/** On a server: does nothing (there is no DOM to register the element in). */
export function defineIncidentTimeline() {
  return IncidentTimelineElement;
}

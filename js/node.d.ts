// Types of the Node entry of `incident-timeline` (the `node` export
// condition): the same functions as in browsers, read synchronously from
// disk at import. The element needs a browser; here it is a stand-in.
export * from './api.js';

/**
 * Browser-only. In Node this is a stand-in so that code shared by server and
 * browser can import it: `define()` does nothing, constructing one throws.
 */
export declare class IncidentTimelineElement {
  static observedAttributes: string[];
  /** In Node: does nothing. */
  static define(tag?: string, registry?: unknown): typeof IncidentTimelineElement;
  private constructor();
}

/** In Node: does nothing (there is no DOM to register the element in). */
export declare function defineIncidentTimeline(tag?: string, registry?: unknown): typeof IncidentTimelineElement;

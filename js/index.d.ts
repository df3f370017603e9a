// Types for the npm package `incident-timeline` in browsers and bundlers: the
// entries `.` and `./define`. Everything that needs no DOM (the format,
// `parseTimeline`, `renderToSvg`) is in `api.d.ts`; Node's entry is `node.d.ts`.
export * from './api.js';
import type { FeedSource, ImportWarning, Problem, TimelineDocument } from './api.js';

export interface ReadyDetail {
  title: string | null;
  events: number;
  lanes: number;
}

export interface WarningDetail {
  /** The feed the timeline was imported from. */
  source: FeedSource;
  /** What the importers could not map. */
  warnings: ImportWarning[];
}

export interface ErrorDetail {
  message: string;
  problems: Problem[];
}

/**
 * `<incident-timeline>`: attributes `src`, `timeline` (JSON), `time-zone`, `theme`, and for
 * status-page feeds `format`, `since`, `until`, `incident`; property `data`.
 */
export class IncidentTimelineElement extends HTMLElement {
  static observedAttributes: string[];
  /** Registers the element (default tag `incident-timeline`); no-op if the tag is taken. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof IncidentTimelineElement;
  /**
   * Words by language tag, set before the charts load: overrides a shipped
   * table's words or gives another language its own (keys as in
   * docs/element.md; what is missing stays English).
   */
  static strings: Record<string, Record<string, string>>;
  /** The timeline as an object, instead of `src` or inline JSON. */
  data: TimelineDocument | string | undefined;
  readonly state: 'idle' | 'loading' | 'ready' | 'error';
}

/** Registers `<incident-timeline>` (or `tag`). */
export function defineIncidentTimeline(tag?: string, registry?: CustomElementRegistry): typeof IncidentTimelineElement;

declare global {
  interface HTMLElementTagNameMap {
    'incident-timeline': IncidentTimelineElement;
  }
  interface HTMLElementEventMap {
    'incident-timeline:ready': CustomEvent<ReadyDetail>;
    'incident-timeline:error': CustomEvent<ErrorDetail>;
    'incident-timeline:warning': CustomEvent<WarningDetail>;
  }
}

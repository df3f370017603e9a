// Types of the npm package `incident-timeline` that need no DOM: the timeline
// format, `parseTimeline` and `renderToSvg`. Re-exported by `index.d.ts`
// (browsers and bundlers) and `node.d.ts` (the `node` export condition).

/** A time as written in a document: RFC 3339, with or without a UTC offset. */
export type TimeString = string;

export type Kind = 'outage' | 'degraded' | 'maintenance' | 'activity' | 'milestone';
export type Severity = 'none' | 'minor' | 'major' | 'critical';

/** A timeline document, format v1 (see docs/format.md and incident-timeline.schema.json). */
export interface TimelineDocument {
  version: 1;
  $schema?: string;
  title?: string;
  description?: string;
  /** IANA zone of wall-clock times, and the default display zone. */
  timezone?: string;
  lanes?: { id: string; label?: string; [extension: `x-${string}`]: unknown }[];
  events: TimelineEventInput[];
  [extension: `x-${string}`]: unknown;
}

export interface TimelineEventInput {
  id?: string;
  lane?: string;
  kind: Kind;
  title: string;
  detail?: string;
  severity?: Severity;
  /** Share affected, 0–1: `degraded` only; left out (or null) when the share is not stated. */
  impact?: number | null;
  start?: TimeString;
  end?: TimeString | null;
  /** Milestones only. */
  at?: TimeString;
  links?: { url: string; label?: string }[];
  [extension: `x-${string}`]: unknown;
}

/** What `parseTimeline` returns: lanes explicit, defaults filled in, times in UTC. */
export interface Timeline {
  version: 1;
  title: string | null;
  description: string | null;
  timezone: string | null;
  lanes: { id: string; label: string }[];
  events: TimelineEvent[];
}

export interface TimelineEvent {
  id: string | null;
  lane: string;
  kind: Kind;
  /** Ranges: ISO 8601 in UTC. */
  start?: string;
  /** Ranges: ISO 8601 in UTC, or null while ongoing. */
  end?: string | null;
  /** Milestones: ISO 8601 in UTC. */
  at?: string;
  title: string;
  detail: string | null;
  severity: Severity;
  /** 1 for outages, 0 for kinds without user impact, the share for `degraded` (null when not stated). */
  impact: number | null;
  links: { url: string; label?: string }[];
}

/** One problem in a document. */
export interface Problem {
  /** JSON path, like `events[3].end`; empty for the whole document. */
  path: string;
  /** 1-based, for syntax errors. */
  line?: number;
  column?: number;
  message: string;
}

/** Thrown by `parseTimeline` and `renderToSvg`: `message` lists every problem. */
export interface IncidentTimelineError extends Error {
  name: 'IncidentTimelineError' | 'IncidentTimelineInternalError';
  problems: Problem[];
}

export interface RenderOptions {
  /** Width in CSS pixels (default 900). */
  width?: number;
  /** `UTC` or an IANA zone; default: the document's `timezone`, else UTC. */
  timeZone?: string;
  theme?: 'light' | 'dark';
  /** `auto` compresses idle stretches into axis breaks; `linear` does not. */
  scale?: 'auto' | 'linear';
  /** 12-hour (`h12`) or 24-hour (`h23`) clock; default by zone. */
  hourCycle?: 'h12' | 'h23';
  /** The present, in ms since the epoch, for ongoing events. */
  now?: number;
}

/** Checks a timeline (JSON text or object) and returns it normalized. Throws `IncidentTimelineError`. */
export function parseTimeline(input: string | TimelineDocument): Timeline;

/** Draws a timeline as a standalone SVG document (same bytes as the CLI). Throws `IncidentTimelineError`. */
export function renderToSvg(input: string | TimelineDocument, options?: RenderOptions): string;

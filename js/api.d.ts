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
  /** 1-based: of a syntax error, or of the path's value when the input was text. */
  line?: number;
  /** 1-based, in characters. */
  column?: number;
  message: string;
  /** The problem in one line, place first ("line 6, column 12: events[1].id: duplicate id …"). */
  text?: string;
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
  /** 12-hour (`h12`) or 24-hour (`h23`) clock; default: the locale's. */
  hourCycle?: 'h12' | 'h23';
  /**
   * The reader's language, a BCP 47 tag (`de-DE`, `ja`, `en-GB`): words,
   * dates, times and numbers (default `en`). Tables: en, de, fr, es, pt, ja,
   * zh-Hans; another language is written in English, with a console warning.
   */
  locale?: string;
  /** The present, in ms since the epoch, for ongoing events. */
  now?: number;
}

/** A status-page feed the importers read (docs/importers.md). */
export type FeedSource = 'statuspage' | 'incidentio' | 'gcp' | 'text';

/** How to read a status-page feed; every entry point that takes a timeline takes these too. */
export interface FeedOptions {
  /** Read the input as this feed; default: told by its shape (format v1, or one of the feeds). */
  from?: FeedSource;
  /** Only incidents that end at or after this time (RFC 3339, a date like `2023-01-01`, or ms). */
  since?: string | number;
  /** Only incidents that start at or before this time. */
  until?: string | number;
  /** Only the incident with this id. */
  incident?: string;
  /** Only these components, by id or name. */
  components?: string[];
  /** Post-mortem text only: the date (`2022-12-07`) of its first entries when the text states none. */
  date?: string;
  /**
   * Post-mortem text only: `'auto'` (the default) infers impact windows from
   * entries that say when users started and stopped being hurt; `'none'`
   * draws only the ranges the text states.
   */
  infer?: 'auto' | 'none';
}

/** What the importers could not map, at a JSON path of the feed. */
export interface ImportWarning {
  /** The JSON path of the feed item (empty for post-mortem text). */
  path: string;
  message: string;
  /** The 1-based line and column (in characters) of the entry (text) or of the item (a feed read from text). */
  line?: number;
  column?: number;
}

export interface ImportResult {
  /** The timeline as a format v1 document, ready to polish and save. */
  timeline: TimelineDocument;
  warnings: ImportWarning[];
  /** What it was read as (a feed, or `'text'`); null for format v1. */
  source: FeedSource | null;
}

/** A status-page feed (any JSON a timeline function takes): kept loose, the importers check it. */
export type Feed = Record<string, unknown> | unknown[];

/** Checks a timeline (format v1 or a feed; JSON text or object) and returns it normalized. Throws `IncidentTimelineError`. */
export function parseTimeline(input: string | TimelineDocument | Feed, options?: FeedOptions): Timeline;

/** Draws a timeline (format v1 or a feed) as a standalone SVG document (same bytes as the CLI). Throws `IncidentTimelineError`. */
export function renderToSvg(input: string | TimelineDocument | Feed, options?: RenderOptions & FeedOptions): string;

/** Reads a status-page feed (or format v1) as a format v1 document, with warnings. Throws `IncidentTimelineError`. */
export function importTimeline(input: string | TimelineDocument | Feed, options?: FeedOptions): ImportResult;

// What the static-site-generator plugins (markdown-it, remark, Eleventy)
// share: a fenced ```incident-timeline block becomes the element with the
// timeline inline as JSON and the server-rendered SVG as its no-JS fallback.
// A bad timeline throws an error naming the file, the fence's line and the
// JSON path of every problem, so the site build fails instead of shipping a
// blank chart. A block may hold a status-page feed or a post-mortem's
// timeline text instead (or name a file with `src`): it is imported at build
// time, and the page gets format v1.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { importTimeline, renderToSvg } from './node.js';

/** The fence language the plugins look for. */
export const LANGUAGE = 'incident-timeline';

/** Settings a block may give after the language: ```incident-timeline theme=dark time-zone=UTC */
const BLOCK_SETTINGS = ['width', 'time-zone', 'theme', 'locale', 'src', 'format', 'since', 'until', 'incident', 'date', 'infer'];

/** Block settings that say how to read a feed, and the importer option each sets. */
const FEED_SETTINGS = { format: 'from', since: 'since', until: 'until', incident: 'incident', date: 'date', infer: 'infer' };

/** Thrown for a bad block: `file`, `line` (of the fence) and `problems` tell where. */
export class IncidentTimelineBuildError extends Error {
  constructor(message, { file, line, problems }) {
    super(message);
    this.name = 'IncidentTimelineBuildError';
    this.file = file;
    this.line = line;
    this.problems = problems;
  }
}

/** The language of an info string (`incident-timeline {theme=dark}` → `incident-timeline`). */
export function languageOf(info) {
  return String(info || '').trim().split(/[\s{]/, 1)[0];
}

/**
 * The settings written after the language, `key=value` pairs, optionally in
 * braces and quoted (`{time-zone="UTC" theme=dark}`), as an object; unknown
 * keys and stray words are problems.
 */
export function parseSettings(rest) {
  const settings = {};
  const problems = [];
  let text = String(rest || '').trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  const pair = /([A-Za-z][\w-]*)\s*=\s*("([^"]*)"|'([^']*)'|[^\s,"']+)|(\S+)/g;
  for (const m of text.matchAll(pair)) {
    if (m[5] !== undefined) {
      if (m[5] !== ',') problems.push({ path: '', message: `"${m[5]}" after the language is not a key=value setting` });
      continue;
    }
    const key = m[1];
    const value = m[3] ?? m[4] ?? m[2];
    if (!BLOCK_SETTINGS.includes(key)) {
      problems.push({ path: '', message: `unknown setting "${key}" after the language; use ${BLOCK_SETTINGS.join(', ')}` });
    } else {
      settings[key] = value;
    }
  }
  return { settings, problems };
}

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Renders one block. `source` is the JSON in the fence; `info` what follows
 * the language; `options` the plugin's options (`width`, `timeZone`, `theme`,
 * `scale`, `hourCycle`, `locale`); `file` and `line` (1-based, of the opening fence)
 * name the block in errors. Returns `{ attributes, json, svg }`: the
 * element's attributes, the timeline as JSON safe inside a <script>
 * element, and the SVG.
 */
export function renderBlock(source, { info = '', options = {}, file = '<markdown>', line } = {}) {
  const { settings, problems: settingProblems } = parseSettings(info);
  const fail = (problems) => {
    throw buildError(problems, { file, line });
  };
  if (settingProblems.length) fail(settingProblems);

  const timeZone = settings['time-zone'] ?? options.timeZone;
  const theme = settings.theme ?? options.theme;
  // The language of the SVG and of the element (its `lang`), so both read alike.
  const locale = settings.locale ?? options.locale;
  const widthText = settings.width ?? options.width ?? 900;
  const width = Number(widthText);
  if (!Number.isInteger(width) || width <= 0) {
    fail([{ path: '', message: `width ${JSON.stringify(String(widthText))} is not a whole number of pixels` }]);
  }
  if (theme !== undefined && !['light', 'dark', 'auto'].includes(theme)) {
    fail([{ path: '', message: `theme "${theme}" is not one of light, dark, auto` }]);
  }

  if (settings.src !== undefined) {
    if (String(source).trim()) fail([{ path: '', message: 'the block has both src and content; use one' }]);
    const path = resolve(file.startsWith('<') ? '.' : dirname(file), settings.src);
    try {
      source = readFileSync(path, 'utf8');
    } catch (e) {
      fail([{ path: '', message: `src "${settings.src}": cannot read ${path}: ${e.code || e.message}` }]);
    }
  }
  if (!String(source).trim()) fail([{ path: '', message: 'the block is empty; put a timeline (JSON) in it' }]);

  // A feed becomes format v1 here, so the page carries the timeline itself.
  const feed = {};
  for (const [key, option] of Object.entries(FEED_SETTINGS)) {
    if (settings[key] !== undefined && settings[key] !== 'json') feed[option] = settings[key];
  }
  let timeline = source;
  try {
    const imported = importTimeline(source, feed);
    if (imported.source !== null) {
      timeline = imported.timeline;
      // A line of post-mortem text that looks like an entry but could not be
      // read fails the build: the author meant it to be on the chart.
      if (imported.source === 'text' && imported.warnings.length) fail(imported.warnings);
      for (const w of imported.warnings) {
        console.warn(`${line != null ? `${file}:${line}` : file}: ${imported.source} feed: ${w.path}: ${w.message}`);
      }
    }
  } catch (e) {
    if (!Array.isArray(e.problems)) throw e;
    fail(e.problems);
  }

  const svgOptions = { width, theme: theme === 'dark' ? 'dark' : 'light' };
  // The element resolves `local` to the reader's zone; at build time the
  // document's own zone is the honest default.
  if (timeZone !== undefined && timeZone !== 'local') svgOptions.timeZone = timeZone;
  if (options.scale !== undefined) svgOptions.scale = options.scale;
  if (options.hourCycle !== undefined) svgOptions.hourCycle = options.hourCycle;
  if (locale !== undefined) svgOptions.locale = locale;
  let svg;
  try {
    svg = renderToSvg(timeline, svgOptions);
  } catch (e) {
    if (!Array.isArray(e.problems)) throw e;
    fail(e.problems);
  }

  const attributes = {};
  if (timeZone !== undefined) attributes['time-zone'] = timeZone;
  if (theme !== undefined) attributes.theme = theme;
  if (locale !== undefined) attributes.lang = locale;
  if (options.hourCycle !== undefined) attributes['hour-cycle'] = options.hourCycle;
  // Minified, and `<` written as \u003c: no `</script>` or `<!--` in a title
  // can end the script element early.
  const json = JSON.stringify(typeof timeline === 'string' ? JSON.parse(timeline) : timeline).replace(/</g, '\\u003c');
  return { attributes, json, svg };
}

/** One block as HTML: the element, its JSON, and the SVG as the no-JS fallback. */
export function blockToHtml({ attributes, json, svg }) {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  return `<incident-timeline${attrs}><script type="application/json">${json}</script>${svg}</incident-timeline>\n`;
}

/** Where a problem is, in the file: its JSON path, or its line and column. */
function describe(p, line) {
  if (p.line != null) {
    const at = line != null ? `line ${line + p.line}` : `line ${p.line} of the block`;
    return `${at}, column ${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
  }
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function buildError(problems, { file, line }) {
  const where = line != null ? `${file}:${line}` : file;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  const message =
    `${where}: the \`\`\`${LANGUAGE} block has ${count}:\n` +
    problems.map((p) => `  ${describe(p, line)}`).join('\n');
  return new IncidentTimelineBuildError(message, { file, line, problems });
}

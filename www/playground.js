/**
 * The playground (www/playground.html): a textarea with line numbers for a
 * timeline in any form the core reads (format v1 JSON, a Statuspage /
 * incident.io / Google Cloud feed, or a post-mortem's timeline text, told
 * apart by the core), an <incident-timeline> that follows the input as you
 * type, the problems with their line and column (a click puts the cursor
 * there), how it was read (each event's time, lane and kind; a window the
 * core inferred from a text's instants is marked, with the entries it came
 * from; a title finds its line), and the outputs: the embed snippet, a Markdown block for the
 * static-site plugins, the SVG, the format v1 JSON and a share link.
 *
 * Everything runs here, with the npm module's browser entry (/pkg/index.js,
 * the full core): `importTimeline` reads the input, the element draws the
 * format v1 document it returns, `renderToSvg` writes the SVG. Nothing is
 * sent anywhere; the share link carries the input, deflated, in the URL's
 * fragment. The page runs under a strict CSP (no inline script or style).
 */

/** Where the package's browser entry is served (scripts/serve.mjs mounts pkg/ here). */
const MODULE = '/pkg/index.js';
/** The script-tag build, as the embed snippet loads it. */
const SCRIPT_URL = 'https://unpkg.com/incident-timeline/pkg/incident-timeline.js';
/** How long typing pauses before the chart follows, in ms. */
const DEBOUNCE_MS = 200;
/** The largest input a share link may unpack to (the core's own limit). */
const MAX_BYTES = 20 * 1024 * 1024;

/** The demo post's timeline (www/index.html), as the text of its fallback list, with its date. */
const SEED = `# 12/7 Outage Post Mortem
December 7, 2022

8:24 – 8:49 AM (PST): A 25-minute outage occurred, where incoming connections were rejected and users saw a variety of 5XX errors
8:36 AM: Our team isolated the issue to an error in the underlying filesystem, leading to network connection failures. A reboot was performed to allow an automated filesystem integrity check. The server was fully functioning by 8:49 AM.
9:12 – 9:28 AM: We start to observe 403 errors being served to clients on the affected server and we identify the issue as a recurrence of the initial filesystem issues observed, leading to the filesystem entering read-only mode. A reboot and manual filesystem check on XFS is performed and the server is fully functional by 9:28 AM. We investigate the root cause of this corruption to prevent it from happening again.
10:27 AM: We identify the root cause of the corruption as a software bug and mitigate the bug to prevent further corruption. We also identify, however, that the present corruption is too erratic to resolve without significant impacts on availability.
10:59 AM: To permanently prevent reoccurrence, we make the decision to perform a platform migration.
12:39 – 12:57 PM: This issue recurs due to present corruption and the same symptoms (403 errors) are seen and then mitigated with an offline repair.
1:00 PM: We start the process of planning the platform migration, working with upstream to coordinate a seamless transition.
3:30 PM: Planning and preparing for the platform migration is finalized and we begin to coordinate with our supply chain to source a replacement backend server.
4:33 PM – 4:48 PM: This issue recurs due to present corruption and the same symptoms (403 errors) are seen and then mitigated with an offline repair.
6:30 PM: We start to initialize and setup the backend replacement server
— No further filesystem incidents were logged —
(12/8) 9 AM: The backend server is initialized and readied for migration
9:10 AM: Approval is given for migration to occur
10:24 AM: Initial data migration process is started and copies of all accounts and data are copied over
2:00 PM: All data is confirmed to be copied and sites are properly working
3:00 PM: A target network migration window of 12 PM PST on 12/9 is set
(12/9) 11:55 AM: We begin an incremental data synchronization of all account files and database.
12:40 – 1:20 PM: As sites are migrated, some (~30%) of site requests were temporarily served a “Suspended” accounts response to prevent change conflicts. For impacted sites, this issue lasted ~10 minutes.
1:55 PM: The final data synchronization is finished and the network transfer is approved
2:06 – 2:11 PM: Brief network outage occur on each transferred IP address, lasting ~2 minutes each as the network is re-routed to the new backend
3:00 PM: Migration is declared complete and system integrity is verified
9:00 PM: Any remaining bugs or inconsistencies from the migration are resolved and systems are fully functional. The initial software that caused the corruption has been disabled, and we’ve also made changes to ensure our filesystem is more resilient to similar issues.
`;

/** A small format v1 document to start from. */
const SMALL = {
  version: 1,
  title: 'Database failover',
  timezone: 'Europe/Berlin',
  lanes: [
    { id: 'api', label: 'API' },
    { id: 'team', label: 'Team' },
  ],
  events: [
    { lane: 'api', kind: 'outage', start: '2024-05-01T10:02:00', end: '2024-05-01T10:41:00', title: 'API returned 503 for every request' },
    { lane: 'api', kind: 'degraded', impact: 0.3, start: '2024-05-01T10:41:00', end: '2024-05-01T11:20:00', title: 'Slow responses while the replica caught up' },
    { lane: 'team', kind: 'milestone', at: '2024-05-01T10:09:00', title: 'On-call paged' },
    { lane: 'team', kind: 'activity', start: '2024-05-01T10:15:00', end: '2024-05-01T10:40:00', title: 'Failover to the replica' },
  ],
};

/** The examples of the "Start from" list: text, or a file of www/examples/ to fetch. */
const EXAMPLES = {
  'seed-text': () => SEED,
  'seed-json': () => fetchText('examples/seed-postmortem.json'),
  feed: () => fetchText('examples/feeds/github-incident.json'),
  small: () => `${JSON.stringify(SMALL, null, 2)}\n`,
};

/** What each `source` of importTimeline is, in words. */
const SOURCES = {
  null: 'format v1 JSON',
  text: 'post-mortem text',
  statuspage: 'a Statuspage feed',
  incidentio: 'an incident.io status page feed',
  gcp: 'a Google Cloud Service Health feed',
};

const $ = (id) => document.getElementById(id);
const editor = $('editor');
const gutter = $('gutter');
const dateInput = $('date');
const chart = $('chart');
const detected = $('detected');
const problemList = $('problems');
const problemsSummary = $('problems-summary');
const chartStatus = $('chart-status');
const copyStatus = $('copy-status');
const copyBox = $('copy-box');
const copyLabel = $('copy-label');
const copyText = $('copy-text');
const readingRows = $('reading-rows');
const actionButtons = ['copy-embed', 'copy-markdown', 'download-svg', 'download-json', 'share'].map($);

/** The npm module, once loaded. */
let api = null;
/** The input as last read well: { doc (format v1), source, text }. */
let current = null;
/** The document last given to the element, and the last one it drew. */
let given = null;
let drawn = null;
let givenJson = '';
let timer = 0;
let gutterLines = 0;

// ---- the editor and its line numbers ----

function lineCount(text) {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

function renderGutter() {
  const n = lineCount(editor.value);
  if (n !== gutterLines) {
    gutterLines = n;
    gutter.textContent = Array.from({ length: n }, (_, i) => i + 1).join('\n');
  }
  syncGutter();
}

function syncGutter() {
  gutter.scrollTop = editor.scrollTop;
}

function setInput(text, date = '') {
  editor.value = text;
  dateInput.value = date;
  editor.scrollTop = 0;
  editor.scrollLeft = 0;
  renderGutter();
  update();
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

editor.addEventListener('input', () => {
  renderGutter();
  schedule();
});
editor.addEventListener('scroll', syncGutter, { passive: true });
dateInput.addEventListener('input', schedule);
dateInput.addEventListener('change', schedule);

// ---- places in the text ----

const looksLikeJson = (text) => /^[\uFEFF\s]*[[{]/.test(text);

/** UTF-16 offset of 1-based `line` and `column` (the core counts columns in characters, not UTF-16 units). */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l += 1) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  for (let c = 1; c < column && at < text.length && text[at] !== '\n'; c += 1) {
    at += text.codePointAt(at) > 0xffff ? 2 : 1;
  }
  return at;
}

// ---- reading the input ----

function problemsOf(error) {
  if (error && Array.isArray(error.problems)) return error.problems;
  return [{ path: '', message: String((error && error.message) || error) }];
}

/** The format v1 document to draw and hand out: the author's own JSON when the input was format v1. */
function documentOf(result, text) {
  if (result.source === null) {
    try {
      const doc = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) return doc;
    } catch {
      // The core read it; JSON.parse should too. If not, its reading it is.
    }
  }
  return result.timeline;
}

function update() {
  clearTimeout(timer);
  if (!api) return;
  const text = editor.value;
  const options = dateInput.value ? { date: dateInput.value } : {};
  let result;
  try {
    result = api.importTimeline(text, options);
  } catch (e) {
    const problems = problemsOf(e);
    showProblems(text, problems.map((p) => ({ ...p, kind: 'error' })));
    detected.textContent = `Reading it as ${looksLikeJson(text) ? 'JSON' : 'post-mortem text'}: ${count(problems.length, 'problem')} to fix.`;
    if (current) {
      setChartStatus('The input has problems (listed with it); the chart shows the last version that could be read.');
    } else {
      setChartStatus('No chart yet: fix the problems listed with the input.');
      $('chart-fallback').textContent = 'No chart yet.';
    }
    return;
  }
  const doc = documentOf(result, text);
  current = { doc, source: result.source, text };
  showProblems(text, result.warnings.map((p) => ({ ...p, kind: 'warning' })));
  const events = Array.isArray(doc.events) ? doc.events.length : 0;
  detected.textContent = `Read as ${SOURCES[result.source] ?? result.source}: ${count(events, 'event')}.`;
  for (const b of actionButtons) b.disabled = false;
  setChartStatus('The chart is up to date.');
  // The same document again (a space typed, say) keeps the chart as it is, zoom included.
  showReading(doc, text);
  const json = JSON.stringify(doc);
  if (json !== givenJson) {
    givenJson = json;
    given = doc;
    chart.data = doc;
  }
}

// ---- how it was read ----

/** A time of the document as its reader sees it: in the document's zone, to the minute. */
function when(value, zone) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value ?? '');
  try {
    return new Intl.DateTimeFormat('en', {
      timeZone: zone || 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).format(d);
  } catch {
    return d.toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** A range's times, its end's day left out when it is the start's. */
function span(start, end, zone) {
  const a = when(start, zone);
  if (end === undefined || end === null) return a;
  const b = when(end, zone);
  const day = (t) => t.slice(0, t.lastIndexOf(' '));
  return day(a) === day(b) ? `${a}–${b.slice(b.lastIndexOf(' ') + 1)}` : `${a} – ${b}`;
}

/** Where `title` (as the core tidied it) first stands in the input, or -1. */
function findInInput(text, title) {
  const words = String(title).replace(/[…“”"]/g, ' ').trim().split(/\s+/).slice(0, 6);
  for (let n = words.length; n > 0; n--) {
    const at = text.indexOf(words.slice(0, n).join(' '));
    if (at >= 0 && n >= Math.min(3, words.length)) return at;
  }
  return -1;
}

/** A title that, chosen, puts the cursor where the input says it. */
function findButton(text, title) {
  const at = findInInput(text, title);
  if (at < 0) return document.createTextNode(title);
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'pg-find';
  b.textContent = title;
  b.addEventListener('click', () => goTo(at));
  return b;
}

/** The table of events: when, lane, kind, title, and for an inferred window the entries it came from. */
function showReading(doc, text) {
  const lanes = new Map((Array.isArray(doc.lanes) ? doc.lanes : []).map((l) => [l.id, l.label || l.id]));
  const events = Array.isArray(doc.events) ? doc.events : [];
  const rows = events.map((e) => {
    const tr = document.createElement('tr');
    if (e.inferred) tr.className = 'pg-inferred';
    const start = e.at ?? e.start;
    const cells = [
      span(start, e.end, doc.timezone),
      lanes.get(e.lane) ?? e.lane ?? '',
      e.kind ?? '',
    ].map((t) => {
      const td = document.createElement('td');
      td.textContent = t;
      return td;
    });
    const what = document.createElement('td');
    what.append(findButton(text, e.title ?? ''));
    if (e.inferred) {
      const badge = document.createElement('span');
      badge.className = 'pg-badge';
      badge.textContent = 'inferred';
      what.append(badge);
      // The core's detail says which entries: "Inferred from “A” to “B”."
      const why = document.createElement('span');
      why.className = 'pg-why';
      why.textContent = String(e.detail ?? '').split('\n')[0];
      what.append(why);
    }
    tr.append(...cells, what);
    return tr;
  });
  readingRows.replaceChildren(...rows);
  const inferred = events.filter((e) => e.inferred).length;
  $('reading-summary').textContent = `${count(events.length, 'event')} in ${count(lanes.size || new Set(events.map((e) => e.lane)).size, 'lane')}` +
    (inferred ? `; ${count(inferred, 'window')} inferred from the entries' words (marked; edit the text, or take the JSON and edit that).` : '.') +
    ' Choose a title to find it in the input.';
}

function count(n, what) {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function setChartStatus(text) {
  if (chartStatus.textContent !== text) chartStatus.textContent = text;
}

// The element reads what importTimeline accepted, so it should always
// draw; should it fail, the last chart it drew comes back.
chart.addEventListener('incident-timeline:ready', () => {
  drawn = given;
});
chart.addEventListener('incident-timeline:error', (e) => {
  const message = e.detail?.message || 'unknown error';
  setChartStatus(`The chart could not draw this input (${message}); it shows the last version it could.`);
  if (drawn && drawn !== given) {
    given = drawn;
    givenJson = JSON.stringify(drawn);
    chart.data = drawn;
  }
});

// ---- problems ----

// The core places every problem and warning of a text: a syntax error, or
// the value at a problem's JSON path (`events[3].end`), by line and column.
function showProblems(text, problems) {
  const items = problems.map((p) => {
    const item = document.createElement('li');
    item.className = `pg-problem pg-${p.kind}`;
    let target = null;
    let where = '';
    if (p.line != null && p.column != null) {
      target = { offset: offsetOf(text, p.line, p.column) };
      where = `Line ${p.line}, column ${p.column}`;
    } else if (p.path === 'options.date' || (p.path === 'date' && !looksLikeJson(text))) {
      target = { date: true };
      where = 'The date field';
    }
    const whereNode = document.createElement('span');
    whereNode.className = 'pg-where';
    whereNode.textContent = where || 'The whole input';
    const kind = document.createElement('span');
    kind.className = 'pg-kind';
    kind.textContent = p.kind === 'error' ? 'Error' : 'Warning';
    const message = document.createElement('span');
    message.className = 'pg-message';
    message.textContent = p.path && p.path !== 'options.date' ? `${p.path}: ${p.message}` : p.message;
    const parts = [whereNode, kind, message];
    if (target) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pg-goto';
      if (target.offset !== undefined) button.dataset.offset = String(target.offset);
      else button.dataset.date = '';
      button.append(...parts);
      item.append(button);
    } else {
      const box = document.createElement('div');
      box.className = 'pg-goto';
      box.append(...parts);
      item.append(box);
    }
    return item;
  });
  problemList.replaceChildren(...items);
  const errors = problems.filter((p) => p.kind === 'error').length;
  const warnings = problems.length - errors;
  problemsSummary.textContent = problems.length
    ? [errors && count(errors, 'error'), warnings && count(warnings, 'warning')].filter(Boolean).join(', ') +
      (items.some((i) => i.querySelector('button')) ? '. Choose one to go to its place in the input.' : '.')
    : 'None.';
  problemsSummary.classList.toggle('pg-clean', !problems.length);
}

problemList.addEventListener('click', (e) => {
  const button = e.target.closest('button.pg-goto');
  if (!button) return;
  if ('date' in button.dataset) {
    dateInput.focus();
    return;
  }
  goTo(Number(button.dataset.offset));
});

/** 1-based line and column (in characters) of UTF-16 offset `at`. */
function placeOf(text, at) {
  const before = text.slice(0, at);
  const start = before.lastIndexOf('\n') + 1;
  return { line: lineCount(before), column: [...before.slice(start)].length + 1 };
}

/** Puts the cursor at `offset` and scrolls its line (and column) into view. */
function goTo(offset) {
  const text = editor.value;
  const at = Math.min(Math.max(0, offset), text.length);
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(at, at);
  const style = getComputedStyle(editor);
  const lineHeight = parseFloat(style.lineHeight) || 20;
  const { line, column } = placeOf(text, at);
  const y = (line - 1) * lineHeight;
  if (y < editor.scrollTop || y + lineHeight > editor.scrollTop + editor.clientHeight - parseFloat(style.paddingBottom)) {
    editor.scrollTop = Math.max(0, y - editor.clientHeight / 3);
  }
  const x = (column - 1) * charWidth(style);
  if (x < editor.scrollLeft || x > editor.scrollLeft + editor.clientWidth - 40) {
    editor.scrollLeft = Math.max(0, x - editor.clientWidth / 2);
  }
  syncGutter();
  editor.scrollIntoView({ block: 'nearest' });
}

function charWidth(style) {
  charWidth.cached ||= (() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return 8;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    return context.measureText('0'.repeat(10)).width / 10 || 8;
  })();
  return charWidth.cached;
}

// ---- outputs ----

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The embed: the script tag and the element with the document inline (`<` written as \u003c, so no `</script>` in a title ends it). */
function embedSnippet(doc) {
  const json = JSON.stringify(doc, null, 2).replace(/</g, '\\u003c');
  const title = typeof doc.title === 'string' && doc.title.trim() ? doc.title.trim() : 'An incident timeline';
  return `<script src="${SCRIPT_URL}"></script>

<incident-timeline>
  <script type="application/json">
${json}
  </script>
  <p>${escapeHtml(title)} (the chart needs JavaScript).</p>
</incident-timeline>
`;
}

/** The fenced block the static-site plugins read; a fence longer than any run of backticks inside. */
function markdownBlock(doc) {
  const json = JSON.stringify(doc, null, 2);
  const longest = Math.max(0, ...(json.match(/`+/g) || []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}incident-timeline\n${json}\n${fence}\n`;
}

function fileName(doc, extension) {
  const base = String(doc.title || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'incident-timeline'}.${extension}`;
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(`Downloaded ${name}.`);
}

/** Says `text` in the status line (cleared first, so the same words are announced again). */
function say(text) {
  copyStatus.textContent = '';
  setTimeout(() => {
    copyStatus.textContent = text;
  }, 30);
}

/** Copies `text` to the clipboard, shows it in the read-only box under `label`, and says so (`what`: its name in a sentence). */
async function copy(text, label, what) {
  copyLabel.textContent = label;
  copyText.value = text;
  copyBox.hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    say(`Copied the ${what}.`);
    return;
  } catch {
    // No clipboard API here (not a secure context), or no permission.
  }
  copyText.focus();
  copyText.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  say(copied ? `Copied the ${what}.` : `Select the ${what} below and copy it (Ctrl+C, or ⌘C).`);
}

$('copy-embed').addEventListener('click', () => current && copy(embedSnippet(current.doc), 'Embed code', 'embed code'));
$('copy-markdown').addEventListener('click', () => current && copy(markdownBlock(current.doc), 'Markdown block', 'Markdown block'));
$('download-json').addEventListener('click', () => {
  if (current) download(fileName(current.doc, 'json'), 'application/json', `${JSON.stringify(current.doc, null, 2)}\n`);
});
$('download-svg').addEventListener('click', () => {
  if (!current || !api) return;
  let svg;
  try {
    svg = api.renderToSvg(current.doc);
  } catch (e) {
    say(`The SVG could not be made: ${problemsOf(e).map((p) => p.message).join('; ')}`);
    return;
  }
  download(fileName(current.doc, 'svg'), 'image/svg+xml', svg);
});
$('share').addEventListener('click', async () => {
  const url = new URL(location.href);
  url.hash = await encodeFragment(editor.value, dateInput.value);
  history.replaceState(null, '', url.href);
  await copy(url.href, 'Share link', 'share link');
});

// ---- the share link: the input deflated into the URL's fragment ----

function base64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unbase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Reads a stream to its end, giving up past MAX_BYTES (a small link could unpack to gigabytes). */
async function readCapped(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BYTES) {
      reader.cancel().catch(() => {});
      throw new Error(`it unpacks to more than ${MAX_BYTES / 1048576} MB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

const canDeflate = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** `input=<deflate-raw, base64url>` (or `text=<base64url>` where there is no CompressionStream), and `&date=`. */
async function encodeFragment(text, date) {
  const bytes = new TextEncoder().encode(text);
  const params = new URLSearchParams();
  if (canDeflate) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    params.set('input', base64url(await readCapped(stream)));
  } else {
    params.set('text', base64url(bytes));
  }
  if (date) params.set('date', date);
  return params.toString();
}

/** The input and date a fragment carries, or null if it carries none. */
async function decodeFragment(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  let bytes;
  if (params.has('input')) {
    if (!canDeflate) throw new Error('this browser cannot unpack it (no DecompressionStream)');
    const stream = new Blob([unbase64url(params.get('input'))]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    bytes = await readCapped(stream);
  } else if (params.has('text')) {
    bytes = unbase64url(params.get('text'));
  } else {
    return null;
  }
  const date = params.get('date') || '';
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), date: /^\d{4}-\d\d-\d\d$/.test(date) ? date : '' };
}

/** The input from the page's fragment, else the seed. */
async function restore() {
  try {
    const shared = await decodeFragment(location.hash);
    if (shared) {
      setInput(shared.text, shared.date);
      return;
    }
  } catch (e) {
    say(`The link’s input could not be read (${e.message}); here is the example instead.`);
  }
  setInput(SEED);
}

// A share link pasted into this tab's address bar.
addEventListener('hashchange', () => {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has('input') || params.has('text')) restore();
});

// ---- examples ----

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

$('load-example').addEventListener('click', async () => {
  const example = EXAMPLES[$('example').value];
  if (!example) return;
  try {
    setInput(await example());
    say('Example loaded.');
  } catch (e) {
    say(`The example could not be loaded: ${e.message}`);
  }
});

// ---- start ----

renderGutter();
restore();
try {
  api = await import(MODULE);
  api.defineIncidentTimeline();
  update();
} catch (e) {
  detected.textContent = `The timeline core could not be loaded: ${e.message}`;
  setChartStatus('The chart needs the core (WebAssembly), which could not be loaded.');
}

// <incident-timeline>: the custom element. A thin shell: it finds the
// timeline (.data, src, a timeline attribute, or inline JSON), hands it to
// the wasm core, and shows the chart or a readable error in its own shadow
// root. The author's light-DOM
// content is the no-JS fallback: hidden once the chart is up, never removed.
import { styles } from './styles.js';
import { Interaction } from './interact.js';

const FETCH_TIMEOUT_MS = 15000;

/** The core the elements use: set by whichever entry loads first. */
let core = null;
/** Loads the importers (the full core) when a feed arrives: set by the entry. */
let importer = null;
/**
 * Loads what a page not in English needs (`js/locale.js`: its language's
 * table and the browser's Intl formats), and where the tables are: set by
 * the entry, so an English page downloads neither.
 */
let localeLoader = null;
let tableUrl = null;

/** The feed attributes and the importer's option each sets. */
const FEED = { format: 'from', since: 'since', until: 'until', incident: 'incident', date: 'date', infer: 'infer' };

/**
 * The element's own light-DOM content as timeline text (`from="fallback"`):
 * a line for each paragraph, list item, heading (as Markdown) and table row
 * (as a Markdown row), for the core's post-mortem text reader.
 */
function fallbackText(host) {
  const lines = [];
  const walk = (node) => {
    for (const el of node.children) {
      if (el.localName === 'script' || el.localName === 'template' || el.localName === 'style') continue;
      if (el.querySelector('p, li, h1, h2, h3, h4, h5, h6, tr, dt, dd, blockquote, pre, div')) {
        walk(el);
        continue;
      }
      const text = el.textContent.replace(/\s+/g, ' ').trim();
      if (el.localName === 'tr') lines.push(`| ${[...el.children].map((c) => c.textContent.trim()).join(' | ')} |`);
      else if (/^H[1-6]$/.test(el.tagName)) lines.push(`${'#'.repeat(el.tagName[1])} ${text}`);
      else if (text) lines.push(text);
    }
  };
  walk(host);
  return lines.join('\n');
}

/** Connected elements, and one observer of the attributes above them that change how they draw. */
const connected = new Set();
let zones = null;

/** Gives the element its wasm core loader (the first one given wins). */
export function useCore(loader) {
  if (!core) core = loader;
}

/** Gives the element a loader of the importers: `() => Promise<{ importTimeline }>`. */
export function useImporter(loader) {
  importer ||= loader;
}

/**
 * Gives the element a loader of `js/locale.js` (`() => Promise<module>`) and
 * the URL of a language's table (`(language) => URL of locales/<language>.json`).
 */
export function useLocales(loader, table) {
  localeLoader ||= loader;
  tableUrl ||= table;
}

/** The language the element speaks: its `lang`, the closest ancestor's, or `<html lang>`; else English. */
function langOf(el) {
  return el.closest('[lang]')?.getAttribute('lang').trim() || 'en';
}

/** The element's writing direction: `rtl` where the closest `dir` says so. */
function dirOf(el) {
  return el.closest('[dir]')?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
}

const locales = new Map();

/**
 * The words and formats for `lang` (`{ words, formats }`), or null for
 * English as the core has it. Anything but plain English loads js/locale.js
 * (which warns once about a language without a table, and is then English
 * too); the page's own words (`IncidentTimelineElement.strings`) go over it.
 */
function localeFor(lang, Chart) {
  const { strings } = IncidentTimelineElement;
  const own = strings[lang] || strings[lang.split('-')[0]];
  if ((/^en(-us)?$/i.test(lang) && !own) || !localeLoader) return null;
  if (!locales.has(lang)) locales.set(lang, localeLoader().then((m) => m.load(lang, Chart, tableUrl, !!own)));
  return locales.get(lang).then((l) => l && { words: { ...l.words, ...own }, table: { ...l.table, ...own } });
}

function problemsOf(error) {
  if (error && Array.isArray(error.problems)) return error.problems;
  return [{ path: '', message: String((error && error.message) || error) }];
}

/** A problem in words: the core writes its own (`text`: place, path, message); the element's have only a message. */
function describeProblem(p) {
  return p.text || p.message;
}

function sheet() {
  if (!sheet.cached) {
    sheet.cached = new CSSStyleSheet();
    sheet.cached.replaceSync(styles);
  }
  return sheet.cached;
}

/**
 * Gives the shadow root its styles: one constructable stylesheet shared by
 * every widget (allowed by a strict CSP's style-src), or, in browsers
 * without them (Safari before 16.4, Firefox before 101), a <style> of its
 * own, which a CSP without 'unsafe-inline' blocks: the chart still draws.
 */
function style(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    root.adoptedStyleSheets = [sheet()];
  } else {
    const element = document.createElement('style');
    element.textContent = styles;
    root.append(element);
  }
}

/** The closest `time-zone` attribute: the element's, an ancestor's, or the document's. */
function inheritedTimeZone(el) {
  const holder = el.closest('[time-zone]');
  const value = holder ? holder.getAttribute('time-zone') : null;
  if (!value) return undefined;
  if (value === 'local') return Intl.DateTimeFormat().resolvedOptions().timeZone;
  return value;
}

/** The largest document the core accepts, in bytes: the core says (`Chart.maxDocumentBytes()`). */
async function maxBytes() {
  return (await core.load()).Chart.maxDocumentBytes();
}

async function fetchTimeline(url, abort) {
  const signal = abort.signal;
  // The core loads while the request is under way.
  const limit = maxBytes();
  limit.catch(() => {});
  let response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    // (Not signal.reason: older engines drop the reason given to abort().)
    if (abort.timedOut) {
      throw new Error(`could not load ${url}: no answer within ${FETCH_TIMEOUT_MS / 1000} s`);
    }
    if (signal.aborted) throw e;
    throw new Error(`could not load ${url}: the request failed (network error or blocked by CORS)`);
  }
  if (!response.ok) {
    throw new Error(`could not load ${url}: HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
  }
  const max = await limit;
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    response.body?.cancel().catch(() => {}); // stop the download now, not at garbage collection
    throw new Error(`could not load ${url}: it is ${Math.round(declared / 1048576)} MB; the most accepted is ${max / 1048576} MB`);
  }
  const text = await readLimited(response, url, max);
  if (/^\s*</.test(text)) {
    throw new Error(`${url} returned an HTML page, not timeline JSON (is the path right?)`);
  }
  return text;
}

async function readLimited(response, url, max) {
  if (!response.body || !response.body.getReader) return response.text();
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      reader.cancel();
      throw new Error(`could not load ${url}: it is over ${max / 1048576} MB, the most accepted`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export class IncidentTimelineElement extends HTMLElement {
  static observedAttributes = ['src', 'timeline', 'time-zone', 'theme', 'from', 'lang', 'dir', 'hour-cycle', ...Object.keys(FEED)];

  /**
   * Words by language, set by the page before its charts load:
   * `IncidentTimelineElement.strings['de'] = { 'toolbar.table': 'Liste' }`
   * overrides words of a shipped table, and gives any other language one
   * (the keys of the core's English table; what is missing stays English).
   */
  static strings = {};

  /** Registers the element; does nothing if the tag is already taken. */
  static define(tag = 'incident-timeline', registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #data = undefined;
  #chart = null;
  #chartGeneration = 0;
  #token = 0;
  #abort = null;
  #width = 0;
  #resize = null;
  #darkQuery = null;
  #onScheme = () => this.#render();
  #onHash = () => this.#guard(() => this.interaction.followHash());
  /** Runs `fn` against the core: a trap there shows as this widget's error. */
  #guard = (fn) => {
    if (!this.#chart) return;
    try {
      core.run(fn);
    } catch (e) {
      this.#fail(e);
    }
  };
  // A chart taller than the screen paints only the rows near the screen
  // (a quarter of a screen above and below) and paints again when scrolled past them.
  #painted = [0, 0];
  #onScroll = () => {
    const [top, bottom] = this.#painted;
    const c = this.canvas.getBoundingClientRect();
    if (c.height <= innerHeight) return;
    const from = Math.max(0, -c.top);
    const to = Math.min(c.height, innerHeight - c.top);
    if (from < top || to > bottom) this.#scheduleRender();
  };
  #frame = 0;
  #state = 'idle';
  /** The language the chart was last given (its `lang`), and its words and formats (null: English). */
  #lang = null;
  #locale = null;
  /** Between connectedCallback and disconnectedCallback. */
  #connected = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    style(root);
    this.chartBox = document.createElement('div');
    this.chartBox.className = 'chart';
    this.chartBox.setAttribute('part', 'chart');
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    // Canvas text follows the canvas element's inherited letter and word
    // spacing and direction; a page that restyles the host (`* { all:
    // unset }`) would push its own through and garble the chart's labels,
    // which are placed with the chart's own text metrics.
    Object.assign(this.canvas.style, { letterSpacing: 'normal', wordSpacing: 'normal', direction: 'ltr' });
    this.chartBox.canvas = this.canvas;
    this.interaction = new Interaction(this, this.chartBox, {
      chart: () => this.#liveChart(),
      redraw: () => this.#render(),
      guard: this.#guard,
    });
    this.chartBox.hidden = true;
    this.errorBox = document.createElement('div');
    this.errorBox.className = 'error';
    this.errorBox.setAttribute('part', 'error');
    this.errorBox.setAttribute('role', 'alert');
    this.errorBox.hidden = true;
    this.fallback = document.createElement('slot');
    this.fallback.className = 'fallback';
    root.append(this.chartBox, this.errorBox, this.fallback);
  }

  /** The timeline as an object (instead of `src` or inline JSON). */
  get data() {
    return this.#data;
  }

  set data(value) {
    this.#data = value;
    this.#load();
  }

  /**
   * Resolves when the accessible table of the drawn chart is complete: it is
   * built after the first paint, in idle time (above 1,000 events, when
   * the Table button asks for it). `incident-timeline:table` fires then too.
   */
  get tableReady() {
    if (this.interaction.tableComplete) return Promise.resolve();
    return new Promise((done) => this.addEventListener('incident-timeline:table', () => done(), { once: true }));
  }

  /** `ready`, `loading`, `error` or `idle`. */
  get state() {
    return this.#state;
  }

  /**
   * The chart, unless the wasm instance that made it has trapped since: its
   * memory went with that instance. A redraw rebuilds it on the fresh one.
   */
  #liveChart() {
    if (this.#chartGeneration === core.generation()) return this.#chart;
    this.#scheduleRender();
    return null;
  }

  connectedCallback() {
    this.#connected = true;
    // Redraw when a `time-zone` is set or changed on an ancestor after
    // load, or when <html> or <body> changes class, style or data-theme (a
    // site's dark-mode switch, which may set our colour properties).
    connected.add(this);
    zones ||= new MutationObserver((records) => {
      const root = document.documentElement;
      const inherited = ['time-zone', 'lang', 'dir'];
      if (records.some((r) => inherited.includes(r.attributeName) || r.target === root || r.target === document.body)) {
        connected.forEach((el) => el.#scheduleRender());
      }
    });
    // Each ancestor, not the whole document: changes elsewhere on the page
    // make no records at all.
    for (let n = this.parentElement; n; n = n.parentElement) {
      zones.observe(n, { attributeFilter: ['time-zone', 'lang', 'dir', 'class', 'style', 'data-theme'] });
    }
    // Only a new width needs a new layout (the chart's own height, or its
    // error box replacing it, changes the element's size too).
    // Its first callback comes before the first draw, which #load makes:
    // a chart not yet drawn is not redrawn (never twice for one width).
    this.#resize = new ResizeObserver(() => {
      if (this.#chart && this.#currentWidth() !== this.#width) this.#scheduleRender();
    });
    this.#resize.observe(this);
    this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#onScheme);
    addEventListener('hashchange', this.#onHash);
    addEventListener('scroll', this.#onScroll, { passive: true, capture: true });
    this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
    connected.delete(this);
    this.#resize?.disconnect();
    this.#resize = null;
    this.#darkQuery?.removeEventListener('change', this.#onScheme);
    removeEventListener('hashchange', this.#onHash);
    removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#abort?.abort();
    cancelAnimationFrame(this.#frame);
    this.#token += 1;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    // An element upgraded in place gets a call for each attribute before
    // connectedCallback, which loads anyway: loading here too would fetch
    // `src` twice (and abort the first).
    if (oldValue === newValue || !this.#connected) return;
    if (name === 'src' || name === 'timeline' || name === 'from' || name in FEED) this.#load();
    else this.#render();
  }

  #scheduleRender() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#render());
  }

  async #load() {
    if (!this.isConnected) return;
    const token = ++this.#token;
    this.#abort?.abort();
    this.#abort = null;
    this.#state = 'loading';
    try {
      if (!core) throw new Error('incident-timeline: no wasm core was configured');
      const input = await this.#input();
      if (token !== this.#token) return;
      if (input === undefined) {
        // Nothing given, even once the page has loaded. Not an error to show
        // readers: an app may set .data later (after an await, say), which
        // loads as usual. The author's fallback stays; the console says why.
        this.#state = 'idle';
        this.chartBox.hidden = this.errorBox.hidden = true;
        this.fallback.hidden = false;
        console.warn('<incident-timeline>: no timeline given yet: add a src or timeline attribute, a <script type="application/json"> child, or set .data', this);
        return;
      }
      await core.load();
      if (token !== this.#token) return;
      // A chart of a trapped instance is only forgotten: freeing it there
      // could throw (one in use when the trap hit stays borrowed), now or
      // from its finalizer.
      if (this.#chartGeneration === core.generation()) this.#chart?.free?.();
      else this.#chart?.__destroy_into_raw?.();
      this.#chart = null;
      // A feed (named by the attributes, or found not to be format v1 by the
      // widget's core) goes through the importers first. So does a timeline
      // the widget's core found problems in: it does not carry their
      // messages, and the full core throws them, with where each is.
      const feed = {};
      for (const [attr, option] of Object.entries(FEED)) {
        const v = this.getAttribute(attr);
        if (v && v !== 'json') feed[option] = v;
      }
      if (this.#text) feed.from ||= 'text';
      let timeline = input;
      let chart;
      try {
        if (Object.keys(feed).length) throw { notFormatV1: true };
        chart = core.run((c) => new c.Chart(input));
      } catch (e) {
        if (!e?.notFormatV1 && !e?.needsFullCore) throw e;
        if (!importer) throw e;
        let full;
        try {
          full = await importer();
        } catch (loadError) {
          // Offline, say: a timeline with problems still says it has them.
          throw e.needsFullCore ? e : loadError;
        }
        if (token !== this.#token) return;
        const result = full.importTimeline(input, feed);
        timeline = result.timeline;
        if (result.warnings.length) {
          console.warn('<incident-timeline>: feed items left out:', result.warnings, this);
          this.#emit('warning', { source: result.source, warnings: result.warnings });
        }
        chart = core.run((c) => new c.Chart(timeline));
      }
      this.#chart = chart;
      this.#chartGeneration = core.generation();
      this.#input_ = timeline;
      await this.#useLocale();
      if (token !== this.#token) return;
      this.#render();
    } catch (e) {
      if (token !== this.#token) return;
      this.#fail(e);
    }
  }

  #input_ = undefined;

  /** Whether the input is post-mortem text (the fallback, or a text/plain script). */
  #text = false;

  async #input() {
    this.#text = false;
    if (this.#data !== undefined) return this.#data;
    const src = this.getAttribute('src');
    if (src) {
      const abort = new AbortController();
      this.#abort = abort;
      const timer = setTimeout(() => {
        abort.timedOut = true;
        abort.abort('timeout');
      }, FETCH_TIMEOUT_MS);
      try {
        return await fetchTimeline(new URL(src, document.baseURI).href, abort);
      } finally {
        clearTimeout(timer);
      }
    }
    // JSON in an attribute: what MDX (React) pages can carry, as React
    // escapes the text of a <script> child.
    const json = this.getAttribute('timeline');
    if (json) return json;
    // An element upgraded while the page is still parsing may not have its
    // children yet: wait for the parser before looking for inline JSON.
    if (document.readyState === 'loading') {
      await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
    }
    // The post's own timeline, written as text, as the data: one source for
    // the chart and for readers without JavaScript.
    if (this.getAttribute('from') === 'fallback') {
      this.#text = true;
      return fallbackText(this);
    }
    const text = this.querySelector(':scope > script[type="text/plain"]');
    if (text) {
      this.#text = true;
      return text.textContent;
    }
    let script = this.querySelector(':scope > script[type="application/json"]');
    if (script) return script.textContent;
    // A page may set .data from a script that runs later: give it until the
    // page has loaded before saying the element is empty.
    if (document.readyState !== 'complete') {
      await new Promise((done) => addEventListener('load', done, { once: true }));
      if (this.#data !== undefined) return this.#data;
      script = this.querySelector(':scope > script[type="application/json"]');
      if (script) return script.textContent;
    }
    return undefined;
  }

  /** Loads the words and formats of the element's language and gives them to the chart. */
  async #useLocale() {
    const lang = langOf(this);
    let locale = null;
    try {
      locale = await localeFor(lang, core.run((c) => c.Chart));
    } catch (e) {
      console.warn(`<incident-timeline>: the words for lang="${lang}" could not be loaded; the chart is in English:`, e);
    }
    this.#lang = lang;
    this.#locale = locale;
    this.#giveLocale();
  }

  /** Gives the chart its language; the shadow boxes their language and direction. */
  #giveLocale() {
    const l = this.#locale;
    this.#chart?.setLocale(l ? this.#lang : 'en', l?.table ?? {});
    for (const box of [this.chartBox, this.errorBox]) box.lang = l ? this.#lang : 'en';
  }

  /** The word for `key` in the element's language, also before a chart exists (its error heading). */
  #word(key) {
    try {
      return this.#locale?.words[key] ?? core.run((c) => c.Chart.english(key));
    } catch {
      // No core at all (its wasm could not be loaded): the one English word kept here.
      return 'This incident timeline could not be shown.';
    }
  }

  #options(width) {
    const theme = this.getAttribute('theme') || 'auto';
    const dark = theme === 'dark' || (theme !== 'light' && this.#darkQuery?.matches);
    const options = { width, theme: dark ? 'dark' : 'light', now: Date.now(), hourCycle: this.getAttribute('hour-cycle') || undefined };
    const zone = this.interaction.timeZone(inheritedTimeZone(this));
    if (zone) options.timeZone = zone;
    return options;
  }

  #currentWidth() {
    // A host the page made inline (`* { all: unset }`, `display:
    // inline-block`) has no width until it has content, and would wait for
    // one forever: it draws at its container's width.
    const own = this.clientWidth || this.getBoundingClientRect().width;
    if (own || !/^inline|^contents/.test(getComputedStyle(this).display)) return Math.floor(own);
    return Math.floor(this.parentElement?.clientWidth || 0);
  }

  #render() {
    cancelAnimationFrame(this.#frame);
    if (!this.#chart || !this.isConnected) return;
    const width = this.#currentWidth();
    if (width <= 0) return;
    // A new language is loaded first; the chart stays as it is meanwhile.
    if (langOf(this) !== this.#lang) {
      const token = this.#token;
      this.#useLocale().then(() => token === this.#token && this.#render());
      return;
    }
    this.#width = width;
    try {
      if (this.#chartGeneration !== core.generation()) {
        this.#chart.__destroy_into_raw?.();
        this.#chart = null;
        this.#chart = core.run((c) => new c.Chart(this.#input_));
        this.#chartGeneration = core.generation();
        this.#giveLocale();
      }
      const options = this.#options(width);
      const chart = this.#chart;
      const height = core.run(() => {
        // Colours first: configure builds the theme from them.
        this.interaction.colors(chart);
        chart.configure(options.width, options.timeZone, options.theme === 'dark', options.now, options.hourCycle);
        const y = -this.canvas.getBoundingClientRect().top;
        this.#painted = [y - innerHeight / 4, y + 1.25 * innerHeight];
        return chart.draw(this.canvas, window.devicePixelRatio || 1, ...this.#painted);
      });
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
      this.chartBox.setAttribute('aria-label', chart.title || chart.word('chart.title'));
      this.chartBox.dir = dirOf(this);
      this.chartBox.classList.toggle('dark', options.theme === 'dark');
      this.errorBox.classList.toggle('dark', options.theme === 'dark');
      const first = this.#state !== 'ready';
      this.#showChart();
      this.interaction.drawn(chart, first, `${options.timeZone}|${options.theme}|${this.#lang}|${options.hourCycle}`);
      if (first) {
        this.#emit('ready', {
          title: this.#chart.title ?? null,
          events: this.#chart.eventCount,
          lanes: this.#chart.laneCount,
        });
      }
    } catch (e) {
      // The chart is kept: the failure may be an option (an unknown
      // time-zone, say) that a later attribute change fixes.
      this.#fail(e);
    }
  }

  #showChart() {
    this.#state = 'ready';
    this.errorBox.hidden = true;
    this.chartBox.hidden = false;
    this.fallback.hidden = true;
  }

  #fail(error) {
    this.#state = 'error';
    const problems = problemsOf(error);
    const heading = document.createElement('strong');
    heading.textContent = this.#word('error.heading');
    this.errorBox.dir = dirOf(this);
    const list = document.createElement('ul');
    for (const p of problems) {
      const item = document.createElement('li');
      item.textContent = describeProblem(p);
      list.append(item);
    }
    this.errorBox.replaceChildren(heading, list);
    this.errorBox.hidden = false;
    this.chartBox.hidden = true;
    this.fallback.hidden = false;
    this.#emit('error', { message: problems.map(describeProblem).join('\n'), problems });
  }

  #emit(name, detail) {
    this.dispatchEvent(new CustomEvent(`incident-timeline:${name}`, { detail, bubbles: true, composed: true }));
  }
}

// Everything a reader does with a drawn chart: hover tooltips, a pinned
// details panel, arrow-key navigation announced to screen readers, zoom and
// pan (buttons, keys, ctrl/⌘-wheel and trackpad pinch, drag, touch pinch,
// double-click), the time-zone switch, the table view and #event-id links.
// The wasm `Chart` answers every question (what is under the pointer, what
// comes next, how an event reads, every word in the reader's language:
// `chart.word(key)`); this file only wires DOM to it.

const KEYS = {
  ArrowRight: 'next', ArrowLeft: 'previous', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last',
};
/** Above this many events the table is built only when asked for (a hidden table of 10,000 rows holds over 100 MiB of DOM). */
const EAGER_TABLE = 1000;
/** Table rows asked of the core at a time. */
const TABLE_SLICE = 200;

/** Runs `fn(deadline)` when the browser is idle (Safari has no requestIdleCallback: soon after). */
const idle = (fn) => (window.requestIdleCallback
  ? requestIdleCallback(fn, { timeout: 1000 })
  : setTimeout(() => fn({ timeRemaining: () => 10 }), 20));

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k in node && typeof v !== 'string') node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

let scratch;
/** A CSS colour as [r, g, b], resolved by the browser (any CSS syntax). */
function rgb(css) {
  scratch ||= document.createElement('canvas').getContext('2d');
  scratch.fillStyle = '#010203';
  scratch.fillStyle = css;
  const v = scratch.fillStyle;
  if (v === '#010203' && css.replace(/\s/g, '') !== '#010203') return null;
  const hex = /^#([0-9a-f]{6})$/i.exec(v);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const m = v.match(/[\d.]+/g);
  return m && m.length >= 3 ? m.slice(0, 3).map(Number) : null;
}

const names = new WeakMap();
/**
 * What the core names for JavaScript (`Chart.describeFields()`,
 * `Chart.colorRoles()`), read once per core instance.
 */
function named(chart) {
  const Chart = chart.constructor;
  let n = names.get(Chart);
  if (!n) names.set(Chart, (n = { fields: Chart.describeFields().split(' '), roles: Chart.colorRoles().split(' ') }));
  return n;
}

/** Event `i` in words, by the names the core gives its fields. */
function describe(chart, i) {
  const a = chart.describe(i);
  const { fields } = named(chart);
  const d = Object.fromEntries(fields.map((k, n) => [k, a[n]]));
  d.links = [];
  for (let n = fields.length; n < a.length; n += 2) d.links.push({ url: a[n], label: a[n + 1] });
  return d;
}

export class Interaction {
  /**
   * `chart()`: the live wasm Chart or null; `redraw()`: lays out and paints
   * again; `guard(fn)`: runs an input handler so that a trap in the wasm
   * becomes the widget's error, not the page's.
   */
  constructor(host, box, { chart, redraw, guard }) {
    this.host = host;
    this.box = box;
    this.chart = chart;
    this.redraw = redraw;
    this.focused = -1;
    this.pinned = -1;
    this.zone = null; // null: the attribute's (or the document's) zone
    this.pointers = new Map();
    // The table's build: a newer one stops an older (#buildTable).
    this.tableBuild = 0;
    this.tableComplete = false;

    // Their words come with the chart (#label): the language is the page's.
    const button = (text, act) => el('button', { type: 'button', text, 'data-act': act });
    this.zoneSelect = el('select', { part: 'zone' });
    this.tableButton = el('button', { type: 'button', 'aria-pressed': 'false', 'data-act': 'table' });
    this.toolbar = el('div', { class: 'toolbar', part: 'toolbar' },
      button('+', 'in'), button('−', 'out'), button('', 'reset'), this.tableButton, this.zoneSelect);
    this.focusRing = el('div', { class: 'focus', part: 'focus', hidden: true });
    this.tip = el('div', { class: 'tip', part: 'tooltip', role: 'tooltip', hidden: true });
    this.details = el('div', { class: 'details', part: 'details', hidden: true });
    this.live = el('div', { class: 'sr-only', 'aria-live': 'polite' });
    this.table = el('div', { class: 'table sr-only', part: 'table' });
    this.plot = el('div', { class: 'plot' }, box.canvas, this.focusRing, this.tip);
    box.prepend(this.toolbar, this.plot);
    box.append(this.details, this.table, this.live);
    box.tabIndex = 0;
    // A named region: a landmark a screen reader can jump to, and a role
    // a focusable box may have (axe: focus-order-semantics).
    box.setAttribute('role', 'region');
    this.hint = el('p', { class: 'sr-only', id: 'hint' });
    box.append(this.hint);
    box.setAttribute('aria-describedby', 'hint');

    const on = (target, type, fn, opts) => target.addEventListener(type, (e) => guard(() => fn(e)), opts);
    on(this.toolbar, 'click', (e) => this.#toolbar(e));
    on(this.zoneSelect, 'change', () => {
      this.zone = this.zoneSelect.value || null;
      this.redraw();
    });
    const canvas = box.canvas;
    on(canvas, 'pointermove', (e) => this.#pointerMove(e));
    on(canvas, 'pointerdown', (e) => this.#pointerDown(e));
    on(canvas, 'pointerup', (e) => this.#pointerUp(e));
    on(canvas, 'pointercancel', (e) => this.#pointerUp(e));
    on(canvas, 'pointerleave', () => { if (!this.pointers.size) this.#hideTip(); });
    on(canvas, 'dblclick', (e) => this.#zoom(2, this.#local(e).x));
    on(canvas, 'wheel', (e) => this.#wheel(e), { passive: false });
    on(box, 'keydown', (e) => this.#key(e));
    on(this.details, 'click', (e) => this.#detailsClick(e));
  }

  /** Time zone for the next render, given the attribute's choice. */
  timeZone(fromAttribute) {
    this.attributeZone = fromAttribute;
    return this.zone === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : this.zone || fromAttribute;
  }

  /** Applies `--incident-timeline-<role>` colours from the page's CSS; the core names the roles. */
  colors(chart) {
    chart.clearColors();
    const style = getComputedStyle(this.host);
    for (const role of named(chart).roles) {
      const value = style.getPropertyValue(`--incident-timeline-${role}`).trim();
      const c = value && rgb(value);
      if (c) chart.setColor(role, ...c);
    }
  }

  /** The toolbar's and the hint's words in the chart's language. */
  #label(chart) {
    const [zoomIn, zoomOut, reset] = this.toolbar.querySelectorAll('button');
    for (const [button, key] of [[zoomIn, 'toolbar.zoomIn'], [zoomOut, 'toolbar.zoomOut']]) {
      button.title = chart.word(key);
      button.setAttribute('aria-label', button.title);
    }
    // The visible word is the whole accessible name (WCAG 2.5.3); the title adds what it does.
    reset.textContent = chart.word('toolbar.reset');
    reset.title = chart.word('toolbar.resetTitle');
    this.tableButton.textContent = chart.word('toolbar.table');
    this.zoneSelect.setAttribute('aria-label', chart.word('toolbar.zone'));
    this.box.setAttribute('aria-roledescription', chart.word('chart.role'));
    this.hint.textContent = chart.word('chart.hint');
    this.zoneSelect.replaceChildren();
  }

  /** After each draw: refresh what depends on layout, zone or language (`key` says which). */
  drawn(chart, first, key) {
    if (first || key !== this.tableKey) this.#label(chart);
    // The first choice is the zone the page asked for (a `time-zone`
    // attribute, the element's or an ancestor's), else the timeline's own.
    const documentZone = chart.timeZone;
    const byDefault = this.attributeZone ? chart.word('zone.page', this.attributeZone)
      : documentZone ? chart.word('zone.timeline', documentZone) : chart.word('zone.timelineDefault');
    const zones = [['', byDefault], ['local', chart.word('zone.local')], ['UTC', 'UTC']];
    if (this.zoneSelect.options.length !== zones.length) {
      this.zoneSelect.replaceChildren(...zones.map(([value, text]) => el('option', { value, text })));
    }
    // Only what changed: a text set to itself still makes the browser lay
    // the toolbar out again, on every frame of a zoom.
    const option = this.zoneSelect.options[0];
    if (option.textContent !== byDefault) option.textContent = byDefault;
    this.zoneSelect.value = this.zone || '';
    this.toolbar.querySelector('[data-act=reset]').disabled = !chart.zoomed;
    this.#placeFocus();
    if (this.pinned >= 0) this.#showDetails(this.pinned);
    // The table follows the zone; building it is not worth doing on every pan.
    if (first || key !== this.tableKey) {
      this.tableKey = key;
      this.table.replaceChildren();
      this.tableComplete = false;
      this.tableBuild += 1;
      if (!this.table.classList.contains('sr-only') || chart.eventCount <= EAGER_TABLE) this.#buildTable();
    }
    if (first) this.followHash();
  }

  /** Focuses the event named by the page's `#fragment`, if this chart has it. */
  followHash() {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape ("#%zz") names no event: the raw text is the id.
    }
    const chart = this.chart();
    if (!id || !chart) return;
    const i = chart.find(id);
    if (i < 0) return;
    this.#focus(i, true);
    this.host.scrollIntoView({ block: 'center' });
    this.#showDetails(i, true);
  }

  #local(e) {
    const r = this.box.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  #toolbar(e) {
    const act = e.target.closest('button')?.dataset.act;
    const chart = this.chart();
    if (!act || !chart) return;
    if (act === 'table') {
      const shown = this.table.classList.toggle('sr-only') === false;
      this.tableButton.setAttribute('aria-pressed', String(shown));
      if (shown && !this.table.firstChild) this.#buildTable();
      return;
    }
    const mid = this.box.canvas.clientWidth / 2;
    if (act === 'in') this.#zoom(2, this.#focusX() ?? mid);
    else if (act === 'out') this.#zoom(0.5, this.#focusX() ?? mid);
    else this.#reset();
  }

  #focusX() {
    const b = this.focused >= 0 ? this.chart().bounds(this.focused) : [];
    return b.length ? b[0] + b[2] / 2 : null;
  }

  #zoom(factor, x) {
    this.chart()?.zoom(factor, x);
    this.redraw();
    this.#announceScale();
  }

  #reset() {
    this.chart()?.resetView();
    this.redraw();
    this.#announceScale();
  }

  /** Tells screen readers how fine the axis now is ("Time axis: ticks every 5 minutes"). */
  #announceScale() {
    const words = this.chart()?.scaleAnnouncement;
    if (words) this.live.textContent = words;
  }

  #pointerMove(e) {
    const chart = this.chart();
    if (!chart) return;
    const p = this.#local(e);
    const prev = this.pointers.get(e.pointerId);
    if (prev) {
      this.pointers.set(e.pointerId, p);
      if (this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        const dist = Math.hypot(a.x - b.x, a.y - b.y);
        if (this.pinch) this.#zoom(dist / this.pinch, (a.x + b.x) / 2);
        this.pinch = dist;
      } else if (chart.zoomed || Math.abs(p.x - prev.x) > 0) {
        this.dragged ||= Math.abs(p.x - this.down.x) > 4;
        if (this.dragged) {
          chart.pan(p.x - prev.x);
          this.redraw();
        }
      }
      return;
    }
    const i = chart.hit(p.x, p.y, e.pointerType === 'touch');
    this.box.canvas.style.cursor = i >= 0 ? 'pointer' : '';
    if (i >= 0) this.#showTip(i, p);
    else this.#hideTip();
  }

  #pointerDown(e) {
    if (e.button > 0) return;
    const p = this.#local(e);
    this.pointers.set(e.pointerId, p);
    this.box.canvas.setPointerCapture?.(e.pointerId);
    if (this.pointers.size === 1) {
      this.down = p;
      this.dragged = false;
    }
    this.pinch = 0;
  }

  #pointerUp(e) {
    if (!this.pointers.delete(e.pointerId)) return;
    this.pinch = 0;
    if (this.pointers.size || this.dragged || e.type === 'pointercancel') return;
    const chart = this.chart();
    const p = this.#local(e);
    const i = chart ? chart.hit(p.x, p.y, e.pointerType === 'touch') : -1;
    if (i >= 0) {
      this.#focus(i, false);
      this.box.focus({ preventScroll: true });
      this.#showDetails(i, true);
    } else {
      this.#closeDetails();
    }
  }

  #wheel(e) {
    // A plain wheel scrolls the page; ctrl/⌘ + wheel (and trackpad pinch,
    // which browsers report as ctrl + wheel) zooms around the pointer.
    if (!(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    this.#zoom(Math.exp(-e.deltaY / 300), this.#local(e).x);
  }

  #key(e) {
    if (e.target !== this.box || e.altKey || e.ctrlKey || e.metaKey) return;
    const chart = this.chart();
    if (!chart) return;
    const step = KEYS[e.key];
    if (step && e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      chart.pan(e.key === 'ArrowLeft' ? 80 : -80);
      this.redraw();
    } else if (step) {
      const i = chart.step(this.focused, step);
      if (i >= 0) this.#focus(i, true);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (this.focused < 0) return;
      if (this.pinned === this.focused) this.#closeDetails();
      else this.#showDetails(this.focused, true);
    } else if (e.key === 'Escape') {
      if (this.pinned < 0) return;
      this.#closeDetails();
    } else if (e.key === '+' || e.key === '=') {
      this.#zoom(2, this.#focusX() ?? this.box.canvas.clientWidth / 2);
    } else if (e.key === '-' || e.key === '_') {
      this.#zoom(0.5, this.#focusX() ?? this.box.canvas.clientWidth / 2);
    } else if (e.key === '0') {
      this.#reset();
    } else {
      return;
    }
    e.preventDefault();
  }

  #focus(i, reveal) {
    const chart = this.chart();
    this.focused = i;
    if (reveal && !chart.bounds(i).length) {
      chart.reveal(i);
      this.redraw();
    }
    this.#placeFocus();
    this.live.textContent = describe(chart, i).sentence;
  }

  #placeFocus() {
    const b = this.focused >= 0 ? this.chart().bounds(this.focused) : [];
    this.focusRing.hidden = !b.length;
    if (!b.length) return;
    const s = this.focusRing.style;
    s.left = `${b[0] - 3}px`;
    s.top = `${b[1] - 3}px`;
    s.width = `${b[2] + 6}px`;
    s.height = `${b[3] + 6}px`;
  }

  #showTip(i, p) {
    const d = describe(this.chart(), i);
    this.tip.replaceChildren(
      el('strong', { text: d.title }),
      el('div', { text: `${d.kind} · ${d.lane}` }),
      el('div', { text: d.when }),
      el('div', { text: [d.duration, d.impact].filter(Boolean).join(' · ') }),
    );
    this.tip.hidden = false;
    this.#placeTip(p);
  }

  #hideTip() {
    this.tip.hidden = true;
    this.box.canvas.style.cursor = '';
  }

  /**
   * Puts the tooltip beside the pointer, inside the widget (whose box clips
   * it) and inside the window: below the pointer if it fits there, else
   * above, else wherever it shows the most.
   */
  #placeTip(p) {
    const tip = this.tip;
    const s = tip.style;
    // Measured at the origin: a box left near the right edge would be
    // measured squeezed (an absolute box shrinks to the room it has).
    s.left = '0px';
    s.top = '0px';
    const size = tip.getBoundingClientRect();
    const w = Math.ceil(size.width); // rounded down, the text could wrap once more
    const h = size.height;
    s.left = `${Math.max(0, Math.min(p.x + 12, this.plot.clientWidth - w))}px`;
    const plot = this.plot.getBoundingClientRect();
    const host = this.host.getBoundingClientRect();
    const top = Math.max(host.top, 0) - plot.top;
    const bottom = Math.min(host.bottom, innerHeight) - plot.top;
    const below = p.y + 16;
    const above = p.y - 8 - h;
    let y;
    if (below + h <= bottom) y = below;
    else if (above >= top) y = above;
    else y = Math.max(top, bottom - h);
    s.top = `${y}px`;
  }

  /** Pins event `i`'s details under the chart; `reveal`: scrolls them into the window. */
  #showDetails(i, reveal = false) {
    const chart = this.chart();
    const d = describe(chart, i);
    this.pinned = i;
    const rows = [['details.when', d.when], ['table.duration', d.duration], ['table.impact', d.impact], ['table.lane', d.lane]]
      .filter(([, v]) => v)
      .flatMap(([k, v]) => [el('dt', { text: chart.word(k) }), el('dd', { text: v })]);
    const parts = [
      el('button', { type: 'button', class: 'close', 'aria-label': chart.word('details.close'), text: '×', 'data-act': 'close' }),
      el('h3', { text: d.title }),
      el('p', { class: 'kind', text: d.kind }),
      el('dl', {}, ...rows),
    ];
    if (d.detail) parts.push(el('p', { class: 'detail', text: d.detail }));
    for (const link of d.links) {
      parts.push(el('p', {}, el('a', { href: link.url, text: link.label, rel: 'noopener noreferrer', target: '_blank' })));
    }
    if (d.id) parts.push(el('button', { type: 'button', text: chart.word('details.copy'), 'data-act': 'copy', 'data-id': d.id }));
    this.details.replaceChildren(...parts);
    this.details.hidden = false;
    if (reveal) this.details.scrollIntoView({ block: 'nearest' });
  }

  #closeDetails() {
    this.pinned = -1;
    this.details.hidden = true;
  }

  #detailsClick(e) {
    const b = e.target.closest('button');
    if (!b) return;
    if (b.dataset.act === 'close') {
      this.#closeDetails();
      this.box.focus();
    } else if (b.dataset.act === 'copy') {
      const url = new URL(location.href);
      url.hash = b.dataset.id;
      // No clipboard (a page served over plain http, an older browser) or
      // no permission: the button shows the link to copy by hand.
      const show = () => { b.textContent = url.href; };
      if (!navigator.clipboard?.writeText) show();
      else navigator.clipboard.writeText(url.href).then(() => { b.textContent = this.chart()?.word('details.copied') ?? ''; }, show);
    }
  }

  /**
   * The table of every event, built after the paint that asked for it, in
   * idle time and in slices (the core writes a slice of rows as one
   * string); a newer build stops an older one. When the last row is in,
   * `tableComplete` is true and the host fires `incident-timeline:table`.
   */
  #buildTable() {
    const chart = this.chart();
    const build = ++this.tableBuild;
    this.tableComplete = false;
    const head = ['lane', 'kind', 'event', 'start', 'end', 'duration', 'impact'].map((k) => chart.word(`table.${k}`));
    const body = el('tbody');
    this.table.replaceChildren(el('table', {},
      el('caption', { text: chart.word('table.caption', chart.title || chart.word('chart.title')) }),
      el('thead', {}, el('tr', {}, ...head.map((text) => el('th', { text, scope: 'col' })))),
      body));
    const count = chart.eventCount;
    let at = 0;
    const slice = (deadline) => {
      const live = this.chart();
      if (build !== this.tableBuild || !live) return;
      do {
        const to = Math.min(count, at + TABLE_SLICE);
        if (to > at) {
          body.append(...live.tableRows(at, to).split('\u001e').map((row) => el('tr', {},
            ...row.split('\u001f').map((text, k) => (k === 2 ? el('th', { text, scope: 'row' }) : el('td', { text }))))));
        }
        at = to;
      } while (at < count && deadline.timeRemaining() > 2);
      if (at < count) {
        idle(slice);
        return;
      }
      this.tableComplete = true;
      this.host.dispatchEvent(new CustomEvent('incident-timeline:table', { detail: { rows: count }, bubbles: true, composed: true }));
    };
    idle(slice);
  }
}

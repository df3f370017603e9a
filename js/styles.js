// The element's shadow styles, adopted as a constructable stylesheet so the
// widget works under a strict Content-Security-Policy (no inline <style>).
// Everything is reset inside, so hostile page CSS cannot reach in; only the
// documented custom properties and ::part()s let a page restyle it.
export const styles = `
:host {
  all: initial;
  display: block;
  position: relative;
  min-width: 0;
  overflow: hidden;
  color-scheme: light dark;
  font: 14px/1.4 Arial, Helvetica, "Liberation Sans", sans-serif;
  color: var(--incident-timeline-text, #1f2328);
  direction: ltr;
  text-align: start;
  contain: layout style;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
/* Page styles on the host itself (they beat :host) must not reach our text. */
.chart, .error {
  font: 14px/1.4 Arial, Helvetica, "Liberation Sans", sans-serif; letter-spacing: normal; word-spacing: normal;
  text-transform: none; text-indent: 0; direction: ltr; text-align: start; white-space: normal;
}
/* A right-to-left page (dir="rtl") gets its toolbar, panels and table laid
   out right to left; the time axis (the plot) always runs left to right. */
.chart[dir=rtl], .error[dir=rtl], .chart[dir=rtl] .tip { direction: rtl; }
/* The chart box is a card in the canvas's colours, so the toolbar and the
   panels under the canvas stay legible whatever the page's own colours. */
.chart {
  display: block; outline: none; color-scheme: light;
  background: var(--incident-timeline-background, #fff); color: var(--incident-timeline-text, #1f2328);
}
.chart.dark {
  color-scheme: dark;
  background: var(--incident-timeline-background, #0d1117); color: var(--incident-timeline-text, #e6edf3);
}
/* Inset: the host clips what overflows it, and the plot is as wide as the host. */
.chart:focus-visible .plot { outline: 2px solid #0969da; outline-offset: -2px; }
.plot { position: relative; direction: ltr; }
canvas { display: block; max-width: 100%; touch-action: pan-y; }
.toolbar { display: flex; flex-wrap: wrap; gap: 4px; justify-content: flex-end; margin: 0 0 4px; padding: 6px 6px 0; }
select { max-width: 100%; }
button, select {
  font: 13px Arial, Helvetica, sans-serif; color: inherit; background: transparent;
  border: 1px solid #8c959f; border-radius: 4px; padding: 2px 8px; min-height: 28px; cursor: pointer;
}
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, select:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button[aria-pressed=true] { background: rgba(9, 105, 218, .15); }
.focus { position: absolute; pointer-events: none; border: 2px solid #0969da; border-radius: 3px; box-shadow: 0 0 0 2px #fff; }
.tip, .details {
  box-sizing: border-box; background: #fff; color: #1f2328; border: 1px solid #8c959f; border-radius: 6px;
  box-shadow: 0 4px 12px rgba(0, 0, 0, .18); font-size: 13px; overflow-wrap: anywhere;
}
.tip { position: absolute; z-index: 2; pointer-events: none; padding: 6px 8px; max-width: min(320px, 100%); }
.details { position: relative; margin: 6px 0; padding-block: 8px; padding-inline: 12px 36px; }
.details h3 { margin: 0 0 2px; font-size: 15px; }
.details .kind { margin: 0 0 6px; color: #59636e; }
.details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.details dt { color: #59636e; }
.details dd { margin: 0; }
.details .detail { white-space: pre-wrap; }
.details a { color: #0969da; }
.details .close { position: absolute; top: 6px; inset-inline-end: 6px; border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
.table { overflow-x: auto; margin-top: 6px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
caption { text-align: start; font-weight: bold; padding: 4px 0; }
th, td { text-align: start; padding: 3px 8px; border-bottom: 1px solid #d1d9e0; vertical-align: top; }
.sr-only { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.dark .tip, .dark .details { background: #161b22; color: #e6edf3; border-color: #3d444d; }
.dark .focus { border-color: #4493f8; box-shadow: 0 0 0 2px #0d1117; }
.dark button[aria-pressed=true] { background: rgba(68, 147, 248, .25); }
.dark button, .dark select { border-color: #656c76; }
.chart.dark:focus-visible .plot, .dark button:focus-visible, .dark select:focus-visible { outline-color: #4493f8; }
.dark .details .kind, .dark .details dt { color: #9198a1; }
.dark .details a { color: #4493f8; }
.dark th, .dark td { border-color: #3d444d; }
.error {
  display: block;
  box-sizing: border-box;
  border: 1px solid #d1242f;
  border-inline-start-width: 4px;
  border-radius: 4px;
  padding: 8px 12px;
  margin: 4px 0;
  background: #fff5f5;
  color: #1f2328;
  overflow-wrap: anywhere;
}
.error ul { margin: 4px 0 0; padding-inline-start: 20px; }
.error li { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; white-space: pre-wrap; }
.error.dark { background: #2d1517; color: #e6edf3; border-color: #f85149; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

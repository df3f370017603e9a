// The element's shadow styles, adopted as a constructable stylesheet so the
// widget works under a strict Content-Security-Policy (no inline <style>).
export const styles = `
:host {
  display: block;
  position: relative;
  min-width: 0;
  overflow: hidden;
  color-scheme: light dark;
  font: 14px/1.4 Arial, Helvetica, "Liberation Sans", sans-serif;
  direction: ltr;
  text-align: start;
}
:host([hidden]) { display: none; }
[hidden] { display: none !important; }
.chart { display: block; }
canvas { display: block; max-width: 100%; }
.error {
  display: block;
  box-sizing: border-box;
  border: 1px solid #d1242f;
  border-left-width: 4px;
  border-radius: 4px;
  padding: 8px 12px;
  margin: 4px 0;
  background: #fff5f5;
  color: #1f2328;
  overflow-wrap: anywhere;
}
.error ul { margin: 4px 0 0; padding-left: 20px; }
.error li { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 13px; white-space: pre-wrap; }
.error.dark { background: #2d1517; color: #e6edf3; border-color: #f85149; }
`;

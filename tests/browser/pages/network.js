// The page's own heartbeat while widgets load: an animation-frame counter
// and the long tasks (main thread blocked for 50 ms or more) seen so far.
window.__itFrames = 0;
window.__itLongTasks = [];
function tick() {
  window.__itFrames += 1;
  requestAnimationFrame(tick);
}
requestAnimationFrame(tick);
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__itLongTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No long-task timing in this browser.
}

// Page side of tests/browser/bench.mjs: generates timelines and times an
// <incident-timeline> from its creation (with .data set) to its
// incident-timeline:ready event, which the element fires right after its
// first draw; and to the next animation frame after that.
(function () {
  'use strict';

  /** A deterministic timeline of `n` events in `lanes` lanes, mixed kinds. */
  function generate(n, lanes, seed) {
    let s = seed >>> 0 || 1;
    const random = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const laneList = [];
    for (let i = 0; i < lanes; i += 1) laneList.push({ id: `l${i}`, label: `Service ${i + 1}` });
    const severities = ['minor', 'major', 'critical'];
    const events = [];
    let t = Date.UTC(2024, 0, 8, 6, 0);
    for (let i = 0; i < n; i += 1) {
      t += Math.floor(random() * 6) * 60000;
      const lane = laneList[Math.floor(random() * lanes)].id;
      const r = random();
      const minutes = 1 + Math.floor(random() * 90);
      const start = new Date(t).toISOString();
      const end = new Date(t + minutes * 60000).toISOString();
      const title = `Event ${i + 1} in ${lane}`;
      if (r < 0.25) events.push({ id: `e${i}`, lane, kind: 'outage', severity: severities[i % 3], start, end, title });
      else if (r < 0.45) events.push({ id: `e${i}`, lane, kind: 'degraded', impact: Math.round(random() * 90 + 10) / 100, start, end, title });
      else if (r < 0.55) events.push({ id: `e${i}`, lane, kind: 'maintenance', start, end, title });
      else if (r < 0.8) events.push({ id: `e${i}`, lane, kind: 'activity', start, end, title });
      else events.push({ id: `e${i}`, lane, kind: 'milestone', at: start, title });
    }
    return { version: 1, title: `Generated: ${n} events`, timezone: 'UTC', lanes: laneList, events };
  }

  const frame = () => new Promise((done) => requestAnimationFrame(done));

  /** Creates a widget with `.data = data`; resolves to its timings (ms). */
  function once(data) {
    return new Promise((resolve, reject) => {
      const el = document.createElement('incident-timeline');
      const onReady = async (e) => {
        const ready = performance.now() - t0;
        await frame();
        const nextFrame = performance.now() - t0;
        el.remove();
        resolve({ ready, nextFrame, events: e.detail.events });
      };
      el.addEventListener('incident-timeline:ready', onReady, { once: true });
      el.addEventListener('incident-timeline:error', (e) => reject(new Error(e.detail.message)), { once: true });
      const t0 = performance.now();
      el.data = data;
      document.getElementById('host').append(el);
    });
  }

  const tiny = {
    version: 1,
    timezone: 'UTC',
    events: [{ lane: 'a', kind: 'milestone', at: '2024-01-01T00:00:00Z', title: 'warm-up' }],
  };

  window.itBench = {
    generate,
    /** Loads the wasm by drawing one tiny widget; returns ms since navigation. */
    async warm() {
      const t = await once(tiny);
      return { sinceNavigation: performance.now(), tinyReady: t.ready };
    },
    /** `runs` timed widgets (after one untimed) of `data`, or of a generated timeline. */
    async run(spec, runs) {
      const data = spec.url ? await (await fetch(spec.url)).json() : generate(spec.events, spec.lanes, spec.seed);
      await once(data);
      const results = [];
      for (let i = 0; i < runs; i += 1) results.push(await once(data));
      return results;
    },
  };
})();

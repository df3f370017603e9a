// The README's two npm snippets, as a Vite app would write them.
import 'incident-timeline/define';
import { renderToSvg, parseTimeline } from 'incident-timeline';

const timeline = {
  version: 1,
  title: 'Vite app outage',
  timezone: 'UTC',
  lanes: [{ id: 'api', label: 'API servers' }, { id: 'db', label: 'Database' }],
  events: [
    { lane: 'api', kind: 'outage', severity: 'major', start: '2024-05-01T08:00:00Z', end: '2024-05-01T08:40:00Z', title: 'API down' },
    { lane: 'db', kind: 'activity', start: '2024-05-01T08:05:00Z', end: '2024-05-01T09:30:00Z', title: 'Failover' },
    { lane: 'db', kind: 'milestone', at: '2024-05-01T09:30:00Z', title: 'Resolved' },
  ],
};

document.querySelector('#widget').data = timeline;
const svg = renderToSvg(timeline, { width: 600, theme: 'light' });
document.querySelector('#static').innerHTML = svg;
document.querySelector('#static').dataset.events = String(parseTimeline(timeline).events.length);

// The README's Docusaurus setup: the remark plugin for MDX pages, and the
// element registered in the browser by a client module. TEST_DOCUSAURUS_PAGES
// is for the test only: it builds src-bad/ to see a bad timeline fail the
// build.
import remarkIncidentTimeline from 'incident-timeline/remark';

export default {
  title: 'incident-timeline on Docusaurus',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        docs: false,
        blog: false,
        pages: {
          path: process.env.TEST_DOCUSAURUS_PAGES || 'src/pages',
          remarkPlugins: [[remarkIncidentTimeline, { width: 800 }]],
        },
      },
    ],
  ],
  clientModules: ['./src/incident-timeline.js'],
};

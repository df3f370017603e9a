// The README's Astro setup, for Markdown pages and, through @astrojs/mdx,
// MDX pages. The two environment variables are for the test only: it builds
// into a temporary folder, and builds src-bad/ to see a bad timeline fail
// the build.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkIncidentTimeline from 'incident-timeline/remark';

export default defineConfig({
  integrations: [mdx()], // only for .mdx pages; it takes the same remark plugins
  markdown: { remarkPlugins: [[remarkIncidentTimeline, { width: 800 }]] },
  srcDir: process.env.TEST_ASTRO_SRC_DIR || './src',
  outDir: process.env.TEST_ASTRO_OUT_DIR || './dist',
});

// The README's Eleventy setup, as is.
import incidentTimeline from 'incident-timeline/eleventy';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(incidentTimeline, { width: 800 });
}

export const config = {
  dir: { input: 'src' },
};

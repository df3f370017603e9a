// Writes locales/formats.json: how each language with a table (and a few
// regions) writes dates, times and numbers, as Node's Intl (CLDR) says, in
// the core's patterns (js/intl.js, the same code the widget runs in the
// browser). The full core embeds it, so the command line and renderToSvg in
// Node write the same bytes. Run after a change to js/intl.js or a new
// table: `node scripts/locales.mjs`; tests/locales.test.mjs fails while the
// file is out of date.
import { writeFileSync } from 'node:fs';
import { intlFormats } from '../js/intl.js';

/** Tags with formats of their own: the tables' languages, and English regions that write dates otherwise. */
export const FORMAT_TAGS = ['en', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'de', 'fr', 'es', 'pt', 'pt-PT', 'ja', 'zh-Hans'];

export function formatsJson() {
  const all = Object.fromEntries(FORMAT_TAGS.map((tag) => [tag, intlFormats(tag)]));
  return `${JSON.stringify(all, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../locales/formats.json', import.meta.url), formatsJson());
  console.log('wrote locales/formats.json');
}

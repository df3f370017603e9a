// What a page that is not in English needs, loaded by the element only for
// such a page: its language's table of words (locales/<language>.json,
// beside the script) and how the reader's browser writes dates, times and
// numbers in that locale (js/intl.js). An English page never downloads it.
import { intlFormats } from './intl.js';

const warned = new Set();

/**
 * `{ words, table }` for the page's `lang` (`table`: the words and the
 * formats, as the core's setLocale takes them), or null (English) for a
 * language without a table when the page gives no words of its own (`own`),
 * said once on the console. `Chart` is the core's (it matches `lang` to a
 * table); `tableUrl(language)` is where that table is.
 */
export async function load(lang, Chart, tableUrl, own) {
  const language = Chart.languageFor(lang);
  if (!language && !own) {
    if (!warned.has(lang)) {
      warned.add(lang);
      console.warn(`<incident-timeline>: no translation for lang="${lang}"; the chart is in English (IncidentTimelineElement.strings['${lang}'] can give one)`);
    }
    return null;
  }
  let words = {};
  if (language && language !== 'en') {
    const url = tableUrl(language);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
    words = await response.json();
  }
  let formats;
  try {
    formats = intlFormats(lang);
  } catch {
    // A tag Intl cannot read ("de_DE"): the table's language instead.
    formats = intlFormats(language || 'en');
  }
  // One object for the core: the words, and the formats by `@name`.
  const table = { ...words };
  for (const [name, value] of Object.entries(formats)) table[`@${name}`] = value;
  return { words, table };
}

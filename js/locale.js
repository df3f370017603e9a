// What a page that is not in English needs, loaded by the element only for
// such a page: its language's table of words (locales/<language>.json,
// beside the script) and how the reader's browser writes dates, times and
// numbers in that locale (js/intl.js). An English page never downloads it.
import { intlFormats } from './intl.js';

/**
 * `{ words, formats }` for the page's `lang`: `language` is the table the
 * core matched to it (`''`: none, the page gives its own words; `'en'`:
 * English, built into the core), `tableUrl(language)` where the table is.
 */
export async function load(lang, language, tableUrl) {
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
  return { words, formats };
}

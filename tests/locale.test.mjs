// The chart's language outside the browser: renderToSvg in Node and the
// command line write the same bytes for the same locale (the full core's
// embedded tables); a locale without a table is English with one warning
// (stderr, the console), never an error; locales/formats.json is what
// Node's Intl writes now (scripts/locales.mjs); the static-site plugins take
// a locale, as a fence setting or a plugin option, for the SVG and the
// element's lang.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { renderToSvg } from '../pkg/node.js';
import { renderBlock, blockToHtml } from '../pkg/ssg.js';
import { formatsJson } from '../scripts/locales.mjs';

const root = new URL('../', import.meta.url).pathname;
const bin = `${root}target/debug/incident-timeline`;
const seedPath = `${root}www/examples/seed-postmortem.json`;
const seed = readFileSync(seedPath, 'utf8');

before(() => {
  // Built now, so the binary is this source's (cargo does nothing when it is).
  execFileSync('cargo', ['build', '--bin', 'incident-timeline'], { cwd: root, stdio: 'inherit' });
});

const cli = (...args) => spawnSync(bin, ['render', seedPath, ...args], { encoding: 'utf8' });

for (const locale of ['de-DE', 'ja', 'en-GB', 'zh-CN', 'fr', 'es', 'pt-BR']) {
  test(`--locale ${locale} and renderToSvg(…, { locale: '${locale}' }) write the same bytes`, () => {
    const out = cli('--locale', locale, '--width', '700');
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stderr, '');
    assert.equal(out.stdout, renderToSvg(seed, { locale, width: 700 }));
    assert.ok(out.stdout.includes(`lang="${locale}"`));
  });
}

test('the seed in German: summary, legend and day row', () => {
  const svg = renderToSvg(seed, { locale: 'de-DE' });
  assert.ok(svg.includes('Ausfallzeit für Nutzer 1 Std. 28 Min. · 4 Ausfälle'));
  assert.ok(svg.includes('\nKritischer Ausfall\n'));
  assert.ok(svg.includes('\nMi., 7. Dez.\n'));
});

test('a locale without a table: English, with a warning on stderr and on the console', () => {
  const out = cli('--locale', 'xx-YY');
  assert.equal(out.status, 0);
  assert.match(out.stderr, /warning: no translation for the locale "xx-YY".*English/);
  assert.equal(out.stdout, cli().stdout);
  const seen = [];
  const warn = console.warn;
  console.warn = (...a) => seen.push(a.join(' '));
  try {
    assert.equal(renderToSvg(seed, { locale: 'xx-YY' }), renderToSvg(seed));
    renderToSvg(seed, { locale: 'xx-YY' });
  } finally {
    console.warn = warn;
  }
  assert.equal(seen.length, 1, JSON.stringify(seen));
  assert.match(seen[0], /xx-YY/);
});

test('locales/formats.json is what Intl writes (run node scripts/locales.mjs after changing js/intl.js)', () => {
  assert.equal(readFileSync(`${root}locales/formats.json`, 'utf8'), formatsJson());
});

test('the static-site plugins: a locale setting or option gives the SVG and the element\'s lang', () => {
  const json = readFileSync(seedPath, 'utf8');
  const fence = renderBlock(json, { info: '{locale="ja"}', file: 'post.md', line: 1 });
  assert.equal(fence.attributes.lang, 'ja');
  assert.ok(fence.svg.includes('lang="ja"') && fence.svg.includes('ユーザー影響時間'));
  const option = renderBlock(json, { options: { locale: 'de', hourCycle: 'h12' }, file: 'post.md', line: 1 });
  assert.deepEqual([option.attributes.lang, option.attributes['hour-cycle']], ['de', 'h12']);
  assert.ok(option.svg.includes('8:24 – 8:49 AM') || option.svg.includes('Ausfallzeit'));
  assert.match(blockToHtml(option), /^<incident-timeline lang="de" hour-cycle="h12">/);
});

// Server-side rendering in Node: renderToSvg (the package's Node entry, the
// full wasm core read from disk) draws the seed post-mortem as an SVG with a
// <title>, a <desc> and the lane labels, byte for byte what the command-line
// tool writes for the same options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runOk } from './projects.mjs';
import { renderToSvg } from '../../pkg/node.js';

const SEED = join(ROOT, 'www/examples/seed-postmortem.json');
const CLI = join(ROOT, 'target/debug/incident-timeline');

async function cli() {
  if (!existsSync(CLI)) await runOk('cargo', ['build', '--bin', 'incident-timeline'], { cwd: ROOT });
  return CLI;
}

const seed = JSON.parse(readFileSync(SEED, 'utf8'));

test('renderToSvg in Node: the seed post-mortem with its title, description and lane labels', () => {
  const svg = renderToSvg(seed, { width: 900, timeZone: 'America/Los_Angeles', theme: 'light' });
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /width="900"/);
  assert.ok(svg.includes('<title>12/7 Outage Post Mortem</title>'), 'the title');
  assert.match(svg, /<desc>A filesystem corruption bug[^<]*User-facing downtime[^<]*<\/desc>/);
  for (const lane of seed.lanes) {
    // plotters writes each text on a line of its own inside <text>.
    const text = lane.label.replace(/&/g, '&amp;');
    assert.match(svg, new RegExp(`<text [^>]*>\\s*${text}\\s*</text>`), `lane label ${lane.label}`);
  }
  assert.ok(svg.trimEnd().endsWith('</svg>'));
  // JSON text and object give the same picture.
  assert.equal(renderToSvg(readFileSync(SEED, 'utf8'), { width: 900, timeZone: 'America/Los_Angeles', theme: 'light' }), svg);
});

const OPTION_SETS = [
  { width: 900 },
  { width: 640, timeZone: 'UTC', theme: 'dark' },
  { width: 1200, timeZone: 'Europe/Berlin', theme: 'light' },
];

for (const options of OPTION_SETS) {
  test(`renderToSvg and the CLI write the same bytes: ${JSON.stringify(options)}`, async () => {
    const args = ['render', SEED, '--width', String(options.width)];
    if (options.timeZone) args.push('--time-zone', options.timeZone);
    if (options.theme) args.push('--theme', options.theme);
    const { stdout } = await runOk(await cli(), args, { cwd: ROOT });
    const svg = renderToSvg(seed, options);
    assert.ok(svg.length > 5000);
    assert.equal(svg, stdout, 'byte-identical');
  });
}

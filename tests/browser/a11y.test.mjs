// axe-core on the demo (/), the post with the JSON timeline, the examples and
// the playground, light and dark, with the charts drawn and their shadow
// roots included: no violations of WCAG 2.x A/AA, best practice or axe's
// experimental rules (among them label-content-name-mismatch: a control's
// visible word is part of its accessible name, WCAG 2.5.3). axe is evaluated
// in the page over CDP, which a page's CSP does not block.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startHarness } from './harness.mjs';

const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

let h;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

for (const path of ['/', '/post-json.html', '/examples.html', '/playground.html']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe finds nothing on ${path} (${colorScheme})`, async () => {
      const p = await h.openPage(path, { colorScheme });
      try {
        await p.page.waitForFunction(
          () => [...document.querySelectorAll('incident-timeline')].every((e) => e.state === 'ready'),
          null,
          { timeout: 30000 },
        );
        await p.frames(3);
        await p.page.evaluate(axe);
        const violations = await p.page.evaluate(async (values) => {
          const r = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
        }, TAGS);
        assert.deepEqual(violations, [], `${path} ${colorScheme}`);
        await p.assertClean();
      } finally {
        await p.close();
      }
    });
  }
}

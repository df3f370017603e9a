// A Vite app (tests/packaging/vite-app, no Vite config at all) installs the
// packed tarball, imports `incident-timeline/define` and `renderToSvg` from
// `incident-timeline`, and is built with `vite build`; the built page, served
// statically, renders the widget in Chromium and draws an SVG with the
// full core. Vite finds and copies both wasm files on its own. The dev
// server works with the one line of config the README gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepareProject, runOk, tempDir } from './projects.mjs';
import { serveSite, assertInteractive } from './browser.mjs';
import { TIMEOUT } from '../browser/harness.mjs';

let project;
let out;
let h;
before(async () => {
  project = await prepareProject('vite-app');
  assert.ok(!existsSync(join(project.dir, 'vite.config.js')) && !existsSync(join(project.dir, 'vite.config.mjs')), 'no Vite config');
  out = tempDir('incident-timeline-vite-');
  await runOk(join(project.dir, 'node_modules/.bin/vite'), ['build', '--outDir', out.dir, '--emptyOutDir'], { cwd: project.dir });
  h = await serveSite(out.dir);
});
after(async () => {
  await h?.close();
  out?.remove();
  project?.remove();
});

test('vite build: the app bundles the element, the API and both wasm files', () => {
  const assets = readdirSync(join(out.dir, 'assets'));
  assert.ok(assets.some((f) => /^incident_timeline_widget_bg-.*\.wasm$/.test(f)), `the widget wasm: ${assets}`);
  assert.ok(assets.some((f) => /^incident_timeline_bg-.*\.wasm$/.test(f)), `the full wasm: ${assets}`);
  // The app's script, plus the chunks split off what the element loads
  // lazily: the importers (and their glue), and the code for a page not in English.
  const js = assets.filter((f) => f.endsWith('.js'));
  assert.ok(js.length >= 1 && js.length <= 4, `the app's scripts: ${js}`);
  for (const f of js) {
    const code = readFileSync(join(out.dir, 'assets', f), 'utf8');
    assert.ok(!code.includes('node:fs'), `${f}: the browser build did not take the Node entry`);
  }
});

test('the built page: the widget is ready and interactive, renderToSvg drew the SVG', async () => {
  const p = await h.openPage('/index.html');
  try {
    await assertInteractive(p, '#widget', { events: 3 });
    const ready = await p.waitForEvent('widget', 'ready');
    assert.deepEqual(ready.detail, { title: 'Vite app outage', events: 3, lanes: 2 });
    // The fallback paragraph is hidden while the chart is up.
    assert.equal(await p.page.locator('#widget > p').isVisible(), false);
    const svg = p.page.locator('#static > svg');
    assert.equal(await svg.locator('title').textContent(), 'Vite app outage');
    assert.equal(await svg.getAttribute('width'), '600');
    assert.ok((await svg.boundingBox()).width > 500);
    assert.equal(await p.page.locator('#static').getAttribute('data-events'), '3');
    const wasm = p.log.requests.filter((u) => u.endsWith('.wasm')).map((u) => new URL(u).pathname);
    assert.equal(wasm.length, 2, `both cores fetched: ${wasm}`);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

test('vite dev server (with the README\'s optimizeDeps line): the widget and renderToSvg work', async () => {
  const port = await freePort();
  const child = spawn(
    join(project.dir, 'node_modules/.bin/vite'),
    ['--config', 'vite.config.dev.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: project.dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite dev did not start:\n${output}`)), TIMEOUT);
      const seen = (d) => {
        output += d;
        if (output.includes(`:${port}/`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', seen);
      child.stderr.on('data', seen);
      child.on('exit', (code) => reject(new Error(`vite dev exited (${code}):\n${output}`)));
    });
    const context = await h.browser.newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e.message)));
      await page.goto(`http://127.0.0.1:${port}/`);
      // Waits for `ready` (on the first start Vite may reload the page once
      // after optimizing dependencies); on a timeout, says what the widget showed.
      try {
        await page.waitForFunction(() => document.querySelector('#widget')?.state === 'ready', null, { timeout: TIMEOUT });
      } catch (e) {
        const why = await page
          .evaluate(() => document.querySelector('#widget')?.shadowRoot?.querySelector('.error')?.textContent)
          .catch(() => null);
        throw new Error(`the widget did not get ready under vite dev: ${why}\n${errors.join('\n')}\n${output}`, { cause: e });
      }
      assert.equal(await page.locator('#static > svg > title').textContent(), 'Vite app outage');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  } finally {
    child.kill();
  }
});

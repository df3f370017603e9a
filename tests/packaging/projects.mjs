// Shared by the packaging tests: packs the npm package as published
// (`npm pack`), and prepares the small real projects under tests/packaging/
// (each with its committed package.json and package-lock.json): `npm ci`
// once, skipped while node_modules matches the lock, then the packed tarball
// installed with `npm install --no-save`, so the committed files never change.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PROJECTS = fileURLToPath(new URL('.', import.meta.url));

/** Generous: installs and builds share the machine's cores. */
export const STEP_TIMEOUT = Number(process.env.PACKAGING_STEP_TIMEOUT || 10 * 60 * 1000);

/**
 * Runs a command; resolves to { code, stdout, stderr } (never rejects on a
 * non-zero exit; rejects if it cannot start or runs past `timeout`).
 */
export function run(command, args, { cwd = ROOT, env = {}, timeout = STEP_TIMEOUT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ran for more than ${timeout / 1000} s\n${stdout}\n${stderr}`));
    }, timeout);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Like run, but throws with the output unless the command succeeds. */
export async function runOk(command, args, options) {
  const r = await run(command, args, options);
  if (r.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${r.code})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

/** A fresh temporary directory, removed by the returned `remove()`. */
export function tempDir(prefix = 'incident-timeline-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `npm pack --pack-destination <dir>`: the tarball as it would be published.
 * Returns { file, size, unpackedSize, files: [paths] }.
 */
export async function packTarball(dir) {
  const { stdout } = await runOk('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [info] = JSON.parse(stdout);
  return {
    file: join(dir, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((f) => f.path),
  };
}

const STAMP = '.incident-timeline-lock-sha256';

/**
 * `npm ci` in tests/packaging/<name> unless its node_modules was installed
 * from the same package-lock.json already. Returns the project's directory.
 */
export async function ensureProject(name) {
  const dir = join(PROJECTS, name);
  const lock = join(dir, 'package-lock.json');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const stamp = join(dir, 'node_modules', STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return dir;
  await runOk('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(stamp, hash);
  return dir;
}

/** Installs the packed tarball into the project without touching its package files. */
export async function installTarball(dir, tarball) {
  await runOk('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], { cwd: dir });
}

/** ensureProject + packTarball + installTarball; returns { dir, tarball, remove }. */
export async function prepareProject(name) {
  const dir = await ensureProject(name);
  const tmp = tempDir('incident-timeline-pack-');
  try {
    const tarball = await packTarball(tmp.dir);
    await installTarball(dir, tarball.file);
    return { dir, tarball, remove: tmp.remove };
  } catch (e) {
    tmp.remove();
    throw e;
  }
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text, needle) {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

const ENTITIES = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

/**
 * The `timeline` attributes of the <incident-timeline> elements in `html`,
 * decoded as a browser decodes them (named and numeric character
 * references), in document order.
 */
export function timelineAttributes(html) {
  return [...html.matchAll(/<incident-timeline\b[^>]*?\stimeline="([^"]*)"/g)].map((m) =>
    m[1].replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
      if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
      return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    }),
  );
}

/**
 * A site build given the broken post (`source`, its path relative to the
 * project in `dir`) failed as promised: a non-zero exit, the file and the
 * fence's line, each problem with its JSON path, and no page written at
 * `page` (absolute).
 */
export function assertBadBuild(r, dir, source, page) {
  const output = r.stdout + r.stderr;
  assert.notEqual(r.code, 0, 'the build fails');
  const fence = lineOf(readFileSync(join(dir, source), 'utf8'), '```incident-timeline');
  assert.ok(output.includes(`${source}:${fence}: the \`\`\`incident-timeline block has 2 problems:`), output);
  assert.match(output, /events\[0\]\.end: end 10:24 is before start 10:49/);
  assert.match(output, /events\[1\]\.lane: unknown lane "databse"; did you mean "database"\?/);
  assert.ok(!existsSync(page), 'no page with a blank chart was written');
}

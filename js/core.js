// The wasm core, shared by every widget on the page: compiled once,
// instantiated on first use, and instantiated afresh if it ever traps
// (a trap leaves a wasm instance in an unknown state; a new one is cheap
// because the compiled module is kept).
import { createGlue } from './glue.js';

let wasmSource = null;
let compiled = null;
let compiledModule = null;
let instance = null;
let generation = 0;

/** Where the .wasm file is: a URL, a Response promise, bytes, or a WebAssembly.Module. */
export function setWasmSource(source) {
  wasmSource = source;
}

async function compile() {
  const source = await wasmSource;
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = await (source instanceof Response ? source : fetch(source));
  if (!response.ok) {
    throw new Error(`could not load the incident-timeline wasm (${response.url || source}): HTTP ${response.status}`);
  }
  if (typeof WebAssembly.compileStreaming === 'function' &&
      (response.headers.get('content-type') || '').startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

function instantiate(module) {
  const glue = createGlue();
  glue.initSync({ module });
  generation += 1;
  instance = glue;
  return glue;
}

/** Resolves to the core once the wasm is compiled and instantiated. */
export function loadCore() {
  if (!compiled) {
    compiled = compile();
    compiled.catch(() => { compiled = null; });
  }
  return compiled.then((module) => {
    compiledModule = module;
    return instance || instantiate(module);
  });
}

/** Loads the core synchronously from bytes or a module (Node, tests). */
export function loadCoreSync(bytesOrModule) {
  const module = bytesOrModule instanceof WebAssembly.Module ? bytesOrModule : new WebAssembly.Module(bytesOrModule);
  compiled = Promise.resolve(module);
  compiledModule = module;
  return instance || instantiate(module);
}

/** Which instance is current; a widget whose chart came from an older one rebuilds it. */
export function coreGeneration() {
  return generation;
}

/**
 * Runs `fn(core)`. A trap inside wasm (a bug, never bad input) throws a
 * readable error and the next call gets a fresh instance.
 */
export function withCore(fn) {
  if (!instance) throw new Error('incident-timeline: the wasm core is not loaded yet');
  try {
    return fn(instance);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      instance = null;
      if (compiledModule) instantiate(compiledModule);
      const err = new Error(`incident-timeline hit an internal error (${e.message}); please report it with the timeline that caused it`);
      err.name = 'IncidentTimelineInternalError';
      err.problems = [{ path: '', message: err.message }];
      throw err;
    }
    throw e;
  }
}

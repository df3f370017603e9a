// Loading the wasm core. A loader compiles its .wasm once and instantiates it
// on first use; if the instance ever traps (a trap leaves a wasm instance in
// an unknown state) the next call gets a fresh one from the kept module.
// There are two builds: the full core (parseTimeline, renderToSvg, serde_json)
// for the npm API and Node, and the smaller widget core for the element alone.

/**
 * @param {() => object} createGlue the wasm-bindgen glue factory of the build
 * @param {*} source where the .wasm is: a URL, a Response (promise), bytes or a WebAssembly.Module
 */
export function coreLoader(createGlue, source) {
  let compiled = null;
  let module = null;
  let instance = null;
  let generation = 0;

  async function compile() {
    const from = await source;
    if (from instanceof WebAssembly.Module) return from;
    if (from instanceof ArrayBuffer || ArrayBuffer.isView(from)) return WebAssembly.compile(from);
    const response = await (from instanceof Response ? from : fetch(from));
    if (!response.ok) {
      throw new Error(`could not load the incident-timeline wasm (${response.url || from}): HTTP ${response.status}`);
    }
    if (typeof WebAssembly.compileStreaming === 'function' &&
        (response.headers.get('content-type') || '').startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }

  function instantiate(m) {
    const glue = createGlue();
    try {
      glue.initSync({ module: m });
    } catch (e) {
      // Its imports are named for its build (scripts/short-names.mjs): the
      // glue of another build cannot link them.
      if (!(e instanceof TypeError || e instanceof WebAssembly.LinkError)) throw e;
      throw new Error(`the incident-timeline script and wasm are from different releases (${e.message})`);
    }
    generation += 1;
    instance = glue;
    return glue;
  }

  return {
    /** Resolves to the core once the wasm is compiled and instantiated. */
    load() {
      if (!compiled) {
        compiled = compile();
        compiled.catch(() => { compiled = null; });
      }
      return compiled.then((m) => {
        module = m;
        return instance || instantiate(m);
      });
    },

    /** Instantiates synchronously from bytes or a module (Node). */
    loadSync(bytesOrModule) {
      module = bytesOrModule instanceof WebAssembly.Module ? bytesOrModule : new WebAssembly.Module(bytesOrModule);
      compiled = Promise.resolve(module);
      return instance || instantiate(module);
    },

    /** Counts instantiations; objects made by an older instance must be rebuilt. */
    generation: () => generation,

    /**
     * Runs `fn(core)`. A trap inside wasm (a bug, never bad input) throws a
     * readable error and leaves a fresh instance for the next call.
     */
    run(fn) {
      if (!instance) throw new Error('incident-timeline: the wasm core is not loaded yet');
      try {
        return fn(instance);
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          instance = null;
          if (module) instantiate(module);
          const err = new Error(`incident-timeline hit an internal error (${e.message}); please report it with the timeline that caused it`);
          err.name = 'IncidentTimelineInternalError';
          err.problems = [{ path: '', message: err.message }];
          throw err;
        }
        // The core's own errors come back through a normal return. Anything
        // else may be a JavaScript exception that unwound through wasm frames
        // (a hostile .data: a Proxy or getter that throws while the core
        // reads it), which skips their epilogues and leaks the instance's
        // shadow stack; enough of them and it overflows into a trap. So the
        // instance is replaced, and the error itself passes on unchanged.
        if (!(e && e.name === 'IncidentTimelineError')) {
          instance = null;
          if (module) instantiate(module);
        }
        throw e;
      }
    },
  };
}

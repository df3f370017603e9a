// Only for `vite` (the dev server), as the README says: Vite's dependency
// pre-bundling moves modules away from the wasm files they locate with
// `new URL(…, import.meta.url)`. `vite build` needs no config at all.
export default { optimizeDeps: { exclude: ['incident-timeline'] } };

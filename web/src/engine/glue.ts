// The Emscripten glue, loaded on demand as a chunk of its own, so the page and the background
// worker share one copy: the worker imports it from `url`, which the page sends it.
export { default } from './generated/shallowsim.js';
export const url = import.meta.url;

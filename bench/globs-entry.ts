// What bench/globs.mjs bundles (with ncc) and times: the gate's glob matcher.
export { pathGlob, idGlob } from '../src/glob/glob.js';

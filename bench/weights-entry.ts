// What bench/weights.mjs bundles (with ncc) and times: the weight readers and the fixture writers.
export { readWeightHeader } from '../src/weights/read-header.js';
export { sha256OfFile } from '../src/weights/digest.js';
export { ggufBytes, writeSafetensors } from '../__tests__/helpers/weights.js';

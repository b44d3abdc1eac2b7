import pkg from '../package.json' with { type: 'json' };

/** The tool's version, as published in package.json. */
export const version: string = pkg.version;

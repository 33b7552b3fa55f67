declare const LYNXP_VERSION: string | undefined;

/** The package version, set by the bundler (scripts/build.mjs); unbundled runs (the unit tests) say so. */
export const VERSION = typeof LYNXP_VERSION === 'string' ? LYNXP_VERSION : '0.0.0-dev';

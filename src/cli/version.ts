/** The version, replaced by the bundler from package.json; "dev" when run from source. */
declare const __SITREP_VERSION__: string | undefined;

export const version: string = typeof __SITREP_VERSION__ === 'string' ? __SITREP_VERSION__ : 'dev';

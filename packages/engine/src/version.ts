/** Semver of the Brain; bumped with every change to what it decides. Plans and bundles record it. */
export const ENGINE_VERSION = '0.1.0';

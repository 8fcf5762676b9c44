/** Nest injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const DB_CONNECTION = Symbol('DB_CONNECTION');

/** Replaced at build time with package.json's version. */
declare const PLUGBOARD_VERSION: string;

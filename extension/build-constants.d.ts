/** Set by vite.config.ts for each build: the one place the two browsers differ in code. */
declare const __IS_FIREFOX__: boolean;
